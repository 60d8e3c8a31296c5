/*
 * unix_rtt: the round trip of one byte between two processes over an
 * AF_UNIX stream socketpair(2) (lmbench's lat_unix).  Where socketpair()
 * fails (a kernel without AF_UNIX sockets) it prints the failure and
 * exits 1, and bench-compare reports the row as failed.
 * Prints "unix_rtt US us" per round trip.
 */
#include "bench.h"

#include <sys/socket.h>
#include <sys/wait.h>

static void
loop(void *arg, long n)
{
	int fd = *(int *)arg;
	char c = 'x';

	while (n-- > 0) {
		if (write(fd, &c, 1) != 1)
			bench_die("unix_rtt", "write");
		if (read(fd, &c, 1) != 1)
			bench_die("unix_rtt", "read");
	}
}

int
main(int argc, char **argv)
{
	int sv[2], st;
	pid_t pid;
	char c;

	bench_init(argc, argv);
	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) < 0)
		bench_die("unix_rtt", "socketpair");
	if ((pid = fork()) < 0)
		bench_die("unix_rtt", "fork");
	if (pid == 0) {
		close(sv[0]);
		while (read(sv[1], &c, 1) == 1)
			if (write(sv[1], &c, 1) != 1)
				_exit(1);
		_exit(0);
	}
	close(sv[1]);
	bench_report("unix_rtt", "us", loop, &sv[0], bench_iters(5000), 1, 0);
	close(sv[0]);
	if (waitpid(pid, &st, 0) != pid || !WIFEXITED(st) ||
	    WEXITSTATUS(st) != 0)
		bench_die("unix_rtt", "child");
	return 0;
}
