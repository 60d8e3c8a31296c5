/* A forked child execs /bin/busybox (echo, then false and sh -c 'exit 3'); the parent waits
 * and sees each program's exit status, and is itself unchanged. */
#include "guest.h"
#include <sys/wait.h>

static int run(char *const argv[])
{
    static char *const envp[] = { "PATH=/bin", NULL };
    pid_t pid = CHECK_OK(fork());
    if (pid == 0) {
        execve("/bin/busybox", argv, envp);
        _exit(100 + errno);
    }
    int status;
    CHECK(waitpid(pid, &status, 0) == pid);
    CHECK(WIFEXITED(status));
    return WEXITSTATUS(status);
}

int main(void)
{
    int marker = 1234;

    CHECK(run((char *const[]){ "busybox", "echo", "exec from a child", NULL }) == 0);
    CHECK(run((char *const[]){ "busybox", "false", NULL }) == 1);
    CHECK(run((char *const[]){ "busybox", "sh", "-c", "exit 3", NULL }) == 3);
    CHECK(marker == 1234);
    return 0;
}
