/* prlimit64 on another process: root reads and sets a child's limits; a non-root
 * caller gets EPERM for a process with other ids, and may not raise its own hard limit
 * (EPERM) though it may lower it; a pid that does not exist is ESRCH. */
#include "guest.h"
#include <sys/resource.h>
#include <sys/wait.h>

struct rl {
    unsigned long long cur, max;
};

#define T(cond) do { if (!(cond)) { fprintf(stderr, "child: %s (errno %d)\n", #cond, errno); _exit(1); } } while (0)

int main(void)
{
    int p[2];
    CHECK_OK(pipe(p));
    pid_t a = CHECK_OK(fork());
    if (a == 0) {                       /* stays root and waits */
        char c;
        close(p[1]);
        _exit(read(p[0], &c, 1) == 0 ? 0 : 1);
    }
    struct rl l, got, want = { 77, 88 };
    CHECK_OK(syscall(SYS_prlimit64, a, RLIMIT_CORE, &want, &l));
    CHECK_OK(syscall(SYS_prlimit64, a, RLIMIT_CORE, NULL, &got));
    CHECK(got.cur == 77 && got.max == 88);
    CHECK_OK(syscall(SYS_prlimit64, 0, RLIMIT_CORE, NULL, &got));
    CHECK(got.cur != 77 || got.max != 88);      /* ours did not change */
    CHECK_ERR(syscall(SYS_prlimit64, 0x3fffff00, RLIMIT_CORE, NULL, &got), ESRCH);
    CHECK_ERR(syscall(SYS_prlimit64, a, 999, NULL, &got), EINVAL);

    pid_t b = CHECK_OK(fork());
    if (b == 0) {
        struct rl mine, lower;
        close(p[1]);
        T(setresgid(1000, 1000, 1000) == 0);
        T(setresuid(1000, 1000, 1000) == 0);
        T(syscall(SYS_prlimit64, a, RLIMIT_CORE, NULL, &mine) == -1 && errno == EPERM);
        T(syscall(SYS_prlimit64, getpid(), RLIMIT_NOFILE, NULL, &mine) == 0);
        lower.cur = mine.cur / 2;
        lower.max = mine.max / 2 > lower.cur ? mine.max / 2 : lower.cur;
        T(syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, &lower, NULL) == 0);
        T(syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, &mine, NULL) == -1 && errno == EPERM);
        T(setrlimit(RLIMIT_NOFILE, (struct rlimit *)&mine) == -1 && errno == EPERM);
        _exit(0);
    }
    int status;
    CHECK(waitpid(b, &status, 0) == b);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    close(p[1]);
    CHECK(waitpid(a, &status, 0) == a);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    return 0;
}
