/* fork returns 0 in the child, whose parent is the caller, and the child's pid in the parent. */
#include "guest.h"
#include <sys/wait.h>

int main(void)
{
    pid_t self = getpid();
    pid_t pid = CHECK_OK(fork());

    if (pid == 0) {
        if (getppid() != self)
            _exit(2);
        if (getpid() == self)
            _exit(3);
        _exit(0);
    }
    CHECK(pid != self);
    int status;
    CHECK(waitpid(pid, &status, 0) == pid);
    CHECK(WIFEXITED(status));
    if (WEXITSTATUS(status) != 0)
        FAIL("child reported %d", WEXITSTATUS(status));
    return 0;
}
