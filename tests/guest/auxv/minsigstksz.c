/* AT_MINSIGSTKSZ is present and plausible (non-zero, at most 64 KiB). */
#include "guest.h"
#include <sys/auxv.h>

#ifndef AT_MINSIGSTKSZ
#define AT_MINSIGSTKSZ 51
#endif

int main(void)
{
    unsigned long v = getauxval(AT_MINSIGSTKSZ);
    CHECK(v != 0);
    CHECK(v <= 65536);
    return 0;
}
