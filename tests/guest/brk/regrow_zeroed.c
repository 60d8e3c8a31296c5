/* Memory given back by shrinking brk reads as zeros when the heap grows again. */
#include "guest.h"

int main(void)
{
    unsigned long cur = syscall(SYS_brk, 0);
    unsigned long base = (cur + 4095) & ~4095UL;
    unsigned long top = base + 3 * 4096;
    CHECK((unsigned long)syscall(SYS_brk, top) == top);
    memset((void *)base, 0x5a, 3 * 4096);
    CHECK((unsigned long)syscall(SYS_brk, base) == base);
    CHECK((unsigned long)syscall(SYS_brk, top) == top);
    const unsigned char *p = (const unsigned char *)base;
    for (int i = 0; i < 3 * 4096; i++)
        if (p[i] != 0)
            FAIL("byte %d of the regrown heap is %#x", i, p[i]);
    CHECK((unsigned long)syscall(SYS_brk, cur) == cur);
    return 0;
}
