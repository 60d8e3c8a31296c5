/* After fork, the parent's writes to a private mapping it touched only here and there (pages
 * never touched in between) do not reach the child.  Trellis once downgraded the parent's
 * host mappings with one host mprotect across the untouched pages, which stops at the first
 * hole and left the pages after it writable: bash's pipelines in subshells crashed. */
#include "guest.h"
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>

#define PAGES 1024
#define STEP 97

int main(void)
{
    long pg = sysconf(_SC_PAGESIZE);
    char *m = mmap(NULL, PAGES * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    volatile int *flag = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    CHECK(m != MAP_FAILED && flag != MAP_FAILED);
    for (long i = 0; i < PAGES; i += STEP)
        m[i * pg] = 'o';

    pid_t pid = CHECK_OK(fork());
    if (pid == 0) {
        struct timespec ts = { 0, 1000000 };
        for (int i = 0; i < 10000 && *flag == 0; i++)
            nanosleep(&ts, NULL);
        if (*flag == 0)
            _exit(2);
        for (long i = 0; i < PAGES; i += STEP)
            if (m[i * pg] != 'o')
                _exit(3);
        _exit(0);
    }
    for (long i = 0; i < PAGES; i += STEP)
        m[i * pg] = 'n';
    *flag = 1;
    int status;
    CHECK(waitpid(pid, &status, 0) == pid);
    CHECK(WIFEXITED(status));
    if (WEXITSTATUS(status) != 0)
        FAIL("child reported %d (3: it saw the parent's writes)", WEXITSTATUS(status));
    return 0;
}
