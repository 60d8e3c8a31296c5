/* F_SETLKW waits for a conflicting lock to go; a signal whose handler does not
 * restart calls interrupts it with EINTR. */
#include "guest.h"
#include <signal.h>

static void on_alarm(int sig)
{
    (void)sig;
}

int main(void)
{
    const char *f = tmp_path("fcntl-setlkw");
    make_file(f, "", 0);
    int fd = CHECK_OK(open(f, O_RDWR));
    int ready[2], done[2];
    CHECK_OK(pipe(ready));
    CHECK_OK(pipe(done));
    pid_t pid = fork();
    if (pid == 0) {
        struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET };
        char c;
        if (fcntl(fd, F_SETLK, &fl) != 0 || write(ready[1], "x", 1) != 1)
            _exit(1);
        _exit(read(done[0], &c, 1) == 1 ? 0 : 1);   /* holds it until told */
    }
    char c;
    CHECK(read(ready[0], &c, 1) == 1);
    struct sigaction sa = { .sa_handler = on_alarm };
    CHECK_OK(sigaction(SIGALRM, &sa, NULL));
    alarm(1);
    struct flock fl = { .l_type = F_RDLCK, .l_whence = SEEK_SET };
    CHECK_ERR(fcntl(fd, F_SETLKW, &fl), EINTR);
    CHECK(write(done[1], "x", 1) == 1);
    CHECK_OK(fcntl(fd, F_SETLKW, &fl));      /* the child's exit frees it */
    CHECK(waitpid(pid, NULL, 0) == pid);
    close(fd);
    return 0;
}
