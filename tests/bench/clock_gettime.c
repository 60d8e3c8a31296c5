/*
 * clock_gettime: clock_gettime(CLOCK_MONOTONIC), per call, through the
 * libc (which uses the vDSO where the kernel provides one, and traps
 * where it does not).  Prints "clock_gettime US us".
 */
#include "bench.h"

static void
loop(void *arg, long n)
{
	struct timespec ts;

	while (n-- > 0)
		clock_gettime(CLOCK_MONOTONIC, &ts);
}

int
main(int argc, char **argv)
{
	bench_init(argc, argv);
	bench_report("clock_gettime", "us", loop, NULL, bench_iters(20000),
	    1, 0);
	return 0;
}
