/*
 * ctxsw_2p: a context switch between two processes on one CPU, in the
 * manner of lmbench's lat_ctx (size 0, 2 processes): both processes are
 * pinned to the parent's first allowed CPU with sched_setaffinity(2) and
 * pass a byte back and forth over two pipes, so every hand-over is a
 * switch.  The value is half a round trip; it includes the pipe calls
 * (lat_ctx subtracts them, this does not).  If pinning fails the test
 * still runs, unpinned.  Prints "ctxsw_2p US us".
 */
#include "pingpong.h"

#include <sched.h>

/* Pins this process (and its later children) to its first allowed CPU. */
static void
pin_one(void)
{
	cpu_set_t set;
	int cpu;

	if (sched_getaffinity(0, sizeof(set), &set) < 0)
		return;
	for (cpu = 0; cpu < CPU_SETSIZE && !CPU_ISSET(cpu, &set); cpu++)
		;
	if (cpu == CPU_SETSIZE)
		return;
	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	if (sched_setaffinity(0, sizeof(set), &set) < 0)
		fprintf(stderr, "ctxsw_2p: not pinned: %s\n", strerror(errno));
}

int
main(int argc, char **argv)
{
	int down[2], up[2];

	bench_init(argc, argv);
	pin_one();
	if (pipe(down) < 0 || pipe(up) < 0)
		bench_die("ctxsw_2p", "pipe");
	pingpong_run("ctxsw_2p", (struct pingpong){ down[1], up[0] },
	    (struct pingpong){ up[1], down[0] }, 2);
	return 0;
}
