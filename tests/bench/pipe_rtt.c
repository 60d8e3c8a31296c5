/*
 * pipe_rtt: the round trip of one byte between two processes over a pair
 * of pipes (lmbench's lat_pipe): the parent writes a byte, the child reads
 * it and writes it back, the parent reads it.  Each round trip is two
 * wake-ups and, on one CPU, two context switches.
 * Prints "pipe_rtt US us" per round trip.
 */
#include "pingpong.h"

int
main(int argc, char **argv)
{
	int down[2], up[2];

	bench_init(argc, argv);
	if (pipe(down) < 0 || pipe(up) < 0)
		bench_die("pipe_rtt", "pipe");
	pingpong_run("pipe_rtt", (struct pingpong){ down[1], up[0] },
	    (struct pingpong){ up[1], down[0] }, 1);
	return 0;
}
