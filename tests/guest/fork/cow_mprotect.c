/* Pages shared copy-on-write stay copy-on-write through mprotect: a parent that makes a
 * region read-only and then writable again after fork, and writes it, does not change the
 * child's copy. */
#include "guest.h"
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>

int main(void)
{
    char *m = mmap(NULL, 8 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    volatile int *flag = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    CHECK(m != MAP_FAILED && flag != MAP_FAILED);
    memset(m, 'o', 8 * 4096);
    CHECK_OK(mprotect(m, 8 * 4096, PROT_READ));

    pid_t pid = CHECK_OK(fork());
    if (pid == 0) {
        struct timespec ts = { 0, 1000000 };
        for (int i = 0; i < 20000 && *flag == 0; i++)
            nanosleep(&ts, NULL);
        for (int i = 0; i < 8 * 4096; i++)
            if (m[i] != 'o')
                _exit(2);
        _exit(*flag == 1 ? 0 : 3);
    }
    CHECK_OK(mprotect(m, 8 * 4096, PROT_READ | PROT_WRITE));
    memset(m, 'n', 8 * 4096);
    *flag = 1;
    int status;
    CHECK(waitpid(pid, &status, 0) == pid);
    CHECK(WIFEXITED(status));
    if (WEXITSTATUS(status) != 0)
        FAIL("child reported %d", WEXITSTATUS(status));
    return 0;
}
