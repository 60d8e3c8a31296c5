/* AT_RANDOM points at 16 readable bytes that are not all zero. */
#include "guest.h"
#include <sys/auxv.h>

int main(void)
{
    const unsigned char *r = (const unsigned char *)getauxval(AT_RANDOM);
    CHECK(r != NULL);
    int nonzero = 0;
    for (int i = 0; i < 16; i++)
        nonzero |= r[i];
    CHECK(nonzero != 0);
    return 0;
}
