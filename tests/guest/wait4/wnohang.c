/* WNOHANG returns 0 while the child runs; a blocking wait then reaps it. */
#include "guest.h"
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>

int main(void)
{
    volatile int *go = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    CHECK(go != MAP_FAILED);
    pid_t pid = CHECK_OK(fork());
    if (pid == 0) {
        struct timespec ts = { 0, 1000000 };
        for (int i = 0; i < 20000 && *go == 0; i++)
            nanosleep(&ts, NULL);
        _exit(5);
    }
    int status = 12345;
    CHECK(waitpid(pid, &status, WNOHANG) == 0);
    CHECK(waitpid(-1, &status, WNOHANG) == 0);
    CHECK(status == 12345);             /* untouched */
    *go = 1;
    CHECK(waitpid(pid, &status, 0) == pid);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 5);
    return 0;
}
