/*
 * macro_sort: busybox sort of a generated 4 MiB text file in /tmp (lines
 * of a random hex key and a few words) into another /tmp file: reads,
 * allocation (page faults) and computation.
 * Prints "macro_sort MS ms" per sort.
 */
#include "macro.h"

int
main(int argc, char **argv)
{
	char in[64], out[80];
	char *cmd[] = { MACRO_BUSYBOX, "sort", "-o", out, in, NULL };

	bench_init(argc, argv);
	bench_tmp_path(in, sizeof(in), "sort");
	snprintf(out, sizeof(out), "%s.out", in);
	macro_write_text("macro_sort", in, 4L << 20);
	macro_time("macro_sort", cmd, NULL, 1);
	unlink(in);
	unlink(out);
	return 0;
}
