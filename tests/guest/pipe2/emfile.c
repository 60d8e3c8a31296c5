/* With one descriptor left under RLIMIT_NOFILE, pipe2 fails with EMFILE and leaves the
 * free descriptor free. */
#include "guest.h"
#include <sys/resource.h>

int main(void)
{
    int p[2];
    int next = CHECK_OK(dup(0));
    struct rlimit rl = { (rlim_t)next + 1, (rlim_t)next + 1 };
    close(next);
    CHECK_OK(setrlimit(RLIMIT_NOFILE, &rl));
    CHECK_ERR(pipe2(p, 0), EMFILE);
    int again = CHECK_OK(dup(0));
    CHECK(again == next);
    close(again);
    return 0;
}
