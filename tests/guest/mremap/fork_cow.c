/* After fork, moving a private mapping that is shared copy-on-write keeps it private:
 * the parent sees the old contents at the new address and its writes there do not reach
 * the child, nor the child's (which moves it too) the parent. */
#include "guest.h"
#include <sys/mman.h>
#include <sys/wait.h>

#define PG 4096L

int main(void)
{
    char *p = mmap(NULL, 5 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(p != MAP_FAILED);
    CHECK_OK(mprotect(p + 4 * PG, PG, PROT_NONE));   /* no growing in place */
    memset(p, 'p', 4 * PG);
    int go[2];
    CHECK_OK(pipe(go));

    pid_t pid = CHECK_OK(fork());
    if (pid == 0) {
        char c;
        if (read(go[0], &c, 1) != 1)           /* the parent has moved and written */
            _exit(2);
        if (p[0] != 'p' || p[4 * PG - 1] != 'p')
            _exit(3);
        char *q = mremap(p, 4 * PG, 8 * PG, MREMAP_MAYMOVE);
        if (q == MAP_FAILED || q[PG] != 'p' || q[5 * PG] != 0)
            _exit(4);
        memset(q, 'c', 4 * PG);
        _exit(0);
    }
    char *q = mremap(p, 4 * PG, 8 * PG, MREMAP_MAYMOVE);
    CHECK(q != MAP_FAILED && q != p);
    CHECK(q[0] == 'p' && q[4 * PG - 1] == 'p');
    memset(q, 'P', 2 * PG);
    CHECK(write(go[1], "g", 1) == 1);
    int status;
    CHECK(waitpid(pid, &status, 0) == pid);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    CHECK(q[0] == 'P' && q[2 * PG] == 'p' && q[4 * PG - 1] == 'p');
    return 0;
}
