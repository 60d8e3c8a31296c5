/*
 * macro.h: the macro workloads' shared parts.  A workload runs busybox
 * (/bin/busybox, the same static binary natively and in the bench root)
 * on files it generated in /tmp first; macro_time() runs the command once
 * as a warm-up and then MACRO_RUNS times (scaled), and prints the median
 * wall time in milliseconds, fork+exec of the command included:
 *
 *	name MS ms
 *
 * Generation is deterministic (a xorshift generator with a fixed seed),
 * so every run and both systems work on the same bytes.
 */
#ifndef MACRO_H
#define MACRO_H

#include "bench.h"

#include <fcntl.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/wait.h>

#define MACRO_RUNS	5
#define MACRO_BUSYBOX	"/bin/busybox"

extern char **environ;

static uint64_t macro_rng = 0x9e3779b97f4a7c15ull;

static inline uint64_t
macro_rand(void)
{
	macro_rng ^= macro_rng << 13;
	macro_rng ^= macro_rng >> 7;
	macro_rng ^= macro_rng << 17;
	return macro_rng;
}

/* Starts argv with stdout on out (a path, or NULL to keep ours). */
static inline pid_t
macro_spawn(const char *name, char *const *argv, const char *out)
{
	pid_t pid;
	int fd;

	if ((pid = fork()) < 0)
		bench_die(name, "fork");
	if (pid > 0)
		return pid;
	if (out != NULL) {
		if ((fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644)) < 0 ||
		    dup2(fd, 1) < 0)
			_exit(126);
		close(fd);
	}
	execve(argv[0], argv, environ);
	_exit(127);
}

/* Waits for pid; a command that fails is a failed benchmark. */
static inline void
macro_wait(const char *name, pid_t pid)
{
	int st;

	if (waitpid(pid, &st, 0) != pid)
		bench_die(name, "waitpid");
	if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
		fprintf(stderr, "%s FAIL the command ended with status %#x\n",
		    name, st);
		exit(1);
	}
}

static inline void
macro_run(const char *name, char *const *argv, const char *out)
{
	macro_wait(name, macro_spawn(name, argv, out));
}

/* Prints the median wall time of jobs copies of argv run in parallel. */
static inline void
macro_time(const char *name, char *const *argv, const char *out, int jobs)
{
	long runs = bench_iters(MACRO_RUNS), r;
	double *t, t0;
	pid_t pid[8];
	int j;

	if ((t = calloc((size_t)runs, sizeof(*t))) == NULL)
		bench_die(name, "calloc");
	for (r = -1; r < runs; r++) {		/* run -1 is the warm-up */
		t0 = bench_now_ns();
		for (j = 0; j < jobs; j++)
			pid[j] = macro_spawn(name, argv, out);
		for (j = 0; j < jobs; j++)
			macro_wait(name, pid[j]);
		if (r >= 0)
			t[r] = bench_now_ns() - t0;
	}
	qsort(t, (size_t)runs, sizeof(*t), bench_cmp_double);
	bench_print(name, t[runs / 2] / 1e6, "ms");
	free(t);
}

/* Writes size bytes of text lines (words from a small vocabulary). */
static inline void
macro_write_text(const char *name, const char *path, long size)
{
	static const char *const words[] = { "trellis", "frame", "kernel",
	    "page", "stub", "trap", "vm", "pipe", "fork", "exec", "signal",
	    "task", "space", "ring", "futex", "map", "zero", "tick", "io" };
	char line[256];
	long done = 0;
	int fd, len, k;
	FILE *f;

	if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644)) < 0 ||
	    (f = fdopen(fd, "w")) == NULL)
		bench_die(name, "create");
	while (done < size) {
		len = snprintf(line, sizeof(line), "%08llx",
		    (unsigned long long)(macro_rand() & 0xffffffffu));
		for (k = (int)(macro_rand() % 8) + 2; k > 0; k--)
			len += snprintf(line + len, sizeof(line) - (size_t)len,
			    " %s", words[macro_rand() % (sizeof(words) /
			    sizeof(words[0]))]);
		line[len++] = '\n';
		if (fwrite(line, 1, (size_t)len, f) != (size_t)len)
			bench_die(name, "write");
		done += len;
	}
	if (fclose(f) != 0)
		bench_die(name, "close");
}

/* Removes a generated tree or file, with busybox rm -rf. */
static inline void
macro_remove(const char *name, const char *path)
{
	char *argv[] = { MACRO_BUSYBOX, "rm", "-rf", (char *)path, NULL };

	macro_run(name, argv, NULL);
}

#endif /* MACRO_H */
