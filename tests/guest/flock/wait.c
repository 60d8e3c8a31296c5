/* A blocking flock waits until the holder releases the lock; a signal whose
 * handler does not restart calls interrupts the wait with EINTR. */
#include "guest.h"
#include <signal.h>
#include <sys/file.h>

static void on_alarm(int sig)
{
    (void)sig;
}

int main(void)
{
    const char *f = tmp_path("flock-wait");
    make_file(f, "", 0);
    int a = CHECK_OK(open(f, O_RDONLY));
    int b = CHECK_OK(open(f, O_RDONLY));
    CHECK_OK(flock(a, LOCK_EX));
    struct sigaction sa = { .sa_handler = on_alarm };
    CHECK_OK(sigaction(SIGALRM, &sa, NULL));
    alarm(1);
    CHECK_ERR(flock(b, LOCK_EX), EINTR);
    pid_t pid = fork();
    if (pid == 0) {
        usleep(100000);
        _exit(flock(a, LOCK_UN) == 0 ? 0 : 1);
    }
    CHECK_OK(flock(b, LOCK_EX));
    int status;
    CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0);
    CHECK_ERR(flock(a, LOCK_SH | LOCK_NB), EWOULDBLOCK);
    close(a);
    close(b);
    return 0;
}
