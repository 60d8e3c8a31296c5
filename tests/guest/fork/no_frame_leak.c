/* Forked children that write 2 MiB each (their own pages and copies of the parent's) give
 * every frame back when they are reaped: the free memory sysinfo reports after a round of
 * 40 children is what it was before, within half a second (the simulator frees a dead
 * stub's own control memory, 192 KiB, while the host reaps it).  Trellis-only: a Linux
 * host's free memory moves with everything else running on it. */
/* guest-test: trellis-only */
#include "guest.h"
#include <sys/sysinfo.h>
#include <sys/wait.h>

#define CHILD_BYTES (2 << 20)

static char data[256 << 10];            /* parent pages the children copy */

static void round_of_children(void)
{
    for (int i = 0; i < 40; i++) {
        pid_t pid = CHECK_OK(fork());
        if (pid == 0) {
            char *m = malloc(CHILD_BYTES);
            if (m == NULL)
                _exit(2);
            memset(m, i, CHILD_BYTES);
            memset(data, i, sizeof data);
            _exit(0);
        }
        int status;
        CHECK(waitpid(pid, &status, 0) == pid);
        CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
        memset(data, 'p', sizeof data);   /* the parent's own copy-on-write */
    }
}

static unsigned long free_bytes(void)
{
    struct sysinfo si;
    CHECK_OK(sysinfo(&si));
    return si.freeram * si.mem_unit;
}

int main(void)
{
    round_of_children();                /* warm up: heap, stack, page tables */
    unsigned long before = free_bytes();
    round_of_children();
    unsigned long after = free_bytes();
    for (int i = 0; i < 50 && after + (128 << 10) < before; i++) {
        usleep(10000);
        after = free_bytes();
    }
    if (after + (128 << 10) < before)
        FAIL("%lu KiB fewer free after 40 children", (before - after) >> 10);
    return 0;
}
