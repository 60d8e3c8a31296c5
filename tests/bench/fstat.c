/*
 * fstat: fstat(2) of an open file in /tmp, per call: no path lookup, a
 * struct copied out.  Prints "fstat US us".
 */
#include "bench.h"

#include <fcntl.h>
#include <sys/stat.h>

static void
loop(void *arg, long n)
{
	int fd = *(int *)arg;
	struct stat st;

	while (n-- > 0)
		if (fstat(fd, &st) < 0)
			bench_die("fstat", "fstat");
}

int
main(int argc, char **argv)
{
	char path[64];
	int fd;

	bench_init(argc, argv);
	bench_tmp_path(path, sizeof(path), "fstat");
	if ((fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644)) < 0)
		bench_die("fstat", "create");
	unlink(path);
	bench_report("fstat", "us", loop, &fd, bench_iters(10000), 1, 0);
	close(fd);
	return 0;
}
