/* execveat runs a program named relative to a directory descriptor, or the file a
 * descriptor is open on (even O_PATH) with AT_EMPTY_PATH, as fexecve does;
 * AT_SYMLINK_NOFOLLOW refuses a final symlink with ELOOP; bad flags are EINVAL, ""
 * without AT_EMPTY_PATH ENOENT.  busybox (Debian's busybox-static, in the root too)
 * is the program: run as "true", it exits 0. */
#include "guest.h"

static int run(int dirfd, const char *path, int flags)
{
    pid_t pid = fork();
    if (pid < 0)
        FAIL("fork: %s", strerror(errno));
    if (pid == 0) {
        char *argv[] = { "true", NULL }, *envp[] = { NULL };
        syscall(SYS_execveat, dirfd, path, argv, envp, flags);
        _exit(100 + errno);
    }
    int status;
    if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
        FAIL("child did not exit");
    return WEXITSTATUS(status);
}

int main(void)
{
    int dir = open("/bin", O_RDONLY | O_DIRECTORY);
    CHECK(dir >= 0);
    CHECK(run(dir, "busybox", 0) == 0);
    int fd = open("/bin/busybox", O_RDONLY);
    CHECK(fd >= 0);
    CHECK(run(fd, "", AT_EMPTY_PATH) == 0);
    int opath = open("/bin/busybox", O_PATH);
    CHECK(opath >= 0);
    CHECK(run(opath, "", AT_EMPTY_PATH) == 0);
    CHECK(run(fd, "", 0) == 100 + ENOENT);
    CHECK(run(dir, "busybox", 0x4) == 100 + EINVAL);
    CHECK(run(closed_fd(), "x", 0) == 100 + EBADF);
    CHECK(run(dir, "no-such-program", 0) == 100 + ENOENT);
    CHECK(run(AT_FDCWD, "/proc/self/exe", AT_SYMLINK_NOFOLLOW) == 100 + ELOOP);
    return 0;
}
