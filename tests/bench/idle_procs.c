/*
 * idle_procs: not a timed benchmark.  It leaves N processes idle so that
 * bench-compare can measure the host memory they cost (its memory
 * report): the program forks N-1 children that sleep in pause(2), so with
 * itself N processes exist, prints "idle_procs ready N" on stdout, and
 * after HOLD seconds (default 5) kills the children, reaps them and
 * exits.  Usage: idle_procs N [HOLD].
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int
main(int argc, char **argv)
{
	struct timespec hold = { 5, 0 };
	pid_t *pids;
	long n, i;

	if (argc < 2 || (n = strtol(argv[1], NULL, 10)) < 1 || n > 10000) {
		fprintf(stderr, "usage: idle_procs N [HOLD]\n");
		return 2;
	}
	if (argc > 2)
		hold.tv_sec = strtol(argv[2], NULL, 10);
	if ((pids = calloc((size_t)n, sizeof(*pids))) == NULL)
		return 1;
	for (i = 1; i < n; i++) {
		if ((pids[i] = fork()) < 0) {
			perror("idle_procs: fork");
			n = i;
			break;
		}
		if (pids[i] == 0) {
			for (;;)
				pause();
		}
	}
	printf("idle_procs ready %ld\n", n);
	fflush(stdout);
	while (nanosleep(&hold, &hold) < 0)
		;
	for (i = 1; i < n; i++)
		kill(pids[i], SIGKILL);
	for (i = 1; i < n; i++)
		waitpid(pids[i], NULL, 0);
	return 0;
}
