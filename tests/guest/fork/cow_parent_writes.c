/* After fork, the parent's writes to heap, stack and a large private mapping do not reach
 * the child: the child waits for the parent's writes (a flag in a shared page), then checks
 * that it still sees the values of the moment of the fork. */
#include "guest.h"
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>

#define BIG (4 << 20)

static void nap(void)
{
    struct timespec ts = { 0, 1000000 };
    nanosleep(&ts, NULL);
}

int main(void)
{
    char stack[4096];
    char *heap = malloc(50000);
    char *big = mmap(NULL, BIG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    volatile int *flag = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    CHECK(heap != NULL && big != MAP_FAILED && flag != MAP_FAILED);
    memset(stack, 'o', sizeof stack);
    memset(heap, 'o', 50000);
    memset(big, 'o', BIG);

    pid_t pid = CHECK_OK(fork());
    if (pid == 0) {
        for (int i = 0; i < 10000 && *flag == 0; i++)
            nap();
        if (*flag == 0)
            _exit(2);
        for (size_t i = 0; i < sizeof stack; i++)
            if (stack[i] != 'o')
                _exit(3);
        for (size_t i = 0; i < 50000; i++)
            if (heap[i] != 'o')
                _exit(4);
        for (size_t i = 0; i < BIG; i++)
            if (big[i] != 'o')
                _exit(5);
        _exit(0);
    }
    memset(stack, 'n', sizeof stack);
    memset(heap, 'n', 50000);
    memset(big, 'n', BIG);
    *flag = 1;
    int status;
    CHECK(waitpid(pid, &status, 0) == pid);
    CHECK(WIFEXITED(status));
    if (WEXITSTATUS(status) != 0)
        FAIL("child reported %d", WEXITSTATUS(status));
    CHECK(stack[7] == 'n' && heap[7] == 'n' && big[BIG - 1] == 'n');
    return 0;
}
