/* madvise(MADV_REMOVE) frees a shared anonymous range, which then reads zero in every
 * process that maps it; a private mapping refuses it with EINVAL. */
#include "guest.h"
#include <sys/mman.h>
#include <sys/wait.h>

#define PG 4096L

int main(void)
{
    char *s = mmap(NULL, 3 * PG, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    char *p = mmap(NULL, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(s != MAP_FAILED && p != MAP_FAILED);
    memset(s, 'r', 3 * PG);
    CHECK_ERR(madvise(p, PG, MADV_REMOVE), EINVAL);
    pid_t pid = CHECK_OK(fork());
    if (pid == 0) {
        if (madvise(s + PG, PG, MADV_REMOVE) != 0)
            _exit(2);
        _exit(s[PG] == 0 && s[0] == 'r' ? 0 : 3);
    }
    int status;
    CHECK(waitpid(pid, &status, 0) == pid);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    CHECK(s[0] == 'r' && s[PG] == 0 && s[2 * PG - 1] == 0 && s[2 * PG] == 'r');
    s[PG] = 'n';                               /* still shared memory */
    CHECK(s[PG] == 'n');
    return 0;
}
