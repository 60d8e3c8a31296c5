/* A shared anonymous mapping made PROT_NONE before fork and opened with mprotect in both
 * processes afterwards is still one memory; so is a read-only one the child opens. */
#include "guest.h"
#include <sys/mman.h>
#include <sys/wait.h>

#define PG 4096L

int main(void)
{
    char *s = mmap(NULL, 4 * PG, PROT_NONE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    CHECK(s != MAP_FAILED);
    int go[2];
    CHECK_OK(pipe(go));
    pid_t pid = CHECK_OK(fork());
    if (pid == 0) {
        char c;
        if (mprotect(s, 4 * PG, PROT_READ | PROT_WRITE) != 0)
            _exit(2);
        s[3 * PG] = 'c';
        if (read(go[0], &c, 1) != 1)
            _exit(3);
        _exit(s[0] == 'p' ? 0 : 4);
    }
    CHECK_OK(mprotect(s, PG, PROT_READ | PROT_WRITE));
    s[0] = 'p';
    CHECK(write(go[1], "g", 1) == 1);
    int status;
    CHECK(waitpid(pid, &status, 0) == pid);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    CHECK_OK(mprotect(s + 3 * PG, PG, PROT_READ));
    CHECK(s[3 * PG] == 'c');
    return 0;
}
