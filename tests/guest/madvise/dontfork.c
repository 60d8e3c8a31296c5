/* madvise(MADV_DONTFORK) keeps a range out of a fork's child (unmapped there, intact in
 * the parent); MADV_DOFORK undoes it. */
#include "guest.h"
#include <sys/mman.h>
#include <sys/wait.h>

#define PG 4096L

static int mapped(char *p)
{
    return madvise(p, PG, MADV_NORMAL) == 0;
}

static int child_status(void (*fn)(char *), char *p)
{
    int status;
    pid_t pid = CHECK_OK(fork());
    if (pid == 0) {
        fn(p);
        _exit(0);
    }
    CHECK(waitpid(pid, &status, 0) == pid);
    return status;
}

static void without_middle(char *p)
{
    if (!mapped(p) || mapped(p + PG) || mapped(p + 2 * PG) || !mapped(p + 3 * PG))
        _exit(2);
    if (p[0] != 'a' || p[3 * PG] != 'd')
        _exit(3);
}

static void with_all(char *p)
{
    if (!mapped(p + PG) || p[PG] != 'b' || p[2 * PG] != 'c')
        _exit(4);
}

int main(void)
{
    char *p = mmap(NULL, 4 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(p != MAP_FAILED);
    for (int i = 0; i < 4; i++)
        p[i * PG] = (char)('a' + i);
    CHECK_OK(madvise(p + PG, 2 * PG, MADV_DONTFORK));
    int st = child_status(without_middle, p);
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
    CHECK(p[PG] == 'b' && p[2 * PG] == 'c');
    p[PG] = 'b';                               /* still writable in the parent */
    CHECK_OK(madvise(p, 4 * PG, MADV_DOFORK));
    st = child_status(with_all, p);
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
    return 0;
}
