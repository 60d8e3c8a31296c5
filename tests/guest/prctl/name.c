/* PR_SET_NAME sets the name (comm) that PR_GET_NAME returns, cut to 15 bytes;
 * a forked child inherits it; bad pointers are EFAULT. */
#include "guest.h"
#include <sys/prctl.h>
#include <sys/wait.h>

int main(void)
{
    char name[32];

    CHECK_OK(prctl(PR_SET_NAME, "short", 0, 0, 0));
    memset(name, 'x', sizeof name);
    CHECK_OK(prctl(PR_GET_NAME, name, 0, 0, 0));
    CHECK(strcmp(name, "short") == 0);
    CHECK(name[16] == 'x');             /* exactly 16 bytes written */
    CHECK_OK(prctl(PR_SET_NAME, "a-name-longer-than-fifteen", 0, 0, 0));
    CHECK_OK(prctl(PR_GET_NAME, name, 0, 0, 0));
    CHECK(strcmp(name, "a-name-longer-t") == 0);
    CHECK_ERR(prctl(PR_SET_NAME, BAD_PTR, 0, 0, 0), EFAULT);
    CHECK_ERR(prctl(PR_GET_NAME, BAD_PTR, 0, 0, 0), EFAULT);
    pid_t pid = CHECK_OK(fork());
    if (pid == 0) {
        char n[16];
        if (prctl(PR_GET_NAME, n, 0, 0, 0) != 0)
            _exit(1);
        _exit(strcmp(n, "a-name-longer-t") == 0 ? 0 : 2);
    }
    int status;
    CHECK(waitpid(pid, &status, 0) == pid);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    return 0;
}
