/* POSIX record locks belong to the process: closing any descriptor of the file
 * releases them all, even one opened separately; a forked child does not inherit
 * them (its own attempt conflicts). */
#include "guest.h"

static int setlk(int fd, short type)
{
    struct flock fl = { .l_type = type, .l_whence = SEEK_SET, .l_start = 0, .l_len = 0 };
    return fcntl(fd, F_SETLK, &fl);
}

static int child_can_lock(int fd)
{
    pid_t pid = fork();
    if (pid == 0)
        _exit(setlk(fd, F_WRLCK) == 0 ? 0 : errno == EAGAIN ? 1 : 2);
    int status;
    CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) < 2);
    return WEXITSTATUS(status) == 0;
}

int main(void)
{
    const char *f = tmp_path("fcntl-release");
    make_file(f, "", 0);
    int a = CHECK_OK(open(f, O_RDWR));
    int b = CHECK_OK(open(f, O_RDONLY));
    CHECK_OK(setlk(a, F_WRLCK));
    CHECK(!child_can_lock(a));
    int a2 = CHECK_OK(dup(a));
    CHECK_OK(setlk(a2, F_WRLCK));
    close(b);
    CHECK(child_can_lock(a));
    CHECK_OK(setlk(a, F_WRLCK));
    close(a2);
    CHECK(child_can_lock(a));
    close(a);
    return 0;
}
