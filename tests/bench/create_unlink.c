/*
 * create_unlink: creat(2) of a new empty file in /tmp, close(2), then
 * unlink(2), per triple: directory insertion and removal.
 * Prints "create_unlink US us".
 */
#include "bench.h"

#include <fcntl.h>

static void
loop(void *arg, long n)
{
	const char *path = arg;
	int fd;

	while (n-- > 0) {
		if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0644)) < 0)
			bench_die("create_unlink", "create");
		close(fd);
		if (unlink(path) < 0)
			bench_die("create_unlink", "unlink");
	}
}

int
main(int argc, char **argv)
{
	char path[64];

	bench_init(argc, argv);
	bench_tmp_path(path, sizeof(path), "create_unlink");
	unlink(path);
	bench_report("create_unlink", "us", loop, path, bench_iters(1000),
	    1, 0);
	return 0;
}
