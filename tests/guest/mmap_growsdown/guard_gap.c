/* A MAP_GROWSDOWN mapping does not grow to within stack_guard_gap (1 MiB) of the mapping
 * below it: such a fault is SIGSEGV; one farther from it grows the stack.  A PROT_NONE
 * mapping below does not count (it is a guard itself). */
#include "guest.h"
#include <signal.h>
#include <sys/mman.h>
#include <sys/wait.h>

#define PG 4096L
#define GAP (256 * PG)

static int touch_in_child(volatile char *addr)
{
    int status;
    pid_t pid = CHECK_OK(fork());
    if (pid == 0) {
        *addr = 'x';
        _exit(0);
    }
    CHECK(waitpid(pid, &status, 0) == pid);
    return status;
}

int main(void)
{
    char *area = mmap(NULL, 2048 * PG, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(area != MAP_FAILED);
    CHECK_OK(munmap(area + PG, 2047 * PG));    /* a readable page stays at the bottom */
    CHECK_OK(mprotect(area, PG, PROT_READ));
    char *g = mmap(area + 2044 * PG, 4 * PG, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_GROWSDOWN | MAP_FIXED, -1, 0);
    CHECK(g == area + 2044 * PG);
    char *low_ok = area + PG + GAP;            /* exactly the gap above the mapping below */

    int st = touch_in_child(low_ok - 1);
    CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV);
    st = touch_in_child(area + 2 * PG);
    CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV);
    st = touch_in_child(low_ok);
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);

    /* With the page below PROT_NONE, growing right down to it is fine. */
    CHECK_OK(mprotect(area, PG, PROT_NONE));
    st = touch_in_child(area + PG);
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
    return 0;
}
