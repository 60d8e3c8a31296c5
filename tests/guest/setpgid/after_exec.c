/* setpgid on a child that has called execve fails with EACCES (it did before). */
#include "guest.h"
#include <sys/wait.h>

int main(void)
{
    int in[2], done[2];
    CHECK_OK(pipe(in));
    CHECK_OK(pipe2(done, O_CLOEXEC));
    pid_t pid = CHECK_OK(fork());
    if (pid == 0) {
        /* busybox cat reads our pipe until the parent closes it. */
        static char *const argv[] = { "cat", NULL };
        static char *const envp[] = { NULL };
        dup2(in[0], 0);
        close(in[0]);
        close(in[1]);
        close(done[0]);
        execve("/bin/busybox", argv, envp);
        _exit(100 + errno);
    }
    close(in[0]);
    close(done[1]);
    char c;
    CHECK(read(done[0], &c, 1) == 0);   /* closed by the exec */
    CHECK_ERR(setpgid(pid, 0), EACCES);
    CHECK_ERR(setpgid(pid, getpgrp()), EACCES);
    CHECK(getpgid(pid) == getpgrp());
    close(in[1]);
    int status;
    CHECK(waitpid(pid, &status, 0) == pid);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    return 0;
}
