/* brk grows the heap: the new bytes are zero and writable; shrinking back works. */
#include "guest.h"

int main(void)
{
    unsigned long cur = syscall(SYS_brk, 0);
    CHECK(cur != 0);
    unsigned long len = 256 * 1024 + 123;
    CHECK((unsigned long)syscall(SYS_brk, cur + len) == cur + len);
    CHECK((unsigned long)syscall(SYS_brk, 0) == cur + len);
    unsigned char *p = (unsigned char *)cur;
    for (unsigned long i = 0; i < len; i++)
        if (p[i] != 0)
            FAIL("new heap byte %lu is %d, not 0", i, p[i]);
    memset(p, 0xab, len);
    CHECK(p[len - 1] == 0xab);
    CHECK((unsigned long)syscall(SYS_brk, cur) == cur);
    return 0;
}
