/* socket(AF_UNIX): types, flags and Linux's errors; a socket is S_IFSOCK, named
 * "socket:[ino]" in /proc, and reports its type, domain and protocol. */
#include "guest.h"
#include <sys/socket.h>
#include <sys/un.h>

int main(void)
{
    struct stat st;
    char link[64], path[64];
    int v;
    socklen_t len = sizeof(v);

    CHECK_ERR(socket(AF_UNIX, SOCK_STREAM | 0x100000, 0), EINVAL);
    CHECK_ERR(socket(AF_UNIX, 12, 0), EINVAL);
    CHECK_ERR(socket(AF_UNIX, SOCK_RDM, 0), ESOCKTNOSUPPORT);
    CHECK_ERR(socket(AF_UNIX, SOCK_STREAM, 6), EPROTONOSUPPORT);
    CHECK_ERR(socket(4242, SOCK_STREAM, 0), EAFNOSUPPORT);
    CHECK_ERR(socket(-1, SOCK_STREAM, 0), EAFNOSUPPORT);

    int s = CHECK_OK(socket(AF_UNIX, SOCK_STREAM, 0));
    CHECK_OK(fstat(s, &st));
    CHECK(S_ISSOCK(st.st_mode));
    snprintf(path, sizeof path, "/proc/self/fd/%d", s);
    ssize_t n = CHECK_OK(readlink(path, link, sizeof link - 1));
    link[n] = 0;
    CHECK(strncmp(link, "socket:[", 8) == 0);
    CHECK(CHECK_OK(fcntl(s, F_GETFD)) == 0);
    CHECK((CHECK_OK(fcntl(s, F_GETFL)) & (O_NONBLOCK | O_ACCMODE)) == O_RDWR);
    CHECK_OK(getsockopt(s, SOL_SOCKET, SO_TYPE, &v, &len));
    CHECK(v == SOCK_STREAM && len == sizeof(v));
    CHECK_OK(getsockopt(s, SOL_SOCKET, SO_DOMAIN, &v, &len));
    CHECK(v == AF_UNIX);
    CHECK_OK(getsockopt(s, SOL_SOCKET, SO_PROTOCOL, &v, &len));
    CHECK(v == 0);
    CHECK_OK(getsockopt(s, SOL_SOCKET, SO_ACCEPTCONN, &v, &len));
    CHECK(v == 0);
    close(s);

    /* SOCK_RAW is a datagram socket; PF_UNIX as protocol is fine. */
    s = CHECK_OK(socket(AF_UNIX, SOCK_RAW | SOCK_CLOEXEC | SOCK_NONBLOCK, PF_UNIX));
    CHECK(CHECK_OK(fcntl(s, F_GETFD)) == FD_CLOEXEC);
    CHECK(CHECK_OK(fcntl(s, F_GETFL)) & O_NONBLOCK);
    CHECK_OK(getsockopt(s, SOL_SOCKET, SO_TYPE, &v, &len));
    CHECK(v == SOCK_DGRAM);
    close(s);

    /* Socket calls on what is not a socket. */
    int p[2];
    CHECK_OK(pipe(p));
    struct sockaddr_un sa = { .sun_family = AF_UNIX };
    CHECK_ERR(bind(p[0], (struct sockaddr *)&sa, sizeof(sa)), ENOTSOCK);
    CHECK_ERR(listen(p[0], 1), ENOTSOCK);
    CHECK_ERR(getsockopt(p[0], SOL_SOCKET, SO_TYPE, &v, &len), ENOTSOCK);
    CHECK_ERR(listen(999, 1), EBADF);
    return 0;
}
