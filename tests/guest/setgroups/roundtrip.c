/* setgroups stores a supplementary group list that getgroups returns sorted and
 * forked children inherit; getgroups(0) counts, a short buffer is EINVAL, a negative
 * size EINVAL; setgroups with a bad pointer EFAULT, more than NGROUPS_MAX EINVAL, and
 * is EPERM once the process is not root. */
#include "guest.h"
#include <grp.h>
#include <sys/wait.h>

#define T(cond) do { if (!(cond)) { fprintf(stderr, "child: %s\n", #cond); _exit(1); } } while (0)

static void child(void)
{
    gid_t set[] = { 30, 10, 20, 10 }, got[8];

    T(syscall(SYS_setgroups, 4, set) == 0);
    T(syscall(SYS_getgroups, 0, NULL) == 4);
    T(syscall(SYS_getgroups, 8, got) == 4);
    T(got[0] == 10 && got[1] == 10 && got[2] == 20 && got[3] == 30);
    T(syscall(SYS_getgroups, 3, got) == -1 && errno == EINVAL);
    T(syscall(SYS_getgroups, -1, got) == -1 && errno == EINVAL);
    T(syscall(SYS_getgroups, 4, BAD_PTR) == -1 && errno == EFAULT);
    T(syscall(SYS_setgroups, 2, BAD_PTR) == -1 && errno == EFAULT);
    T(syscall(SYS_setgroups, 65537, set) == -1 && errno == EINVAL);
    T(syscall(SYS_getgroups, 0, NULL) == 4);
    pid_t g = fork();
    T(g >= 0);
    if (g == 0)
        _exit(syscall(SYS_getgroups, 8, got) == 4 && got[3] == 30 ? 0 : 1);
    int status;
    T(waitpid(g, &status, 0) == g && WIFEXITED(status) && WEXITSTATUS(status) == 0);
    T(syscall(SYS_setgroups, 0, NULL) == 0);
    T(syscall(SYS_getgroups, 0, NULL) == 0);
    T(syscall(SYS_setgroups, 1, set) == 0);
    T(setresuid(1, 1, 1) == 0);
    T(syscall(SYS_setgroups, 1, set) == -1 && errno == EPERM);
    T(syscall(SYS_getgroups, 8, got) == 1 && got[0] == 30);
    _exit(0);
}

int main(void)
{
    run_in_child(child);
    return 0;
}
