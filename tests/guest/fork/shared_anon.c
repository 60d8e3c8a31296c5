/* A MAP_SHARED anonymous mapping stays shared across fork, including pages that neither
 * process had touched before the fork. */
#include "guest.h"
#include <sys/mman.h>
#include <sys/wait.h>

int main(void)
{
    char *m = mmap(NULL, 16 * 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    CHECK(m != MAP_FAILED);
    m[0] = 'a';
    pid_t pid = CHECK_OK(fork());
    if (pid == 0) {
        if (m[0] != 'a')
            _exit(2);
        m[0] = 'b';
        m[15 * 4096] = 'z';            /* untouched before the fork */
        _exit(0);
    }
    int status;
    CHECK(waitpid(pid, &status, 0) == pid);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    CHECK(m[0] == 'b');
    CHECK(m[15 * 4096] == 'z');
    return 0;
}
