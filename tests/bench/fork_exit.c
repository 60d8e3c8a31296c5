/*
 * fork_exit: fork(2) of this process, whose child calls _exit(2) at once,
 * and the parent's waitpid(2) for it (lmbench's lat_proc fork).
 * Prints "fork_exit US us".
 */
#include "bench.h"

#include <sys/wait.h>

static void
loop(void *arg, long n)
{
	pid_t pid;
	int st;

	while (n-- > 0) {
		if ((pid = fork()) < 0)
			bench_die("fork_exit", "fork");
		if (pid == 0)
			_exit(0);
		if (waitpid(pid, &st, 0) != pid || st != 0)
			bench_die("fork_exit", "waitpid");
	}
}

int
main(int argc, char **argv)
{
	bench_init(argc, argv);
	bench_report("fork_exit", "us", loop, NULL, bench_iters(100), 1, 0);
	return 0;
}
