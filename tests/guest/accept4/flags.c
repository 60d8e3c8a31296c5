/* accept4(2): SOCK_NONBLOCK and SOCK_CLOEXEC on the new socket only (it inherits
 * neither from the listener); other flags EINVAL; EAGAIN without a client; EINVAL
 * on a socket that does not listen; the peer's address with its length. */
#include "guest.h"
#include <stddef.h>
#include <sys/socket.h>
#include <sys/un.h>

int main(void)
{
    /* Abstract names are the host's when run natively: made unique. */
    struct sockaddr_un sa = { .sun_family = AF_UNIX }, peer;
    int n = snprintf(sa.sun_path + 1, sizeof sa.sun_path - 1, "trellis-accept4-%d", getpid());
    socklen_t alen = offsetof(struct sockaddr_un, sun_path) + 1 + n, len;

    int s = CHECK_OK(socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0));
    CHECK_ERR(accept4(s, NULL, NULL, 0), EINVAL);             /* not listening */
    CHECK_OK(bind(s, (struct sockaddr *)&sa, alen));
    CHECK_OK(listen(s, 4));
    CHECK_ERR(accept4(s, NULL, NULL, 0), EAGAIN);
    CHECK_ERR(syscall(SYS_accept4, s, NULL, NULL, O_APPEND), EINVAL);

    int c = CHECK_OK(socket(AF_UNIX, SOCK_STREAM, 0));
    struct sockaddr_un ca = { .sun_family = AF_UNIX };
    int cn = snprintf(ca.sun_path + 1, sizeof ca.sun_path - 1, "trellis-client-%d", getpid());
    CHECK_OK(bind(c, (struct sockaddr *)&ca, offsetof(struct sockaddr_un, sun_path) + 1 + cn));
    CHECK_OK(connect(c, (struct sockaddr *)&sa, alen));
    len = sizeof peer;
    int a = CHECK_OK(accept4(s, (struct sockaddr *)&peer, &len, 0));
    CHECK(len == offsetof(struct sockaddr_un, sun_path) + 1 + cn);
    CHECK(memcmp(peer.sun_path, ca.sun_path, 1 + cn) == 0);
    CHECK(CHECK_OK(fcntl(a, F_GETFD)) == 0);
    CHECK((CHECK_OK(fcntl(a, F_GETFL)) & O_NONBLOCK) == 0);
    close(a);

    int c2 = CHECK_OK(socket(AF_UNIX, SOCK_STREAM, 0));
    CHECK_OK(connect(c2, (struct sockaddr *)&sa, alen));
    len = sizeof peer;
    a = CHECK_OK(accept4(s, (struct sockaddr *)&peer, &len, SOCK_NONBLOCK | SOCK_CLOEXEC));
    CHECK(len == sizeof(sa_family_t));
    CHECK(CHECK_OK(fcntl(a, F_GETFD)) == FD_CLOEXEC);
    CHECK(CHECK_OK(fcntl(a, F_GETFL)) & O_NONBLOCK);
    char b;
    CHECK_ERR(read(a, &b, 1), EAGAIN);
    CHECK_ERR(accept(c2, NULL, NULL), EINVAL);
    int d = CHECK_OK(socket(AF_UNIX, SOCK_DGRAM, 0));
    CHECK_ERR(accept(d, NULL, NULL), EOPNOTSUPP);

    /* A blocking accept waits for a client from another process. */
    fcntl(s, F_SETFL, 0);
    pid_t pid = CHECK_OK(fork());
    if (pid == 0) {
        usleep(20000);
        int k = socket(AF_UNIX, SOCK_STREAM, 0);
        if (connect(k, (struct sockaddr *)&sa, alen) != 0 || write(k, "k", 1) != 1)
            _exit(1);
        _exit(0);
    }
    a = CHECK_OK(accept(s, NULL, NULL));
    CHECK(read(a, &b, 1) == 1 && b == 'k');
    int st;
    CHECK_OK(waitpid(pid, &st, 0));
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
    return 0;
}
