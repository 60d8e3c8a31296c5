/* execve closes the descriptors marked close-on-exec and keeps the others (with their
 * offsets); the program re-executes itself (argv[0]) from a forked child to look. */
#include "guest.h"
#include <sys/wait.h>

static int check(int keep, int gone)
{
    if (fcntl(gone, F_GETFD) != -1 || errno != EBADF)
        return 2;
    if (fcntl(keep, F_GETFD) != 0)
        return 3;
    if (lseek(keep, 0, SEEK_CUR) != 3)
        return 4;
    return 0;
}

int main(int argc, char **argv)
{
    if (argc == 4 && strcmp(argv[1], "child") == 0)
        return check(atoi(argv[2]), atoi(argv[3]));

    const char *path = tmp_path("cloexec");
    make_file(path, "abcdef", 6);
    int keep = CHECK_OK(open(path, O_RDONLY));
    int gone = CHECK_OK(open(path, O_RDONLY | O_CLOEXEC));
    CHECK(lseek(keep, 3, SEEK_SET) == 3);
    char k[16], g[16];
    snprintf(k, sizeof k, "%d", keep);
    snprintf(g, sizeof g, "%d", gone);

    pid_t pid = CHECK_OK(fork());
    if (pid == 0) {
        char *const args[] = { argv[0], "child", k, g, NULL };
        execv(argv[0], args);
        _exit(100 + errno);
    }
    int status;
    CHECK(waitpid(pid, &status, 0) == pid);
    CHECK(WIFEXITED(status));
    if (WEXITSTATUS(status) != 0)
        FAIL("the exec'd child reported %d", WEXITSTATUS(status));
    return 0;
}
