/* A MAP_SHARED anonymous mapping stays one memory through two forks: a grandchild's
 * write reaches the grandparent, and private memory beside it stays private. */
#include "guest.h"
#include <sys/mman.h>
#include <sys/wait.h>

#define PG 4096L

static int reap(pid_t pid)
{
    int status;
    if (waitpid(pid, &status, 0) != pid)
        return 0;
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

int main(void)
{
    char *s = mmap(NULL, 2 * PG, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    char *p = mmap(NULL, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(s != MAP_FAILED && p != MAP_FAILED);
    p[0] = 'p';
    pid_t pid = CHECK_OK(fork());
    if (pid == 0) {
        s[0] = 'c';
        pid_t g = fork();
        if (g < 0)
            _exit(2);
        if (g == 0) {
            if (s[0] != 'c')
                _exit(3);
            s[PG] = 'g';
            p[0] = 'g';
            _exit(0);
        }
        _exit(reap(g) && s[PG] == 'g' && p[0] == 'p' ? 0 : 4);
    }
    CHECK(reap(pid));
    CHECK(s[0] == 'c' && s[PG] == 'g' && p[0] == 'p');
    return 0;
}
