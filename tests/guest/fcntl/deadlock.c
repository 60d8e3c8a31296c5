/* F_SETLKW detects the simple two-process cycle: the parent holds A and waits for
 * B, which the child holds; the child's wait for A would close the cycle and is
 * EDEADLK. */
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
            _exit(3);
        usleep(200000);                          /* let the parent block on B */
        int r = lk(F_SETLKW, F_WRLCK, 0);
        _exit(r == -1 && errno == EDEADLK ? 0 : 1);
    }
    char c;
    CHECK(read(ready[0], &c, 1) == 1);
    /* Blocks until the child exits (its EDEADLK), which releases B. */
    CHECK_OK(lk(F_SETLKW, F_WRLCK, 1));
    int status;
    CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0);
    close(fd);
    return 0;
}
