/* Handlers nest: a signal raised inside another's handler runs at once
 * unless the first's mask blocks it; SA_NODEFER lets a handler be
 * re-entered by its own signal; SA_RESETHAND leaves SIG_DFL behind. */
#include "guest.h"
#include <signal.h>

static volatile int depth, max_depth, order[8], norder, raises;

static void on_usr2(int sig)
{
    (void)sig;
    order[norder++] = 2;
}

static void on_usr1(int sig)
{
    (void)sig;
    order[norder++] = 1;
    raise(SIGUSR2);             /* not blocked: runs now, nested */
    order[norder++] = 10;
}

static void reenter(int sig)
{
    depth++;
    if (depth > max_depth)
        max_depth = depth;
    if (raises < 2) {
        raises++;
        raise(sig);
    }
    depth--;
}

static void blocked_usr2(int sig)
{
    (void)sig;
    order[norder++] = 3;
    raise(SIGUSR2);             /* in sa_mask: waits for the return */
    order[norder++] = 30;
}

int main(void)
{
    struct sigaction sa, old;

    CHECK(signal(SIGUSR2, on_usr2) != SIG_ERR);
    CHECK(signal(SIGUSR1, on_usr1) != SIG_ERR);
    raise(SIGUSR1);
    CHECK(norder == 3 && order[0] == 1 && order[1] == 2 && order[2] == 10);

    norder = 0;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = blocked_usr2;
    sigaddset(&sa.sa_mask, SIGUSR2);
    CHECK_OK(sigaction(SIGUSR1, &sa, NULL));
    raise(SIGUSR1);
    CHECK(norder == 3 && order[0] == 3 && order[1] == 30 && order[2] == 2);

    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = reenter;
    sa.sa_flags = SA_NODEFER;
    CHECK_OK(sigaction(SIGUSR1, &sa, NULL));
    raise(SIGUSR1);
    CHECK(max_depth == 3 && depth == 0);

    max_depth = 0;
    raises = 0;
    sa.sa_flags = 0;                    /* deferred: one after the other */
    CHECK_OK(sigaction(SIGUSR1, &sa, NULL));
    raise(SIGUSR1);
    CHECK(max_depth == 1 && raises == 2);

    sa.sa_handler = on_usr2;
    sa.sa_flags = SA_RESETHAND;
    CHECK_OK(sigaction(SIGUSR2, &sa, NULL));
    norder = 0;
    raise(SIGUSR2);
    CHECK(norder == 1);
    CHECK_OK(sigaction(SIGUSR2, NULL, &old));
    CHECK(old.sa_handler == SIG_DFL);
    return 0;
}
