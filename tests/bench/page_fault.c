/*
 * page_fault: the first write to each page of a fresh anonymous 4 MiB
 * region, per page.  Only the writes are timed: the mmap(2) before and
 * the munmap(2) after are not.  Prints "page_fault US us".
 */
#include "bench.h"

#include <sys/mman.h>

#define PAGE	4096L
#define REGION	(4L << 20)

/* Nanoseconds spent touching the pages of n fresh regions. */
static double
touch_regions(long n)
{
	double ns = 0, t0;
	volatile char *p;
	long i;

	while (n-- > 0) {
		p = mmap(NULL, REGION, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (p == MAP_FAILED)
			bench_die("page_fault", "mmap");
		t0 = bench_now_ns();
		for (i = 0; i < REGION; i += PAGE)
			p[i] = 1;
		ns += bench_now_ns() - t0;
		if (munmap((void *)p, REGION) < 0)
			bench_die("page_fault", "munmap");
	}
	return ns;
}

int
main(int argc, char **argv)
{
	double t[BENCH_BATCHES];
	long n;
	int i;

	bench_init(argc, argv);
	n = bench_iters(3);
	touch_regions(n);			/* warm-up */
	for (i = 0; i < BENCH_BATCHES; i++)
		t[i] = touch_regions(n);
	qsort(t, BENCH_BATCHES, sizeof(t[0]), bench_cmp_double);
	bench_print("page_fault", t[BENCH_BATCHES / 2] / 1e3 /
	    ((double)n * (REGION / PAGE)), "us");
	return 0;
}
