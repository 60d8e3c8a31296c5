/* After fork, a MAP_SHARED|MAP_ANONYMOUS mapping is one memory: the parent's writes made
 * after the fork are seen by the child and the child's by the parent, in pages touched
 * before the fork and in pages neither had touched. */
#include "guest.h"
#include <sys/mman.h>
#include <sys/wait.h>

#define PG 4096L
#define N 8

static void wait_byte(int fd)
{
    char c;
    if (read(fd, &c, 1) != 1)
        _exit(9);
}

int main(void)
{
    char *m = mmap(NULL, N * PG, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    CHECK(m != MAP_FAILED);
    m[0] = 'a';
    int to_child[2], to_parent[2];
    CHECK_OK(pipe(to_child));
    CHECK_OK(pipe(to_parent));
    pid_t pid = CHECK_OK(fork());
    if (pid == 0) {
        wait_byte(to_child[0]);
        for (int i = 0; i < N; i++)
            if (m[i * PG + 1] != 'P')
                _exit(2);
        for (int i = 0; i < N; i++)
            m[i * PG + 2] = 'C';
        if (write(to_parent[1], "c", 1) != 1)
            _exit(3);
        wait_byte(to_child[0]);
        _exit(m[3] == 'Q' ? 0 : 4);
    }
    for (int i = 0; i < N; i++)
        m[i * PG + 1] = 'P';
    CHECK(write(to_child[1], "p", 1) == 1);
    char c;
    CHECK(read(to_parent[0], &c, 1) == 1);
    for (int i = 0; i < N; i++)
        CHECK(m[i * PG + 2] == 'C');
    m[3] = 'Q';
    CHECK(write(to_child[1], "p", 1) == 1);
    int status;
    CHECK(waitpid(pid, &status, 0) == pid);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    CHECK(m[0] == 'a');
    return 0;
}
