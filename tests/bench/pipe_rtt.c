/*
 * pipe_rtt: the round trip of one byte between two processes over a pair
 * of pipes (lmbench's lat_pipe): the parent writes a byte, the child reads
 * it and writes it back, the parent reads it.  Each round trip is two
 * wake-ups and, on one CPU, two context switches.
 * Prints "pipe_rtt US us" per round trip.
 */
#include "bench.h"

#include <signal.h>
#include <sys/wait.h>

struct ends {
	int	wr, rd;		/* the parent's: to the child, from it */
};

static void
loop(void *arg, long n)
{
	struct ends *e = arg;
	char c = 'x';

	while (n-- > 0) {
		if (write(e->wr, &c, 1) != 1)
			bench_die("pipe_rtt", "write");
		if (read(e->rd, &c, 1) != 1)
			bench_die("pipe_rtt", "read");
	}
}

/* The child: echoes every byte until the parent closes its end. */
static void
echo(int rd, int wr)
{
	char c;

	while (read(rd, &c, 1) == 1)
		if (write(wr, &c, 1) != 1)
			_exit(1);
	_exit(0);
}

int
main(int argc, char **argv)
{
	int down[2], up[2], st;
	struct ends e;
	pid_t pid;

	bench_init(argc, argv);
	if (pipe(down) < 0 || pipe(up) < 0)
		bench_die("pipe_rtt", "pipe");
	if ((pid = fork()) < 0)
		bench_die("pipe_rtt", "fork");
	if (pid == 0) {
		close(down[1]);
		close(up[0]);
		echo(down[0], up[1]);
	}
	close(down[0]);
	close(up[1]);
	e.wr = down[1];
	e.rd = up[0];
	bench_report("pipe_rtt", "us", loop, &e, bench_iters(5000), 1, 0);
	close(e.wr);
	if (waitpid(pid, &st, 0) != pid || !WIFEXITED(st) ||
	    WEXITSTATUS(st) != 0)
		bench_die("pipe_rtt", "child");
	return 0;
}
