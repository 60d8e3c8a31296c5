/* RLIMIT_NOFILE bounds descriptors: open, dup, fcntl(F_DUPFD) and pipe fail with EMFILE
 * once every descriptor below the soft limit is taken; dup2 to a target at or above
 * it is EBADF and F_DUPFD from there EINVAL; closing one makes room again. */
#include "guest.h"
#include <sys/resource.h>

#define LIMIT 10

int main(void)
{
    struct rlimit old, l;
    CHECK_OK(getrlimit(RLIMIT_NOFILE, &old));
    l.rlim_cur = LIMIT;
    l.rlim_max = old.rlim_max;
    CHECK_OK(setrlimit(RLIMIT_NOFILE, &l));
    int last = -1;
    for (;;) {
        int fd = open("/", O_RDONLY | O_DIRECTORY);
        if (fd < 0) {
            CHECK(errno == EMFILE);
            break;
        }
        CHECK(fd < LIMIT);
        last = fd;
    }
    CHECK(last == LIMIT - 1);
    CHECK_ERR(dup(0), EMFILE);
    CHECK_ERR(fcntl(0, F_DUPFD, 0), EMFILE);
    CHECK_ERR(fcntl(0, F_DUPFD, LIMIT), EINVAL);
    CHECK_ERR(dup2(0, LIMIT), EBADF);
    CHECK_ERR(dup2(0, LIMIT + 100), EBADF);
    int p[2];
    CHECK_ERR(pipe(p), EMFILE);
    CHECK_OK(close(last));
    CHECK_ERR(pipe(p), EMFILE);          /* needs two */
    CHECK(CHECK_OK(dup(0)) == last);
    CHECK_OK(close(last));
    CHECK_OK(close(last - 1));
    CHECK_OK(pipe(p));
    CHECK(p[0] == last - 1 && p[1] == last);
    /* Lowering the limit below open descriptors is allowed; new ones still fail. */
    l.rlim_cur = 3;
    CHECK_OK(setrlimit(RLIMIT_NOFILE, &l));
    CHECK_ERR(open("/", O_RDONLY), EMFILE);
    CHECK_OK(setrlimit(RLIMIT_NOFILE, &old));
    CHECK(CHECK_OK(open("/", O_RDONLY)) >= LIMIT);
    return 0;
}
