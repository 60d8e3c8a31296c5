/*
 * stat: stat(2) of an existing file in /tmp, per call: path lookup and
 * a struct copied out.  Prints "stat US us".
 */
#include "bench.h"

#include <fcntl.h>
#include <sys/stat.h>

static void
loop(void *arg, long n)
{
	const char *path = arg;
	struct stat st;

	while (n-- > 0)
		if (stat(path, &st) < 0)
			bench_die("stat", "stat");
}

int
main(int argc, char **argv)
{
	char path[64];
	int fd;

	bench_init(argc, argv);
	bench_tmp_path(path, sizeof(path), "stat");
	if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644)) < 0)
		bench_die("stat", "create");
	close(fd);
	bench_report("stat", "us", loop, path, bench_iters(5000), 1, 0);
	unlink(path);
	return 0;
}
