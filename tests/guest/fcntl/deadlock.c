/* F_SETLKW detects the simple two-process cycle: each process holds one lock and
 * waits for the other's; the wait that would close the cycle is EDEADLK (which of
 * the two that is depends on who blocks first), and the other wait then ends. */
#include "guest.h"

static int fd;

static int lk(int cmd, short type, off_t start)
{
    struct flock fl = { .l_type = type, .l_whence = SEEK_SET, .l_start = start, .l_len = 1 };
    return fcntl(fd, cmd, &fl);
}

int main(void)
{
    const char *f = tmp_path("fcntl-deadlock");
    make_file(f, "", 0);
    fd = CHECK_OK(open(f, O_RDWR));
    int ready[2];
    CHECK_OK(pipe(ready));
    CHECK_OK(lk(F_SETLK, F_WRLCK, 0));           /* A */
    pid_t pid = fork();
    if (pid == 0) {
        if (lk(F_SETLK, F_WRLCK, 1) != 0)       /* B */
            _exit(2);
        if (write(ready[1], "x", 1) != 1)
            _exit(2);
        usleep(100000);                          /* most often the parent waits first */
        if (lk(F_SETLKW, F_WRLCK, 0) == 0)
            _exit(3);                            /* the parent saw EDEADLK, gave up A */
        _exit(errno == EDEADLK ? 0 : 1);
    }
    char c;
    CHECK(read(ready[0], &c, 1) == 1);
    errno = 0;
    int r = lk(F_SETLKW, F_WRLCK, 1);
    int e = errno;
    if (r != 0) {
        CHECK(e == EDEADLK);
        CHECK_OK(lk(F_SETLK, F_UNLCK, 0));
    }
    int status;
    CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == (r == 0 ? 0 : 3));
    close(fd);
    return 0;
}
