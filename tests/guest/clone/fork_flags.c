/* clone with fork's flags makes a child like fork: SIGCHLD alone, and glibc's set with
 * CLONE_CHILD_SETTID (the child's tid stored in the child's memory only) and
 * CLONE_PARENT_SETTID (in the parent's).  Inconsistent flags are EINVAL. */
#include "guest.h"
#include <sched.h>
#include <signal.h>
#include <sys/wait.h>

int main(void)
{
    int status;
    long pid = CHECK_OK(syscall(SYS_clone, SIGCHLD, 0, NULL, NULL, 0));
    if (pid == 0)
        _exit(4);
    CHECK(waitpid(pid, &status, 0) == pid && WEXITSTATUS(status) == 4);

    static pid_t ctid, ptid;
    pid = CHECK_OK(syscall(SYS_clone, CLONE_CHILD_SETTID | CLONE_PARENT_SETTID | SIGCHLD, 0,
                           &ptid, &ctid, 0));
    if (pid == 0)
        _exit(ctid == getpid() ? 0 : 2);
    CHECK(waitpid(pid, &status, 0) == pid);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    CHECK(ptid == pid);
    CHECK(ctid == 0);                   /* the child's copy only */

    CHECK_ERR(syscall(SYS_clone, CLONE_SIGHAND | SIGCHLD, 0, NULL, NULL, 0), EINVAL);
    CHECK_ERR(syscall(SYS_clone, CLONE_THREAD | SIGCHLD, 0, NULL, NULL, 0), EINVAL);
    CHECK_ERR(syscall(SYS_clone, CLONE_NEWNS | CLONE_FS | SIGCHLD, 0, NULL, NULL, 0), EINVAL);
    return 0;
}
