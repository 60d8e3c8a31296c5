/* sendmmsg(2) and recvmmsg(2) on a datagram pair: counts and msg_len per entry;
 * MSG_WAITFORONE returns what is there after the first; a timeout is written back. */
#include "guest.h"
#include <sys/socket.h>
#include <sys/uio.h>
#include <time.h>

int main(void)
{
    int sv[2];
    char data[3][8] = { "a", "bb", "ccc" }, in[4][8];
    struct iovec out[3], iv[4];
    struct mmsghdr om[3], im[4];

    CHECK_OK(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv));
    memset(om, 0, sizeof om);
    for (int i = 0; i < 3; i++) {
        out[i] = (struct iovec){ data[i], strlen(data[i]) };
        om[i].msg_hdr.msg_iov = &out[i];
        om[i].msg_hdr.msg_iovlen = 1;
    }
    CHECK(sendmmsg(sv[0], om, 3, 0) == 3);
    CHECK(om[0].msg_len == 1 && om[1].msg_len == 2 && om[2].msg_len == 3);
    memset(im, 0, sizeof im);
    for (int i = 0; i < 4; i++) {
        iv[i] = (struct iovec){ in[i], sizeof in[i] };
        im[i].msg_hdr.msg_iov = &iv[i];
        im[i].msg_hdr.msg_iovlen = 1;
    }
    CHECK(recvmmsg(sv[1], im, 2, 0, NULL) == 2);
    CHECK(im[0].msg_len == 1 && im[1].msg_len == 2 && memcmp(in[1], "bb", 2) == 0);
    CHECK(recvmmsg(sv[1], im, 4, MSG_WAITFORONE, NULL) == 1);
    CHECK(im[0].msg_len == 3 && memcmp(in[0], "ccc", 3) == 0);
    CHECK_ERR(recvmmsg(sv[1], im, 4, MSG_DONTWAIT, NULL), EAGAIN);

    struct timespec ts = { 5, 0 };
    CHECK(send(sv[0], "t", 1, 0) == 1);
    CHECK(recvmmsg(sv[1], im, 1, 0, &ts) == 1);
    CHECK(ts.tv_sec <= 5 && ts.tv_sec >= 0);
    struct timespec bad = { 0, 1000000000 };
    CHECK_ERR(recvmmsg(sv[1], im, 1, 0, &bad), EINVAL);
    /* A failing entry after a good one: the count of those sent. */
    om[1].msg_hdr.msg_iov = BAD_PTR;
    CHECK(sendmmsg(sv[0], om, 3, 0) == 1);
    return 0;
}
