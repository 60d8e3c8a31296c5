/*
 * mmap_touch: mmap(2) of an anonymous private region, a write to every
 * page, then munmap(2); the time of all three divided by the pages.
 * Two sizes: 64 pages (mapping costs weigh more) and 4 MiB (faults
 * dominate; the row anchors-bench.md calls mmap_4m_page).
 * Prints "mmap_64p_page US us/page" and "mmap_4m_page US us/page".
 */
#include "bench.h"

#include <sys/mman.h>

#define PAGE	4096L

static void
loop(void *arg, long n)
{
	long pages = *(long *)arg, i;
	volatile char *p;

	while (n-- > 0) {
		p = mmap(NULL, pages * PAGE, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (p == MAP_FAILED)
			bench_die("mmap_touch", "mmap");
		for (i = 0; i < pages; i++)
			p[i * PAGE] = 1;
		if (munmap((void *)p, pages * PAGE) < 0)
			bench_die("mmap_touch", "munmap");
	}
}

int
main(int argc, char **argv)
{
	long small = 64, big = (4L << 20) / PAGE;

	bench_init(argc, argv);
	bench_report("mmap_64p_page", "us/page", loop, &small,
	    bench_iters(50), (double)small, 0);
	bench_report("mmap_4m_page", "us/page", loop, &big,
	    bench_iters(2), (double)big, 0);
	return 0;
}
