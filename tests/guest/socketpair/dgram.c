/* Datagram and seqpacket socketpairs keep message boundaries: a short read
 * truncates (MSG_TRUNC), MSG_PEEK does not consume, a zero-length datagram is one. */
#include "guest.h"
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/uio.h>

static void boundaries(int type)
{
    int sv[2], n;
    char buf[64];
    struct iovec iov = { buf, 3 };
    struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1 };

    CHECK_OK(socketpair(AF_UNIX, type, 0, sv));
    CHECK(send(sv[0], "one", 3, 0) == 3);
    CHECK(send(sv[0], "twotwo", 6, 0) == 6);
    CHECK(send(sv[0], "", 0, 0) == 0);
    CHECK_OK(ioctl(sv[1], FIONREAD, &n));
    CHECK(n == (type == SOCK_DGRAM ? 3 : 9));
    CHECK(recv(sv[1], buf, sizeof buf, MSG_PEEK) == 3);
    CHECK(recv(sv[1], buf, sizeof buf, 0) == 3 && memcmp(buf, "one", 3) == 0);
    CHECK(recvmsg(sv[1], &mh, 0) == 3);
    CHECK(mh.msg_flags & MSG_TRUNC);
    CHECK(memcmp(buf, "two", 3) == 0);
    CHECK(recv(sv[1], buf, sizeof buf, MSG_DONTWAIT) == 0);   /* the empty one */
    CHECK_ERR(recv(sv[1], buf, sizeof buf, MSG_DONTWAIT), EAGAIN);
    CHECK(send(sv[0], "abcdef", 6, 0) == 6);
    CHECK(recv(sv[1], buf, 2, MSG_TRUNC) == 6);               /* the whole length */
    /* writev makes one message of its vector. */
    struct iovec v2[2] = { { "ab", 2 }, { "cd", 2 } };
    CHECK(writev(sv[0], v2, 2) == 4);
    CHECK(read(sv[1], buf, sizeof buf) == 4 && memcmp(buf, "abcd", 4) == 0);
    close(sv[0]);
    if (type == SOCK_SEQPACKET)
        CHECK(recv(sv[1], buf, sizeof buf, 0) == 0);           /* end of file */
    close(sv[1]);
}

int main(void)
{
    boundaries(SOCK_DGRAM);
    boundaries(SOCK_SEQPACKET);

    /* A datagram larger than the send buffer is EMSGSIZE. */
    int sv[2], sz = 4096;
    CHECK_OK(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv));
    CHECK_OK(setsockopt(sv[0], SOL_SOCKET, SO_SNDBUF, &sz, sizeof sz));
    static char big[64 * 1024];
    CHECK_ERR(send(sv[0], big, sizeof big, 0), EMSGSIZE);
    close(sv[0]);
    close(sv[1]);
    return 0;
}
