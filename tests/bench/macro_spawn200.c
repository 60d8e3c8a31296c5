/*
 * macro_spawn200: a busybox shell loop that runs a program 200 times,
 * each by fork+exec (anchors-bench's macro_spawn200).  The program is this
 * one, run as `macro_spawn200 -exit` (a small static program that exits at
 * once), so the loop does not depend on which applets busybox runs in
 * its own process.  argv[0] must be this program's path.
 * Prints "macro_spawn200 MS ms" for the whole loop.
 */
#include "macro.h"

int
main(int argc, char **argv)
{
	char script[512];
	char *cmd[] = { MACRO_BUSYBOX, "sh", "-c", script, NULL };

	if (argc > 1 && strcmp(argv[1], "-exit") == 0)
		return 0;
	bench_init(argc, argv);
	snprintf(script, sizeof(script), "i=0; while [ $i -lt 200 ]; do "
	    "'%s' -exit; i=$((i+1)); done", argv[0]);
	macro_time("macro_spawn200", cmd, NULL, 1);
	return 0;
}
