/* getrandom fills the whole buffer, and two draws differ. */
#include "guest.h"

int main(void)
{
    unsigned char a[64], b[64];
    memset(a, 0, sizeof a);
    memset(b, 0, sizeof b);
    CHECK(syscall(SYS_getrandom, a, sizeof a, 0) == (long)sizeof a);
    CHECK(syscall(SYS_getrandom, b, sizeof b, 0x1 /* GRND_NONBLOCK */) == (long)sizeof b);
    CHECK(memcmp(a, b, sizeof a) != 0);
    int zeros = 0;
    for (unsigned i = 0; i < sizeof a; i++)
        zeros += a[i] == 0;
    CHECK(zeros < 16);
    CHECK(syscall(SYS_getrandom, a, 0, 0) == 0);
    return 0;
}
