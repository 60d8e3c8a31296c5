/* madvise(MADV_WIPEONFORK) gives a fork's child the range zero-filled while the parent
 * keeps its data; MADV_KEEPONFORK undoes it; a shared mapping refuses it with EINVAL. */
#include "guest.h"
#include <sys/mman.h>
#include <sys/wait.h>

#define PG 4096L

static void run_child(char *p, char want)
{
    int status;
    pid_t pid = CHECK_OK(fork());
    if (pid == 0) {
        if (p[0] != want || p[2 * PG - 1] != want)
            _exit(2);
        p[0] = 'c';                            /* and it is writable */
        _exit(0);
    }
    CHECK(waitpid(pid, &status, 0) == pid);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

int main(void)
{
    char *p = mmap(NULL, 2 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    char *s = mmap(NULL, PG, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    CHECK(p != MAP_FAILED && s != MAP_FAILED);
    memset(p, 'w', 2 * PG);
    CHECK_OK(madvise(p, 2 * PG, MADV_WIPEONFORK));
    run_child(p, 0);
    CHECK(p[0] == 'w' && p[2 * PG - 1] == 'w');
    CHECK_OK(madvise(p, 2 * PG, MADV_KEEPONFORK));
    run_child(p, 'w');
    CHECK(p[0] == 'w');
    CHECK_ERR(madvise(s, PG, MADV_WIPEONFORK), EINVAL);
    return 0;
}
