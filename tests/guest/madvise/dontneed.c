/* madvise(MADV_DONTNEED) drops private anonymous pages, which read zero afterwards and
 * can be written again; a MAP_SHARED anonymous mapping keeps its contents.  After fork,
 * the child's MADV_DONTNEED of copy-on-write pages leaves the parent's alone. */
#include "guest.h"
#include <sys/mman.h>
#include <sys/wait.h>

#define PG 4096L

int main(void)
{
    char *p = mmap(NULL, 4 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    char *s = mmap(NULL, 2 * PG, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    CHECK(p != MAP_FAILED && s != MAP_FAILED);
    memset(p, 'p', 4 * PG);
    memset(s, 's', 2 * PG);

    CHECK_OK(madvise(p + PG, 2 * PG, MADV_DONTNEED));
    CHECK(p[0] == 'p' && p[PG] == 0 && p[3 * PG - 1] == 0 && p[3 * PG] == 'p');
    p[PG] = 'q';
    CHECK(p[PG] == 'q');
    CHECK_OK(madvise(s, 2 * PG, MADV_DONTNEED));
    CHECK(s[0] == 's' && s[2 * PG - 1] == 's');

    pid_t pid = CHECK_OK(fork());
    if (pid == 0) {
        if (madvise(p, 4 * PG, MADV_DONTNEED) != 0 || p[0] != 0 || p[PG] != 0)
            _exit(2);
        if (madvise(s, PG, MADV_DONTNEED) != 0 || s[0] != 's')
            _exit(3);
        p[0] = 'c';
        _exit(0);
    }
    int status;
    CHECK(waitpid(pid, &status, 0) == pid);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    CHECK(p[0] == 'p' && p[PG] == 'q' && p[3 * PG] == 'p');
    return 0;
}
