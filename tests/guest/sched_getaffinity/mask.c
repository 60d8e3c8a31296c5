/* sched_getaffinity returns the mask size in bytes (a multiple of 8) with at least one
 * CPU set; the libc wrapper agrees. */
#include "guest.h"
#include <sched.h>

int main(void)
{
    unsigned long mask[16];
    memset(mask, 0, sizeof mask);
    long n = CHECK_OK(syscall(SYS_sched_getaffinity, 0, sizeof mask, mask));
    CHECK(n > 0 && n % 8 == 0 && n <= (long)sizeof mask);
    int bits = 0;
    for (long i = 0; i < n / 8; i++)
        bits += __builtin_popcountl(mask[i]);
    CHECK(bits >= 1);
    cpu_set_t set;
    CHECK_OK(sched_getaffinity(0, sizeof set, &set));
    CHECK(CPU_COUNT(&set) == bits);
    CHECK(syscall(SYS_sched_getaffinity, syscall(SYS_getpid), sizeof mask, mask) == n);
    return 0;
}
