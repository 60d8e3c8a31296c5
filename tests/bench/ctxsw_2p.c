/*
 * ctxsw_2p: a context switch between two processes on one CPU, in the
 * manner of lmbench's lat_ctx (size 0, 2 processes): both processes are
 * pinned to the parent's first allowed CPU with sched_setaffinity(2) and
 * pass a byte back and forth over two pipes, so every hand-over is a
 * switch.  The value is half a round trip; it includes the pipe calls
 * (lat_ctx subtracts them, this does not).  If pinning fails the test
 * still runs, unpinned.  Prints "ctxsw_2p US us".
 */
#include "bench.h"

#include <sched.h>
#include <sys/wait.h>

struct ends {
	int	wr, rd;
};

static void
loop(void *arg, long n)
{
	struct ends *e = arg;
	char c = 'x';

	while (n-- > 0) {
		if (write(e->wr, &c, 1) != 1)
			bench_die("ctxsw_2p", "write");
		if (read(e->rd, &c, 1) != 1)
			bench_die("ctxsw_2p", "read");
	}
}

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
	int down[2], up[2], st;
	struct ends e;
	pid_t pid;
	char c;

	bench_init(argc, argv);
	pin_one();
	if (pipe(down) < 0 || pipe(up) < 0)
		bench_die("ctxsw_2p", "pipe");
	if ((pid = fork()) < 0)
		bench_die("ctxsw_2p", "fork");
	if (pid == 0) {
		close(down[1]);
		close(up[0]);
		while (read(down[0], &c, 1) == 1)
			if (write(up[1], &c, 1) != 1)
				_exit(1);
		_exit(0);
	}
	close(down[0]);
	close(up[1]);
	e.wr = down[1];
	e.rd = up[0];
	bench_report("ctxsw_2p", "us", loop, &e, bench_iters(5000), 2, 0);
	close(e.wr);
	if (waitpid(pid, &st, 0) != pid || !WIFEXITED(st) ||
	    WEXITSTATUS(st) != 0)
		bench_die("ctxsw_2p", "child");
	return 0;
}
