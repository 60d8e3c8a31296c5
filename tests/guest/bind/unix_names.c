/* AF_UNIX names: a path binds a socket node (0777 less the umask) and is in use
 * while it exists; an abstract name is every byte of addrlen; autobind picks an
 * abstract five-hex-digit name; getsockname's lengths; Linux's errors. */
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
    const char *path = tmp_path("sock");
    struct sockaddr_un sa, got;
    socklen_t len, alen;
    struct stat st;

    umask(022);
    int s = CHECK_OK(socket(AF_UNIX, SOCK_STREAM, 0));
    /* Unnamed: just the family. */
    len = sizeof got;
    CHECK_OK(getsockname(s, (struct sockaddr *)&got, &len));
    CHECK(len == sizeof(sa_family_t) && got.sun_family == AF_UNIX);
    CHECK_ERR(bind(s, (struct sockaddr *)&sa, 1), EINVAL);
    CHECK_ERR(bind(s, (struct sockaddr *)&sa, sizeof(sa) + 1), EINVAL);
    mkaddr(&sa, path);
    sa.sun_family = AF_INET;
    CHECK_ERR(bind(s, (struct sockaddr *)&sa, sizeof sa), EINVAL);
    CHECK_ERR(bind(s, BAD_PTR, sizeof sa), EFAULT);
    alen = mkaddr(&sa, path);
    CHECK_OK(bind(s, (struct sockaddr *)&sa, alen));
    CHECK_OK(stat(path, &st));
    CHECK(S_ISSOCK(st.st_mode) && (st.st_mode & 0777) == 0755);
    len = sizeof got;
    CHECK_OK(getsockname(s, (struct sockaddr *)&got, &len));
    CHECK(len == alen && strcmp(got.sun_path, path) == 0);
    /* A short buffer gets what fits and the full length. */
    len = 4;
    memset(&got, 0, sizeof got);
    CHECK_OK(getsockname(s, (struct sockaddr *)&got, &len));
    CHECK(len == alen && got.sun_path[0] == path[0] && got.sun_path[1] == path[1] &&
          got.sun_path[2] == 0);
    struct sockaddr_un other;
    socklen_t olen = mkaddr(&other, tmp_path("other"));
    CHECK_ERR(bind(s, (struct sockaddr *)&other, olen), EINVAL);   /* bound already */
    CHECK_ERR(stat(other.sun_path, &st), ENOENT);
    int s2 = CHECK_OK(socket(AF_UNIX, SOCK_DGRAM, 0));
    CHECK_ERR(bind(s2, (struct sockaddr *)&sa, alen), EADDRINUSE);
    close(s);
    /* The node outlives the socket and still blocks the name. */
    CHECK_ERR(bind(s2, (struct sockaddr *)&sa, alen), EADDRINUSE);
    CHECK_OK(unlink(path));
    CHECK_OK(bind(s2, (struct sockaddr *)&sa, alen));
    CHECK_OK(unlink(path));
    close(s2);
    CHECK_ERR(getsockname(s2, (struct sockaddr *)&got, &len), EBADF);

    /* The path walk's errors. */
    CHECK_ERR(bind(CHECK_OK(socket(AF_UNIX, SOCK_STREAM, 0)),
                   (struct sockaddr *)&(struct sockaddr_un){ AF_UNIX, "/nonexistent/dir/x" },
                   sizeof(struct sockaddr_un)), ENOENT);

    /* Abstract names: all addrlen bytes, trailing NULs included. */
    memset(&sa, 0, sizeof sa);
    sa.sun_family = AF_UNIX;
    /* Natively the host's namespace: unique per process. */
    alen = offsetof(struct sockaddr_un, sun_path) + 1 +
           snprintf(sa.sun_path + 1, sizeof sa.sun_path - 1, "trellis-abs-%d", getpid());
    s = CHECK_OK(socket(AF_UNIX, SOCK_DGRAM, 0));
    CHECK_OK(bind(s, (struct sockaddr *)&sa, alen));
    s2 = CHECK_OK(socket(AF_UNIX, SOCK_DGRAM, 0));
    CHECK_ERR(bind(s2, (struct sockaddr *)&sa, alen), EADDRINUSE);
    CHECK_OK(bind(s2, (struct sockaddr *)&sa, alen + 1));         /* another name */
    len = sizeof got;
    CHECK_OK(getsockname(s2, (struct sockaddr *)&got, &len));
    CHECK(len == alen + 1 && got.sun_path[0] == 0 &&
          memcmp(got.sun_path, sa.sun_path, alen + 1 - offsetof(struct sockaddr_un, sun_path)) == 0);
    close(s);
    close(s2);
    s = CHECK_OK(socket(AF_UNIX, SOCK_DGRAM, 0));
    CHECK_OK(bind(s, (struct sockaddr *)&sa, alen));               /* gone with it */
    close(s);

    /* Autobind: addrlen of just the family. */
    s = CHECK_OK(socket(AF_UNIX, SOCK_STREAM, 0));
    CHECK_OK(bind(s, (struct sockaddr *)&sa, sizeof(sa_family_t)));
    len = sizeof got;
    CHECK_OK(getsockname(s, (struct sockaddr *)&got, &len));
    CHECK(len == offsetof(struct sockaddr_un, sun_path) + 6 && got.sun_path[0] == 0);
    for (int i = 1; i < 6; i++)
        CHECK(strchr("0123456789abcdef", got.sun_path[i]) != NULL);
    close(s);
    return 0;
}
