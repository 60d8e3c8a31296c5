/* Writing to a pipe whose read end is closed fails with EPIPE (SIGPIPE ignored). */
#include "guest.h"
#include <signal.h>

int main(void)
{
    int p[2];
    signal(SIGPIPE, SIG_IGN);
    CHECK_OK(pipe(p));
    close(p[0]);
    CHECK_ERR(write(p[1], "x", 1), EPIPE);
    close(p[1]);
    return 0;
}
