/* A child whose parent ends is given to another process (init or a subreaper): its
 * getppid() changes from the dead parent's pid. */
#include "guest.h"
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>

static void nap(void)
{
    struct timespec ts = { 0, 1000000 };
    nanosleep(&ts, NULL);
}

int main(void)
{
    volatile int *res = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    CHECK(res != MAP_FAILED);
    pid_t mid = CHECK_OK(fork());
    if (mid == 0) {
        pid_t me = getpid();
        pid_t grandchild = fork();
        if (grandchild < 0)
            _exit(2);
        if (grandchild == 0) {
            int i;
            for (i = 0; i < 10000 && getppid() == me; i++)
                nap();
            res[0] = getppid() != me ? 1 : 2;
            _exit(0);
        }
        _exit(0);
    }
    int status;
    CHECK(waitpid(mid, &status, 0) == mid);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    for (int i = 0; i < 20000 && res[0] == 0; i++)
        nap();
    if (res[0] != 1)
        FAIL("the orphan's parent did not change (%d)", res[0]);
    return 0;
}
