/* Writing to a pipe with no reader raises SIGPIPE: it kills by default;
 * ignored, the write fails with EPIPE; handled, the handler runs first. */
#include "guest.h"
#include <signal.h>
#include <sys/wait.h>

static volatile int hits;
static void handler(int sig) { (void)sig; hits++; }

int main(void)
{
    int p[2], st;
    pid_t c;

    CHECK_OK(pipe(p));
    CHECK_OK(close(p[0]));
    c = fork();
    if (c == 0) {
        (void)write(p[1], "x", 1);
        _exit(0);
    }
    CHECK(waitpid(c, &st, 0) == c);
    CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGPIPE);

    CHECK(signal(SIGPIPE, SIG_IGN) != SIG_ERR);
    CHECK_ERR(write(p[1], "x", 1), EPIPE);
    CHECK(signal(SIGPIPE, handler) != SIG_ERR);
    CHECK_ERR(write(p[1], "x", 1), EPIPE);
    CHECK(hits == 1);
    return 0;
}
