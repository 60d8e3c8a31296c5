/* Rights in a cycle are collected: a socket sent over its own connection, or two
 * sockets each holding the other in flight, are freed once no descriptor names
 * them, and a pipe end riding with them is closed (its reader sees end of file). */
#include "guest.h"
#include <sys/socket.h>
#include <sys/uio.h>

static void send_fd(int s, int fd)
{
    char ctl[CMSG_SPACE(sizeof(int))];
    struct iovec iov = { "r", 1 };
    struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = ctl,
                         .msg_controllen = sizeof ctl };
    struct cmsghdr *c = CMSG_FIRSTHDR(&mh);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(c), &fd, sizeof fd);
    CHECK(sendmsg(s, &mh, 0) == 1);
}

/* The pipe's reader sees end of file within two seconds (Linux collects late). */
static void expect_eof(int rd)
{
    struct pollfd p = { rd, POLLIN, 0 };
    char b;
    CHECK(poll(&p, 1, 2000) == 1);
    CHECK(read(rd, &b, 1) == 0);
}

int main(void)
{
    int p[2], sv[2];

    /* One socket in its own queue, with the pipe's write end. */
    CHECK_OK(pipe(p));
    CHECK_OK(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv));
    send_fd(sv[1], sv[0]);
    send_fd(sv[1], p[1]);
    close(p[1]);
    close(sv[0]);
    close(sv[1]);
    expect_eof(p[0]);
    close(p[0]);

    /* Two sockets holding each other. */
    CHECK_OK(pipe(p));
    CHECK_OK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
    send_fd(sv[0], sv[0]);          /* into sv[1]'s queue */
    send_fd(sv[1], sv[1]);          /* into sv[0]'s queue */
    send_fd(sv[1], p[1]);
    close(p[1]);
    close(sv[0]);
    close(sv[1]);
    /* Nothing was released yet; any socket's release runs the collector. */
    close(CHECK_OK(socket(AF_UNIX, SOCK_DGRAM, 0)));
    expect_eof(p[0]);
    return 0;
}
