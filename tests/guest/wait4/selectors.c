/* wait4's pid selects: -1 any child, 0 and -pgrp the caller's process group (children
 * inherit it), > 0 that child only; a bad status pointer is EFAULT. */
#include "guest.h"
#include <sys/wait.h>

static pid_t child(int code)
{
    pid_t pid = CHECK_OK(fork());
    if (pid == 0)
        _exit(code);
    return pid;
}

int main(void)
{
    int status;
    pid_t a = child(1), b = child(2), c = child(3);

    CHECK(waitpid(b, &status, 0) == b && WEXITSTATUS(status) == 2);
    pid_t x = waitpid(0, &status, 0);
    CHECK(x == a || x == c);
    CHECK(WEXITSTATUS(status) == (x == a ? 1 : 3));
    pid_t y = waitpid(-(pid_t)syscall(SYS_getpgrp), &status, 0);  /* musl: getpgid(0) */
    CHECK(y == (x == a ? c : a));
    CHECK_ERR(waitpid(-1, &status, 0), ECHILD);

    pid_t d = child(4);
    CHECK_ERR(syscall(SYS_wait4, d, BAD_PTR, 0, NULL), EFAULT);
    CHECK_ERR(waitpid(-1, &status, 0), ECHILD);    /* reaped all the same */
    return 0;
}
