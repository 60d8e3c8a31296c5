/*
 * pipe_bw: pipe bandwidth between two processes in 64 KiB transfers
 * (lmbench's bw_pipe): a child writes 64 KiB at a time for as long as the
 * pipe is open; one operation is the parent reading 64 KiB, in as many
 * read(2)s as it takes.  Prints "pipe_bw_64k MBS MB/s" (10^6 bytes/s).
 */
#include "bench.h"

#include <sys/wait.h>

#define CHUNK	(64L << 10)

static char buf[CHUNK];

static void
loop(void *arg, long n)
{
	int fd = *(int *)arg;
	ssize_t got, r;

	while (n-- > 0)
		for (got = 0; got < CHUNK; got += r)
			if ((r = read(fd, buf + got, CHUNK - got)) <= 0)
				bench_die("pipe_bw_64k", "read");
}

int
main(int argc, char **argv)
{
	int p[2], st;
	pid_t pid;

	bench_init(argc, argv);
	if (pipe(p) < 0)
		bench_die("pipe_bw_64k", "pipe");
	if ((pid = fork()) < 0)
		bench_die("pipe_bw_64k", "fork");
	if (pid == 0) {
		close(p[0]);
		memset(buf, 0x5a, sizeof(buf));
		while (write(p[1], buf, CHUNK) > 0)
			;
		_exit(0);		/* SIGPIPE ends it first, as a rule */
	}
	close(p[1]);
	bench_report("pipe_bw_64k", "MB/s", loop, &p[0], bench_iters(1000), 1,
	    (double)CHUNK);
	close(p[0]);
	if (waitpid(pid, &st, 0) != pid)
		bench_die("pipe_bw_64k", "waitpid");
	return 0;
}
