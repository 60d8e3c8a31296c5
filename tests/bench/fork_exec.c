/*
 * fork_exec: fork(2), execve(2) of a small static program that exits at
 * once, and waitpid(2) (lmbench's lat_proc exec).  The program is this
 * one, run as `fork_exec -exit`, so it needs no other file; argv[0] must
 * be its path (bench-compare runs it by an absolute one).
 * Prints "fork_exec US us".
 */
#include "bench.h"

#include <sys/wait.h>

static void
loop(void *arg, long n)
{
	char *const *argv = arg;
	pid_t pid;
	int st;

	while (n-- > 0) {
		if ((pid = fork()) < 0)
			bench_die("fork_exec", "fork");
		if (pid == 0) {
			execve(argv[0], argv, environ);
			_exit(127);
		}
		if (waitpid(pid, &st, 0) != pid || st != 0)
			bench_die("fork_exec", "child");
	}
}

int
main(int argc, char **argv)
{
	char *child[] = { argv[0], "-exit", NULL };

	if (argc > 1 && strcmp(argv[1], "-exit") == 0)
		return 0;
	bench_init(argc, argv);
	bench_report("fork_exec", "us", loop, child, bench_iters(50), 1, 0);
	return 0;
}
