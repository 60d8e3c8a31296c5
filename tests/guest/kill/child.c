/* A child asleep in pause(2), in read(2) of an empty pipe, or in
 * nanosleep(2) is woken by a fatal signal; wait reports the signal. */
#include "guest.h"
#include <signal.h>
#include <sys/wait.h>
#include <time.h>

static pid_t spawn(int how, int fd)
{
    pid_t c = fork();
    char b;
    struct timespec ts = { 100, 0 };

    if (c != 0)
        return c;
    if (how == 0)
        pause();
    else if (how == 1)
        (void)read(fd, &b, 1);
    else
        nanosleep(&ts, NULL);
    _exit(7);
}

static void expect_killed(pid_t c, int sig)
{
    int st;

    CHECK(waitpid(c, &st, 0) == c);
    if (!WIFSIGNALED(st) || WTERMSIG(st) != sig)
        FAIL("child: status 0x%x, want killed by %d", st, sig);
}

int main(void)
{
    struct timespec ts = { 0, 20 * 1000 * 1000 };
    int p[2];
    pid_t c;

    CHECK_OK(pipe(p));
    c = spawn(0, -1);
    nanosleep(&ts, NULL);
    CHECK_OK(kill(c, SIGTERM));
    expect_killed(c, SIGTERM);
    c = spawn(1, p[0]);
    nanosleep(&ts, NULL);
    CHECK_OK(kill(c, SIGKILL));
    expect_killed(c, SIGKILL);
    c = spawn(2, -1);
    nanosleep(&ts, NULL);
    CHECK_OK(kill(c, SIGINT));
    expect_killed(c, SIGINT);
    return 0;
}
