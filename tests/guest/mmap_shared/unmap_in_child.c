/* When the child unmaps (or exits with) a shared anonymous mapping, the parent's view
 * keeps the data both wrote. */
#include "guest.h"
#include <sys/mman.h>
#include <sys/wait.h>

#define PG 4096L

int main(void)
{
    char *s = mmap(NULL, 2 * PG, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    CHECK(s != MAP_FAILED);
    s[0] = 'p';
    pid_t pid = CHECK_OK(fork());
    if (pid == 0) {
        s[PG] = 'c';
        _exit(munmap(s, 2 * PG) == 0 ? 0 : 2);
    }
    int status;
    CHECK(waitpid(pid, &status, 0) == pid);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    CHECK(s[0] == 'p' && s[PG] == 'c');
    s[1] = 'q';
    CHECK(s[1] == 'q');
    return 0;
}
