/*
 * compute: the control.  A 64-bit FNV-1a checksum of a 1 MiB buffer,
 * pure user-space work with no system calls or faults in the timed loop,
 * so any simulator should run it at native speed (ratio ~1.0).
 * Prints "compute_1mib MS ms" per pass over the buffer.
 */
#include "bench.h"

#include <stdint.h>

#define SIZE	(1L << 20)

static unsigned char data[SIZE];
static volatile uint64_t sink;

static void
loop(void *arg, long n)
{
	uint64_t h = 14695981039346656037ull;
	long i;

	while (n-- > 0)
		for (i = 0; i < SIZE; i++)
			h = (h ^ data[i]) * 1099511628211ull;
	sink = h;
}

int
main(int argc, char **argv)
{
	long i;

	bench_init(argc, argv);
	for (i = 0; i < SIZE; i++)
		data[i] = (unsigned char)(i * 7 + (i >> 9));
	bench_report("compute_1mib", "ms", loop, NULL, bench_iters(16), 1, 0);
	return 0;
}
