/*
 * open_close: open(2) of an existing file in /tmp for reading, then
 * close(2), per pair: path lookup plus file-table work.
 * Prints "open_close US us".
 */
#include "bench.h"

#include <fcntl.h>

static void
loop(void *arg, long n)
{
	const char *path = arg;
	int fd;

	while (n-- > 0) {
		if ((fd = open(path, O_RDONLY)) < 0)
			bench_die("open_close", "open");
		close(fd);
	}
}

int
main(int argc, char **argv)
{
	char path[64];
	int fd;

	bench_init(argc, argv);
	bench_tmp_path(path, sizeof(path), "open_close");
	if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644)) < 0)
		bench_die("open_close", "create");
	close(fd);
	bench_report("open_close", "us", loop, path, bench_iters(5000), 1, 0);
	unlink(path);
	return 0;
}
