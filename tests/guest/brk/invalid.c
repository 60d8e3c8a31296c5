/* A brk request below the heap's start fails by returning the unchanged break. */
#include "guest.h"

int main(void)
{
    unsigned long cur = syscall(SYS_brk, 0);
    CHECK((unsigned long)syscall(SYS_brk, 1) == cur);
    CHECK((unsigned long)syscall(SYS_brk, 4096) == cur);
    CHECK((unsigned long)syscall(SYS_brk, 0) == cur);
    return 0;
}
