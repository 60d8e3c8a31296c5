/* A read(2) interrupted by a handled signal fails with EINTR, unless the
 * handler has SA_RESTART: then it restarts and returns the data.  A signal
 * that is ignored never interrupts it. */
#include "guest.h"
#include <signal.h>
#include <sys/wait.h>
#include <time.h>

static volatile int hits;
static void handler(int sig) { (void)sig; hits++; }

/* A child that signals the parent, then writes one byte to the pipe. */
static pid_t poke(int wfd, int sig)
{
    pid_t c = fork();
    struct timespec ts = { 0, 30 * 1000 * 1000 };

    if (c == 0) {
        nanosleep(&ts, NULL);
        kill(getppid(), sig);
        nanosleep(&ts, NULL);
        if (write(wfd, "x", 1) != 1)
            _exit(1);
        _exit(0);
    }
    return c;
}

static void reap(pid_t c)
{
    int st;

    CHECK(waitpid(c, &st, 0) == c);
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
}

int main(void)
{
    struct sigaction sa;
    int p[2];
    char b;
    pid_t c;

    CHECK_OK(pipe(p));
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = handler;
    CHECK_OK(sigaction(SIGUSR1, &sa, NULL));
    c = poke(p[1], SIGUSR1);
    CHECK_ERR(read(p[0], &b, 1), EINTR);
    CHECK(hits == 1);
    reap(c);
    CHECK(read(p[0], &b, 1) == 1);

    sa.sa_flags = SA_RESTART;
    CHECK_OK(sigaction(SIGUSR1, &sa, NULL));
    c = poke(p[1], SIGUSR1);
    CHECK(read(p[0], &b, 1) == 1 && b == 'x');
    CHECK(hits == 2);
    reap(c);

    CHECK(signal(SIGUSR2, SIG_IGN) != SIG_ERR);
    c = poke(p[1], SIGUSR2);
    CHECK(read(p[0], &b, 1) == 1);
    reap(c);
    return 0;
}
