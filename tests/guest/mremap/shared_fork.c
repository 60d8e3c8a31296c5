/* A MAP_SHARED anonymous mapping moved by mremap after fork is still shared with the
 * other process: writes at its new address are seen by the child and the other way. */
#include "guest.h"
#include <sys/mman.h>
#include <sys/wait.h>

#define PG 4096L

int main(void)
{
    char *area = mmap(NULL, 66 * PG, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(area != MAP_FAILED);
    char *p = mmap(area, 2 * PG, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    CHECK(p == area);
    int go[2], back[2];
    CHECK_OK(pipe(go));
    CHECK_OK(pipe(back));
    pid_t pid = CHECK_OK(fork());
    if (pid == 0) {
        char c;
        if (read(go[0], &c, 1) != 1 || p[0] != 'm' || p[PG] != 'n')
            _exit(2);
        p[1] = 'c';
        if (write(back[1], "b", 1) != 1)
            _exit(3);
        _exit(0);
    }
    char *q = mremap(p, 2 * PG, 2 * PG, MREMAP_MAYMOVE | MREMAP_FIXED, p + 64 * PG);
    CHECK(q == p + 64 * PG);
    q[0] = 'm';
    q[PG] = 'n';                               /* untouched before the fork */
    CHECK(write(go[1], "g", 1) == 1);
    char c;
    CHECK(read(back[0], &c, 1) == 1);
    CHECK(q[1] == 'c');
    int status;
    CHECK(waitpid(pid, &status, 0) == pid);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    return 0;
}
