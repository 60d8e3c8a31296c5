/* alarm(2) sends SIGALRM after the time asked, returns what was left of
 * the previous alarm (rounded), and alarm(0) cancels; the alarm survives
 * execve-free forks only in the parent. */
#include "guest.h"
#include <signal.h>
#include <sys/wait.h>
#include <time.h>

static volatile int rang;
static void handler(int sig) { (void)sig; rang++; }

static long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

int main(void)
{
    long long t0;
    pid_t c;
    int st;

    CHECK(signal(SIGALRM, handler) != SIG_ERR);
    CHECK(alarm(10) == 0);
    CHECK(alarm(5) == 10);          /* 10 s were left: rounds to 10 */
    CHECK(alarm(0) == 5);
    CHECK(alarm(0) == 0);

    c = fork();
    if (c == 0) {
        /* The child does not inherit the parent's alarm. */
        _exit(alarm(0) == 0 ? 0 : 1);
    }
    CHECK(waitpid(c, &st, 0) == c && WIFEXITED(st) && WEXITSTATUS(st) == 0);

    t0 = now_ms();
    CHECK(alarm(1) == 0);
    while (!rang)
        pause();
    CHECK(now_ms() - t0 >= 990);
    CHECK(rang == 1);
    return 0;
}
