/* Jumping into a page mapped without PROT_EXEC kills the program with SIGSEGV. */
/* guest-test: signal=SEGV */
#include "guest.h"
#include <sys/mman.h>

int main(void)
{
    unsigned char *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(p != MAP_FAILED);
    p[0] = 0xc3; /* ret */
    void (*volatile fn)(void) = (void (*)(void))(void *)p;
    fn();
    FAIL("executed a non-executable page");
}
