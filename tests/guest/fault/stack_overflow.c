/* Unbounded recursion runs off the stack and kills the program with SIGSEGV. */
/* guest-test: signal=SEGV */
#include "guest.h"
#include <limits.h>

static volatile long budget = LONG_MAX; /* never runs out; hides the recursion from gcc */

static int depth(volatile char *prev)
{
    volatile char frame[4096];
    frame[0] = prev ? prev[0] + 1 : 0;
    if (budget-- > 0)
        return depth(frame) + frame[4095];
    return 0;
}

int main(void)
{
    depth(NULL);
    FAIL("recursion ended without a fault");
}
