/*
 * macro_gzip: the pure-compute control among the macro workloads: busybox
 * gzip -c of a generated 4 MiB text file in /tmp to /dev/null.  Few
 * system calls and faults for the CPU time, so it should run near native
 * speed.  Prints "macro_gzip MS ms" per compression.
 */
#include "macro.h"

int
main(int argc, char **argv)
{
	char in[64];
	char *cmd[] = { MACRO_BUSYBOX, "gzip", "-c", in, NULL };

	bench_init(argc, argv);
	bench_tmp_path(in, sizeof(in), "gzip");
	macro_write_text("macro_gzip", in, 4L << 20);
	macro_time("macro_gzip", cmd, "/dev/null", 1);
	unlink(in);
	return 0;
}
