/*
 * write_devnull: write(2) of 1 byte to /dev/null, per call: a syscall
 * that reaches a device driver and reads user memory.
 * Prints "write_devnull US us".
 */
#include "bench.h"

#include <fcntl.h>

static void
loop(void *arg, long n)
{
	int fd = *(int *)arg;
	char c = 'x';

	while (n-- > 0)
		if (write(fd, &c, 1) != 1)
			bench_die("write_devnull", "write");
}

int
main(int argc, char **argv)
{
	int fd;

	bench_init(argc, argv);
	if ((fd = open("/dev/null", O_WRONLY)) < 0)
		bench_die("write_devnull", "open /dev/null");
	bench_report("write_devnull", "us", loop, &fd, bench_iters(10000),
	    1, 0);
	close(fd);
	return 0;
}
