/*
 * seek_read: lseek(2) to the start of a 64 KiB /tmp file, then read(2) all
 * of it, per pair: two calls of different lengths in turn, as real
 * programs mix them (a stub that budgets its spin by the last call alone
 * sleeps through the read).  Prints "seek_read_64k US us".
 */
#include "bench.h"

#include <fcntl.h>

#define SIZE	(64L << 10)

static char buf[SIZE];

static void
loop(void *arg, long n)
{
	int fd = *(int *)arg;

	while (n-- > 0) {
		if (lseek(fd, 0, SEEK_SET) != 0)
			bench_die("seek_read", "lseek");
		if (read(fd, buf, SIZE) != SIZE)
			bench_die("seek_read", "read");
	}
}

int
main(int argc, char **argv)
{
	char path[64];
	int fd;

	bench_init(argc, argv);
	bench_tmp_path(path, sizeof(path), "seek_read");
	if ((fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644)) < 0)
		bench_die("seek_read", "create");
	unlink(path);
	memset(buf, 0x5a, sizeof(buf));
	if (write(fd, buf, SIZE) != SIZE)
		bench_die("seek_read", "write");
	bench_report("seek_read_64k", "us", loop, &fd, bench_iters(5000), 1, 0);
	close(fd);
	return 0;
}
