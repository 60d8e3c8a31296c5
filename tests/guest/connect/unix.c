/* connect(2) on AF_UNIX streams: ENOENT, ECONNREFUSED (not listening, or not a
 * socket), EPROTOTYPE, EISCONN; the accept queue takes backlog + 1 before a
 * non-blocking connect gets EAGAIN; a queued client may write before accept;
 * SO_PEERCRED on both ends names the other process. */
#include "guest.h"
#include <stddef.h>
#include <sys/socket.h>
#include <sys/un.h>

static socklen_t mkaddr(struct sockaddr_un *sa, const char *path)
{
    memset(sa, 0, sizeof *sa);
    sa->sun_family = AF_UNIX;
    strcpy(sa->sun_path, path);
    return offsetof(struct sockaddr_un, sun_path) + strlen(path) + 1;
}

int main(void)
{
    const char *path = tmp_path("srv"), *file = tmp_path("file");
    struct sockaddr_un sa;
    socklen_t alen = mkaddr(&sa, path);
    int c[8];

    int s = CHECK_OK(socket(AF_UNIX, SOCK_STREAM, 0));
    CHECK_ERR(connect(s, (struct sockaddr *)&sa, alen), ENOENT);
    CHECK_ERR(listen(s, 1), EINVAL);                          /* unbound */
    CHECK_OK(bind(s, (struct sockaddr *)&sa, alen));
    int x = CHECK_OK(socket(AF_UNIX, SOCK_STREAM, 0));
    CHECK_ERR(connect(x, (struct sockaddr *)&sa, alen), ECONNREFUSED);
    int d = CHECK_OK(socket(AF_UNIX, SOCK_DGRAM, 0));
    CHECK_ERR(connect(d, (struct sockaddr *)&sa, alen), EPROTOTYPE);
    CHECK_ERR(listen(d, 1), EOPNOTSUPP);
    close(CHECK_OK(open(file, O_CREAT | O_WRONLY, 0600)));
    struct sockaddr_un fa;
    socklen_t flen = mkaddr(&fa, file);
    CHECK_ERR(connect(x, (struct sockaddr *)&fa, flen), ECONNREFUSED);

    CHECK_OK(listen(s, 2));
    int v;
    socklen_t vlen = sizeof v;
    CHECK_OK(getsockopt(s, SOL_SOCKET, SO_ACCEPTCONN, &v, &vlen));
    CHECK(v == 1);
    for (int i = 0; i < 3; i++) {
        c[i] = CHECK_OK(socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0));
        CHECK_OK(connect(c[i], (struct sockaddr *)&sa, alen));
    }
    c[3] = CHECK_OK(socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0));
    CHECK_ERR(connect(c[3], (struct sockaddr *)&sa, alen), EAGAIN);
    CHECK_ERR(connect(c[0], (struct sockaddr *)&sa, alen), EAGAIN); /* the queue first */
    CHECK(write(c[1], "early", 5) == 5);

    int a0 = CHECK_OK(accept(s, NULL, NULL));
    int a1 = CHECK_OK(accept(s, NULL, NULL));
    char buf[8];
    CHECK(read(a1, buf, sizeof buf) == 5 && memcmp(buf, "early", 5) == 0);
    CHECK_ERR(connect(c[0], (struct sockaddr *)&sa, alen), EISCONN);
    CHECK_ERR(connect(s, (struct sockaddr *)&sa, alen), EINVAL);  /* a listener */
    CHECK_OK(connect(c[3], (struct sockaddr *)&sa, alen));       /* room again */

    struct ucred cr;
    socklen_t crlen = sizeof cr;
    CHECK_OK(getsockopt(a0, SOL_SOCKET, SO_PEERCRED, &cr, &crlen));
    CHECK(crlen == sizeof cr && cr.pid == getpid() && cr.uid == geteuid() && cr.gid == getegid());
    CHECK_OK(getsockopt(c[0], SOL_SOCKET, SO_PEERCRED, &cr, &crlen));
    CHECK(cr.pid == getpid());
    /* The accepted end is named after the listener; the client is unnamed. */
    struct sockaddr_un got;
    socklen_t len = sizeof got;
    CHECK_OK(getsockname(a0, (struct sockaddr *)&got, &len));
    CHECK(len == alen && strcmp(got.sun_path, path) == 0);
    len = sizeof got;
    CHECK_OK(getpeername(a0, (struct sockaddr *)&got, &len));
    CHECK(len == sizeof(sa_family_t));
    len = sizeof got;
    CHECK_OK(getpeername(c[0], (struct sockaddr *)&got, &len));
    CHECK(len == alen && strcmp(got.sun_path, path) == 0);
    CHECK_ERR(getpeername(x, (struct sockaddr *)&got, &len), ENOTCONN);

    /* Closing the listener resets the clients it never accepted. */
    close(s);
    CHECK_ERR(read(c[2], buf, sizeof buf), ECONNRESET);
    return 0;
}
