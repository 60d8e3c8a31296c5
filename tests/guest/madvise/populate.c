/* madvise(MADV_POPULATE_READ/WRITE) faults a range in: it succeeds on memory the access
 * is allowed to and answers EINVAL where it is not (PROT_NONE, or a write to read-only
 * memory).  After fork, POPULATE_WRITE in the child copies the shared pages, so its
 * writes still do not reach the parent. */
#include "guest.h"
#include <sys/mman.h>
#include <sys/wait.h>

#ifndef MADV_POPULATE_READ
#define MADV_POPULATE_READ 22
#define MADV_POPULATE_WRITE 23
#endif

#define PG 4096L

int main(void)
{
    char *p = mmap(NULL, 4 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    char *ro = mmap(NULL, PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    char *none = mmap(NULL, PG, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(p != MAP_FAILED && ro != MAP_FAILED && none != MAP_FAILED);
    CHECK_OK(madvise(p, 4 * PG, MADV_POPULATE_READ));
    CHECK_OK(madvise(p, 4 * PG, MADV_POPULATE_WRITE));
    CHECK(p[0] == 0);
    CHECK_OK(madvise(ro, PG, MADV_POPULATE_READ));
    CHECK_ERR(madvise(ro, PG, MADV_POPULATE_WRITE), EINVAL);
    CHECK_ERR(madvise(none, PG, MADV_POPULATE_READ), EINVAL);
    memset(p, 'p', 4 * PG);
    pid_t pid = CHECK_OK(fork());
    if (pid == 0) {
        if (madvise(p, 4 * PG, MADV_POPULATE_WRITE) != 0)
            _exit(2);
        memset(p, 'c', 4 * PG);
        _exit(0);
    }
    int status;
    CHECK(waitpid(pid, &status, 0) == pid);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    CHECK(p[0] == 'p' && p[4 * PG - 1] == 'p');
    return 0;
}
