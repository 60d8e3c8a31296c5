/* vfork's child runs before the parent goes on and its _exit status reaches the parent; a
 * vforked child can exec. */
#include "guest.h"
#include <sys/wait.h>

int main(void)
{
    int status;
    pid_t pid = vfork();
    if (pid == 0)
        _exit(6);
    CHECK(pid > 0);
    CHECK(waitpid(pid, &status, 0) == pid && WEXITSTATUS(status) == 6);

    static char *const argv[] = { "busybox", "true", NULL };
    static char *const envp[] = { NULL };
    pid = vfork();
    if (pid == 0) {
        execve("/bin/busybox", argv, envp);
        _exit(127);
    }
    CHECK(pid > 0);
    CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0);
    return 0;
}
