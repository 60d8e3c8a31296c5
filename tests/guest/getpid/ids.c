/* getpid is positive, getppid differs from it, and a single-threaded process's tid is
 * its pid. */
#include "guest.h"

int main(void)
{
    long pid = syscall(SYS_getpid), ppid = syscall(SYS_getppid), tid = syscall(SYS_gettid);
    CHECK(pid > 0);
    CHECK(ppid >= 0 && ppid != pid);
    CHECK(tid == pid);
    CHECK(getpid() == pid);
    CHECK(syscall(SYS_getpid) == pid);
    return 0;
}
