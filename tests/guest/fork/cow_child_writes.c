/* After fork, the child's writes to heap, stack and a large private mapping, its own and
 * the kernel's on its behalf, do not reach the parent (copy-on-write). */
#include "guest.h"
#include <sys/mman.h>
#include <sys/wait.h>

#define BIG (8 << 20)

int main(void)
{
    char stack[4096];
    char *heap = malloc(100000);
    char *big = mmap(NULL, BIG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(heap != NULL && big != MAP_FAILED);
    memset(stack, 'p', sizeof stack);
    memset(heap, 'p', 100000);
    for (size_t i = 0; i < BIG; i += 4096)
        big[i] = 'p';

    pid_t pid = CHECK_OK(fork());
    if (pid == 0) {
        /* The child sees the parent's data, then overwrites it. */
        if (stack[100] != 'p' || heap[99999] != 'p' || big[BIG - 4096] != 'p')
            _exit(2);
        /* The kernel writes into a shared page too: getcwd into the heap and the mapping. */
        if (getcwd(heap + 50000, 4096) == NULL || getcwd(big + 8192, 4096) == NULL)
            _exit(4);
        memset(stack, 'c', sizeof stack);
        memset(heap, 'c', 100000);
        for (size_t i = 0; i < BIG; i += 4096)
            big[i] = 'c';
        if (stack[100] != 'c' || heap[99999] != 'c' || big[BIG - 4096] != 'c')
            _exit(3);
        _exit(0);
    }
    int status;
    CHECK(waitpid(pid, &status, 0) == pid);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    for (size_t i = 0; i < sizeof stack; i++)
        if (stack[i] != 'p')
            FAIL("stack[%zu] changed by the child", i);
    for (size_t i = 0; i < 100000; i++)
        if (heap[i] != 'p')
            FAIL("heap[%zu] changed by the child", i);
    for (size_t i = 0; i < BIG; i += 4096)
        if (big[i] != 'p')
            FAIL("big[%zu] changed by the child", i);
    /* The parent's pages are writable again. */
    stack[0] = heap[0] = big[0] = 'q';
    CHECK(stack[0] == 'q' && heap[0] == 'q' && big[0] == 'q');
    return 0;
}
