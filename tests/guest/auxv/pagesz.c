/* AT_PAGESZ is 4096 and agrees with sysconf; AT_CLKTCK is 100. */
#include "guest.h"
#include <sys/auxv.h>

int main(void)
{
    CHECK(getauxval(AT_PAGESZ) == 4096);
    CHECK(sysconf(_SC_PAGESIZE) == 4096);
    CHECK(getauxval(AT_CLKTCK) == 100);
    return 0;
}
