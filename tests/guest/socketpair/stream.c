/* A stream socketpair: bytes both ways, FIONREAD, half-close, end of file, and EPIPE
 * with SIGPIPE (none with MSG_NOSIGNAL) once the peer is gone. */
#include "guest.h"
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/socket.h>

static volatile sig_atomic_t pipes;
static void on_pipe(int sig) { (void)sig; pipes++; }

int main(void)
{
    int sv[2], n;
    char buf[64];

    signal(SIGPIPE, on_pipe);
    CHECK_ERR(socketpair(AF_INET, SOCK_STREAM, 0, sv), EOPNOTSUPP);
    CHECK_ERR(syscall(SYS_socketpair, AF_UNIX, SOCK_STREAM, 0, BAD_PTR), EFAULT);
    CHECK_OK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
    CHECK(write(sv[0], "hello", 5) == 5);
    CHECK(write(sv[0], " world", 6) == 6);
    CHECK_OK(ioctl(sv[1], FIONREAD, &n));
    CHECK(n == 11);
    CHECK(read(sv[1], buf, sizeof buf) == 11);  /* chunks of one writer glue */
    CHECK(memcmp(buf, "hello world", 11) == 0);
    CHECK(send(sv[1], "back", 4, 0) == 4);
    CHECK(recv(sv[0], buf, 2, 0) == 2 && memcmp(buf, "ba", 2) == 0);
    CHECK(recv(sv[0], buf, sizeof buf, MSG_PEEK) == 2 && memcmp(buf, "ck", 2) == 0);
    CHECK(recv(sv[0], buf, sizeof buf, 0) == 2 && memcmp(buf, "ck", 2) == 0);
    CHECK_ERR(recv(sv[0], buf, sizeof buf, MSG_DONTWAIT), EAGAIN);

    /* SHUT_WR: the peer reads end of file but may still write. */
    CHECK_OK(shutdown(sv[0], SHUT_WR));
    CHECK(read(sv[1], buf, sizeof buf) == 0);
    CHECK(write(sv[1], "x", 1) == 1);
    CHECK(read(sv[0], buf, 1) == 1);
    CHECK_ERR(send(sv[0], "y", 1, MSG_NOSIGNAL), EPIPE);
    CHECK(pipes == 0);
    CHECK_ERR(write(sv[0], "y", 1), EPIPE);
    CHECK(pipes == 1);
    CHECK_ERR(shutdown(sv[0], 3), EINVAL);
    close(sv[0]);
    close(sv[1]);

    /* The peer closes: reads see end of file, writes EPIPE. */
    CHECK_OK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
    close(sv[1]);
    CHECK(read(sv[0], buf, sizeof buf) == 0);
    CHECK_ERR(send(sv[0], "z", 1, MSG_NOSIGNAL), EPIPE);
    CHECK(pipes == 1);
    close(sv[0]);

    /* Closing with unread data resets the other end once. */
    CHECK_OK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
    CHECK(write(sv[0], "lost", 4) == 4);
    close(sv[1]);
    CHECK_ERR(read(sv[0], buf, sizeof buf), ECONNRESET);
    CHECK(read(sv[0], buf, sizeof buf) == 0);
    close(sv[0]);
    return 0;
}
