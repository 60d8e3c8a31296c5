/*
 * read_devzero: read(2) of 1 byte from /dev/zero, per call: a syscall
 * that reaches a device driver and copies to user memory.
 * Prints "read_devzero US us".
 */
#include "bench.h"

#include <fcntl.h>

static void
loop(void *arg, long n)
{
	int fd = *(int *)arg;
	char c;

	while (n-- > 0)
		if (read(fd, &c, 1) != 1)
			bench_die("read_devzero", "read");
}

int
main(int argc, char **argv)
{
	int fd;

	bench_init(argc, argv);
	if ((fd = open("/dev/zero", O_RDONLY)) < 0)
		bench_die("read_devzero", "open /dev/zero");
	bench_report("read_devzero", "us", loop, &fd, bench_iters(10000),
	    1, 0);
	close(fd);
	return 0;
}
