/*
 * pingpong.h: one byte back and forth between this process and a child
 * that echoes it, for the round-trip benchmarks (pipe_rtt, ctxsw_2p,
 * unix_rtt), which differ only in the channel and what a round counts.
 */
#ifndef BENCH_PINGPONG_H
#define BENCH_PINGPONG_H

#include "bench.h"

#include <sys/wait.h>

/* One side's ends of the channel: what it writes to and reads from. */
struct pingpong {
	int	wr, rd;
};

static const char *pingpong_name;

static void
pingpong_loop(void *arg, long n)
{
	const struct pingpong *me = arg;
	char c = 'x';

	while (n-- > 0) {
		if (write(me->wr, &c, 1) != 1)
			bench_die(pingpong_name, "write");
		if (read(me->rd, &c, 1) != 1)
			bench_die(pingpong_name, "read");
	}
}

static void
pingpong_close(struct pingpong p)
{
	close(p.wr);
	if (p.rd != p.wr)
		close(p.rd);
}

/*
 * Forks a child that echoes every byte on child until its end closes,
 * and reports name's round trip (divided by per_round) in microseconds.
 */
static void
pingpong_run(const char *name, struct pingpong me, struct pingpong child,
    int per_round)
{
	pid_t pid;
	char c;
	int st;

	pingpong_name = name;
	if ((pid = fork()) < 0)
		bench_die(name, "fork");
	if (pid == 0) {
		pingpong_close(me);
		while (read(child.rd, &c, 1) == 1)
			if (write(child.wr, &c, 1) != 1)
				_exit(1);
		_exit(0);
	}
	pingpong_close(child);
	bench_report(name, "us", pingpong_loop, &me, bench_iters(5000),
	    per_round, 0);
	pingpong_close(me);
	if (waitpid(pid, &st, 0) != pid || !WIFEXITED(st) ||
	    WEXITSTATUS(st) != 0)
		bench_die(name, "child");
}

#endif
