/* A signal whose handler runs ends a waiting poll(2) with EINTR, even with
 * SA_RESTART (poll is never restarted after a handler). */
#include "guest.h"
#include <poll.h>
#include <signal.h>
#include <sys/time.h>

static volatile int hits;
static void handler(int sig) { (void)sig; hits++; }

int main(void)
{
    struct sigaction sa = { .sa_handler = handler, .sa_flags = SA_RESTART };
    struct itimerval it = { { 0, 0 }, { 0, 30000 } };
    struct pollfd pfd;
    int p[2];

    CHECK_OK(sigaction(SIGALRM, &sa, NULL));
    CHECK_OK(pipe(p));
    pfd = (struct pollfd){ .fd = p[0], .events = POLLIN };
    CHECK_OK(setitimer(ITIMER_REAL, &it, NULL));
    CHECK_ERR(poll(&pfd, 1, 5000), EINTR);
    CHECK(hits == 1);
    return 0;
}
