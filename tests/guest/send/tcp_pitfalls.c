/* TCP's traps: a never-connected socket's send is EPIPE with SIGPIPE (none with
 * MSG_NOSIGNAL); close with unread data resets the peer; a connection reset
 * before accept is still accepted, then reports ECONNRESET once, then end of file,
 * and has no peer name; half-close keeps the other direction; the poll masks of a
 * peer's FIN and of a reset. */
#include "guest.h"
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>

static volatile sig_atomic_t pipes;
static void on_pipe(int sig) { (void)sig; pipes++; }

static int listener(struct sockaddr_in *a)
{
    socklen_t len = sizeof *a;
    int l = CHECK_OK(socket(AF_INET, SOCK_STREAM, 0));
    memset(a, 0, sizeof *a);
    a->sin_family = AF_INET;
    a->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    CHECK_OK(bind(l, (struct sockaddr *)a, sizeof *a));
    CHECK_OK(listen(l, 8));
    CHECK_OK(getsockname(l, (struct sockaddr *)a, &len));
    return l;
}

static short rev(int fd)
{
    struct pollfd p = { fd, POLLIN | POLLOUT | POLLRDHUP, 0 };
    CHECK(poll(&p, 1, 0) >= 0);
    return p.revents;
}

int main(void)
{
    struct sockaddr_in a;
    char buf[64];

    signal(SIGPIPE, on_pipe);
    int f = CHECK_OK(socket(AF_INET, SOCK_STREAM, 0));
    CHECK_ERR(send(f, "x", 1, MSG_NOSIGNAL), EPIPE);
    CHECK(pipes == 0);
    CHECK_ERR(write(f, "x", 1), EPIPE);
    CHECK(pipes == 1);
    close(f);

    int l = listener(&a);
    /* Half-close: FIN one way, data still flows the other. */
    int c = CHECK_OK(socket(AF_INET, SOCK_STREAM, 0));
    CHECK_OK(connect(c, (struct sockaddr *)&a, sizeof a));
    int s = CHECK_OK(accept(l, NULL, NULL));
    CHECK_OK(shutdown(c, SHUT_WR));
    usleep(10000);
    CHECK(rev(s) == (POLLIN | POLLOUT | POLLRDHUP));
    CHECK(read(s, buf, sizeof buf) == 0);
    CHECK(write(s, "late", 4) == 4);
    CHECK(read(c, buf, sizeof buf) == 4);
    CHECK_ERR(send(c, "x", 1, MSG_NOSIGNAL), EPIPE);
    close(s);
    usleep(10000);
    CHECK(read(c, buf, sizeof buf) == 0);
    close(c);

    /* Close with unread data: a reset, not a FIN. */
    c = CHECK_OK(socket(AF_INET, SOCK_STREAM, 0));
    CHECK_OK(connect(c, (struct sockaddr *)&a, sizeof a));
    s = CHECK_OK(accept(l, NULL, NULL));
    CHECK(write(c, "unread", 6) == 6);
    usleep(10000);
    close(s);
    usleep(10000);
    short r = rev(c);
    CHECK((r & (POLLERR | POLLHUP | POLLIN | POLLRDHUP | POLLOUT)) ==
          (POLLERR | POLLHUP | POLLIN | POLLRDHUP | POLLOUT));
    CHECK_ERR(recv(c, buf, sizeof buf, 0), ECONNRESET);
    CHECK(recv(c, buf, sizeof buf, 0) == 0);
    CHECK_ERR(send(c, "x", 1, MSG_NOSIGNAL), EPIPE);
    close(c);

    /* Reset before accept: accepted all the same. */
    c = CHECK_OK(socket(AF_INET, SOCK_STREAM, 0));
    CHECK_OK(connect(c, (struct sockaddr *)&a, sizeof a));
    struct linger lg = { 1, 0 };
    CHECK_OK(setsockopt(c, SOL_SOCKET, SO_LINGER, &lg, sizeof lg));
    close(c);
    usleep(10000);
    struct sockaddr_in peer;
    socklen_t len = sizeof peer;
    s = CHECK_OK(accept(l, (struct sockaddr *)&peer, &len));
    CHECK(len == sizeof peer && peer.sin_family == AF_INET);
    CHECK_ERR(recv(s, buf, sizeof buf, 0), ECONNRESET);
    CHECK(recv(s, buf, sizeof buf, 0) == 0);
    len = sizeof peer;
    CHECK_ERR(getpeername(s, (struct sockaddr *)&peer, &len), ENOTCONN);
    close(s);
    return 0;
}
