/*
 * macro_par2: two jobs in parallel, the stand-in for a 2-job parallel
 * build: two busybox gzip -c of the same generated 4 MiB /tmp file to
 * /dev/null, started together; the time is until both have ended.
 * On two free CPUs it takes as long as one macro_gzip.  bench-compare
 * runs it under Trellis with `--cpus 2`.
 * Prints "macro_gzip_par2 MS ms".
 */
#include "macro.h"

int
main(int argc, char **argv)
{
	char in[64];
	char *cmd[] = { MACRO_BUSYBOX, "gzip", "-c", in, NULL };

	bench_init(argc, argv);
	bench_tmp_path(in, sizeof(in), "par2");
	macro_write_text("macro_gzip_par2", in, 4L << 20);
	macro_time("macro_gzip_par2", cmd, "/dev/null", 2);
	unlink(in);
	return 0;
}
