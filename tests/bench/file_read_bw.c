/*
 * file_read_bw: read(2) bandwidth of a cached file.  A 4 MiB file is
 * written to /tmp once; one operation reads it from the start in 64 KiB
 * chunks.  Prints "file_read_bw MBS MB/s" (10^6 bytes per second).
 */
#include "bench.h"

#include <fcntl.h>

#define FILE_SIZE	(4L << 20)
#define CHUNK		(64L << 10)

static char buf[CHUNK];

static void
loop(void *arg, long n)
{
	int fd = *(int *)arg;
	long off;

	while (n-- > 0) {
		if (lseek(fd, 0, SEEK_SET) != 0)
			bench_die("file_read_bw", "lseek");
		for (off = 0; off < FILE_SIZE; off += CHUNK)
			if (read(fd, buf, CHUNK) != CHUNK)
				bench_die("file_read_bw", "read");
	}
}

int
main(int argc, char **argv)
{
	char path[64];
	long off;
	int fd;

	bench_init(argc, argv);
	bench_tmp_path(path, sizeof(path), "file_read_bw");
	if ((fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644)) < 0)
		bench_die("file_read_bw", "create");
	unlink(path);
	memset(buf, 0x5a, sizeof(buf));
	for (off = 0; off < FILE_SIZE; off += CHUNK)
		if (write(fd, buf, CHUNK) != CHUNK)
			bench_die("file_read_bw", "write");
	bench_report("file_read_bw", "MB/s", loop, &fd, bench_iters(8), 1,
	    (double)FILE_SIZE);
	close(fd);
	return 0;
}
