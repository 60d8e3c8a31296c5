/* Closing by close_range drops the process's record locks on the file, as close(2)
 * does. */
#include "guest.h"

int main(void)
{
    const char *f = tmp_path("close-range-locks");
    make_file(f, "", 0);
    int a = CHECK_OK(open(f, O_RDWR));
    int b = CHECK_OK(fcntl(CHECK_OK(open(f, O_RDONLY)), F_DUPFD, 200));
    struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET };
    CHECK_OK(fcntl(a, F_SETLK, &fl));
    CHECK_OK(syscall(SYS_close_range, 200, 200, 0));
    (void)b;
    pid_t pid = fork();
    if (pid == 0)
        _exit(fcntl(a, F_SETLK, &fl) == 0 ? 0 : 1);
    int status;
    CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0);
    close(a);
    return 0;
}
