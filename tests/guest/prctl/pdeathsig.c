/* PR_SET_PDEATHSIG stores a signal (0 to 64; more is EINVAL) that PR_GET_PDEATHSIG
 * reports; a forked child starts without one; a change of effective uid clears it. */
#include "guest.h"
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>

static int get(void)
{
    int sig = -1;
    CHECK_OK(prctl(PR_GET_PDEATHSIG, &sig, 0, 0, 0));
    return sig;
}

int main(void)
{
    CHECK(get() == 0);
    CHECK_OK(prctl(PR_SET_PDEATHSIG, SIGUSR1, 0, 0, 0));
    CHECK(get() == SIGUSR1);
    CHECK_ERR(prctl(PR_SET_PDEATHSIG, 65, 0, 0, 0), EINVAL);
    CHECK_ERR(prctl(PR_SET_PDEATHSIG, -1L, 0, 0, 0), EINVAL);
    CHECK(get() == SIGUSR1);
    CHECK_OK(prctl(PR_SET_PDEATHSIG, 64, 0, 0, 0));
    CHECK(get() == 64);
    CHECK_ERR(prctl(PR_GET_PDEATHSIG, BAD_PTR, 0, 0, 0), EFAULT);
    pid_t pid = CHECK_OK(fork());
    if (pid == 0) {
        int sig = -1;
        if (prctl(PR_GET_PDEATHSIG, &sig, 0, 0, 0) != 0 || sig != 0)
            _exit(1);
        if (prctl(PR_SET_PDEATHSIG, SIGTERM, 0, 0, 0) != 0)
            _exit(2);
        if (setresuid(-1, 1000, -1) != 0)
            _exit(3);
        if (prctl(PR_GET_PDEATHSIG, &sig, 0, 0, 0) != 0 || sig != 0)
            _exit(4);
        _exit(0);
    }
    int status;
    CHECK(waitpid(pid, &status, 0) == pid);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        FAIL("child: status %#x", status);
    CHECK_OK(prctl(PR_SET_PDEATHSIG, 0, 0, 0, 0));
    return 0;
}
