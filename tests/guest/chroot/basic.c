/* chroot makes a directory the process's "/": absolute paths and ".." stop there, a
 * child inherits it; a file is ENOTDIR, a missing path ENOENT, no privilege EPERM. */
#include "guest.h"

static void unprivileged(void)
{
    CHECK_OK(setresuid(1000, 1000, 1000));
    CHECK_ERR(chroot("/tmp"), EPERM);
}

int main(void)
{
    const char *dir = tmp_path("chroot");
    CHECK_OK(mkdir(dir, 0755));
    const char *marker = tmp_path_in(dir, "marker");   /* removed at exit, before dir */
    make_file(marker, "m", 1);
    CHECK_ERR(chroot(marker), ENOTDIR);
    CHECK_ERR(chroot("/nonexistent-trellis"), ENOENT);
    run_in_child(unprivileged);
    pid_t pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        if (chroot(dir) != 0 || chdir("/") != 0)
            _exit(2);
        struct stat st;
        if (stat("/marker", &st) != 0 || stat("/../../marker", &st) != 0)
            _exit(3);
        char cwd[64];
        if (getcwd(cwd, sizeof cwd) == NULL || strcmp(cwd, "/") != 0)
            _exit(4);
        _exit(0);
    }
    int status;
    CHECK(waitpid(pid, &status, 0) == pid);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    return 0;
}
