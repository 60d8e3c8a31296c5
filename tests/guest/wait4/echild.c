/* Waiting without children is ECHILD, with or without WNOHANG, for any pid selector; a pid
 * that is not a child is ECHILD too; bad options are EINVAL. */
#include "guest.h"
#include <sys/wait.h>

int main(void)
{
    int status;

    CHECK_ERR(waitpid(-1, &status, 0), ECHILD);
    CHECK_ERR(waitpid(-1, &status, WNOHANG), ECHILD);
    CHECK_ERR(waitpid(0, &status, 0), ECHILD);
    CHECK_ERR(waitpid(-(pid_t)syscall(SYS_getpgrp), &status, 0), ECHILD);
    CHECK_ERR(waitpid(getpid(), &status, 0), ECHILD);
    CHECK_ERR(syscall(SYS_wait4, -1, &status, 0x100, NULL), EINVAL);

    pid_t pid = CHECK_OK(fork());
    if (pid == 0)
        _exit(0);
    CHECK(waitpid(pid, &status, 0) == pid);
    CHECK_ERR(waitpid(pid, &status, 0), ECHILD);   /* reaped already */
    return 0;
}
