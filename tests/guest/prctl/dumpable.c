/* PR_GET_DUMPABLE starts at 1; PR_SET_DUMPABLE takes 0 or 1 only (EINVAL for 2); a
 * child inherits it; execve makes it 1 again; a change of effective uid sets it to
 * fs.suid_dumpable (0 by default). */
#include "guest.h"
#include <sys/prctl.h>
#include <sys/wait.h>

static int suid_dumpable(void)
{
    FILE *f = fopen("/proc/sys/fs/suid_dumpable", "r");
    int v = 0;
    if (f != NULL) {
        if (fscanf(f, "%d", &v) != 1)
            v = 0;
        fclose(f);
    }
    return v;
}

static int run(int set_first, const char *cmd)
{
    pid_t pid = CHECK_OK(fork());
    if (pid == 0) {
        if (set_first >= 0 && prctl(PR_SET_DUMPABLE, set_first, 0, 0, 0) != 0)
            _exit(90);
        if (cmd == NULL)
            _exit(prctl(PR_GET_DUMPABLE, 0, 0, 0, 0));
        /* After exec, report PR_GET_DUMPABLE through a shell-free helper: ourselves. */
        static char *const envp[] = { NULL };
        char *const argv[] = { (char *)cmd, "--get-dumpable", NULL };
        execve(cmd, argv, envp);
        _exit(91);
    }
    int status;
    CHECK(waitpid(pid, &status, 0) == pid);
    CHECK(WIFEXITED(status));
    return WEXITSTATUS(status);
}

int main(int argc, char **argv)
{
    if (argc == 2 && strcmp(argv[1], "--get-dumpable") == 0)
        return prctl(PR_GET_DUMPABLE, 0, 0, 0, 0);
    CHECK(prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) == 1);
    CHECK_ERR(prctl(PR_SET_DUMPABLE, 2, 0, 0, 0), EINVAL);
    CHECK_ERR(prctl(PR_SET_DUMPABLE, -1L, 0, 0, 0), EINVAL);
    CHECK(run(0, NULL) == 0);
    CHECK(run(-1, NULL) == 1);
    CHECK(run(0, argv[0]) == 1);
    CHECK_OK(prctl(PR_SET_DUMPABLE, 0, 0, 0, 0));
    CHECK(prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) == 0);
    CHECK(run(-1, NULL) == 0);
    CHECK_OK(prctl(PR_SET_DUMPABLE, 1, 0, 0, 0));
    pid_t pid = CHECK_OK(fork());
    if (pid == 0) {
        if (setresuid(-1, 1000, -1) != 0)
            _exit(90);
        _exit(prctl(PR_GET_DUMPABLE, 0, 0, 0, 0));
    }
    int status;
    CHECK(waitpid(pid, &status, 0) == pid);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == suid_dumpable());
    return 0;
}
