/* SCM_RIGHTS: descriptors pass over a stream and a datagram socket, land as new
 * descriptors (MSG_CMSG_CLOEXEC honoured), and a message carrying them ends a read;
 * a control buffer too short installs what fits and sets MSG_CTRUNC; unread rights
 * are dropped with the socket; more than 253 is EINVAL, a closed fd EBADF. */
#include "guest.h"
#include <sys/socket.h>
#include <sys/uio.h>

static int send_fds(int s, const char *data, const int *fds, int n)
{
    char ctl[CMSG_SPACE(sizeof(int) * 256)];
    struct iovec iov = { (void *)data, strlen(data) };
    struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = ctl,
                         .msg_controllen = CMSG_SPACE(sizeof(int) * n) };
    memset(ctl, 0, sizeof ctl);
    struct cmsghdr *c = CMSG_FIRSTHDR(&mh);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(sizeof(int) * n);
    memcpy(CMSG_DATA(c), fds, sizeof(int) * n);
    return syscall(SYS_sendmsg, s, &mh, 0);   /* musl copies control to 1 KiB */
}

/* Reads into buf; returns the byte count, the fds received in fds and their count. */
static int recv_fds(int s, char *buf, size_t len, int *fds, int *nfds, size_t ctllen,
                    int flags, int *mflags)
{
    char ctl[CMSG_SPACE(sizeof(int) * 256)];
    struct iovec iov = { buf, len };
    struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = ctl,
                         .msg_controllen = ctllen };
    int n = recvmsg(s, &mh, flags);
    *nfds = 0;
    if (n < 0)
        return n;
    for (struct cmsghdr *c = CMSG_FIRSTHDR(&mh); c; c = CMSG_NXTHDR(&mh, c))
        if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS) {
            int k = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
            memcpy(fds + *nfds, CMSG_DATA(c), k * sizeof(int));
            *nfds += k;
        }
    *mflags = mh.msg_flags;
    return n;
}

int main(void)
{
    int sv[2], p[2], fds[8], nfds, fl;
    char buf[64];

    CHECK_OK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
    CHECK_OK(pipe(p));
    CHECK(write(sv[0], "ab", 2) == 2);
    CHECK(send_fds(sv[0], "cd", &p[1], 1) == 2);
    CHECK(write(sv[0], "ef", 2) == 2);
    /* "ab" then "cd" with the fd: the read stops after the message with rights. */
    CHECK(recv_fds(sv[1], buf, sizeof buf, fds, &nfds, sizeof buf + 64, 0, &fl) == 4);
    CHECK(memcmp(buf, "abcd", 4) == 0 && nfds == 1 && fl == 0);
    CHECK(fds[0] != p[1] && CHECK_OK(fcntl(fds[0], F_GETFD)) == 0);
    CHECK(write(fds[0], "!", 1) == 1);                     /* the same pipe */
    CHECK(read(p[0], buf, 1) == 1 && buf[0] == '!');
    close(fds[0]);
    CHECK(recv_fds(sv[1], buf, sizeof buf, fds, &nfds, 64, 0, &fl) == 2 && nfds == 0);

    /* A control buffer for one fd of three: one installed, MSG_CTRUNC. */
    int three[3] = { p[0], p[1], p[1] };
    CHECK(send_fds(sv[0], "x", three, 3) == 1);
    CHECK(recv_fds(sv[1], buf, sizeof buf, fds, &nfds, CMSG_LEN(sizeof(int)),
                   MSG_CMSG_CLOEXEC, &fl) == 1);
    CHECK(nfds == 1 && (fl & MSG_CTRUNC));
    CHECK(CHECK_OK(fcntl(fds[0], F_GETFD)) == FD_CLOEXEC);
    close(fds[0]);

    /* No control buffer at all: the rights are dropped. */
    CHECK(send_fds(sv[0], "y", &p[0], 1) == 1);
    CHECK(recv_fds(sv[1], buf, sizeof buf, fds, &nfds, 0, 0, &fl) == 1);
    CHECK(nfds == 0 && (fl & MSG_CTRUNC));

    /* Errors. */
    int bad = 9999;
    CHECK_ERR(send_fds(sv[0], "z", &bad, 1), EBADF);
    int many[254];
    for (int i = 0; i < 254; i++)
        many[i] = p[0];
    CHECK_ERR(send_fds(sv[0], "z", many, 254), EINVAL);
    CHECK(send_fds(sv[0], "z", many, 253) == 1);
    CHECK(recv_fds(sv[1], buf, sizeof buf, fds, &nfds, 0, 0, &fl) == 1);

    /* Over a datagram pair, with the pipe's last write end only in flight. */
    int dv[2];
    CHECK_OK(socketpair(AF_UNIX, SOCK_DGRAM, 0, dv));
    CHECK(send_fds(dv[0], "w", &p[1], 1) == 1);
    close(p[1]);
    CHECK(recv_fds(dv[1], buf, sizeof buf, fds, &nfds, 64, 0, &fl) == 1 && nfds == 1);
    close(fds[0]);
    CHECK(read(p[0], buf, 1) == 0);          /* every write end closed now */

    /* Unread rights die with the socket: the pipe sees its writer go. */
    CHECK_OK(pipe(p));
    CHECK(send_fds(dv[0], "v", &p[1], 1) == 1);
    close(p[1]);
    close(dv[1]);
    CHECK(read(p[0], buf, 1) == 0);
    return 0;
}
