/*
 * bench.h: the measuring loop shared by the guest microbenchmarks.
 *
 * A benchmark is a plain static Linux program.  It calls bench_init() with
 * argc/argv (the optional first argument scales every iteration count, so
 * `prog 0.1` is a quick run), then bench_report() once per row.  A row is a
 * function that performs n operations; bench_report() runs it once as a
 * warm-up and then BENCH_BATCHES times, timing each batch with
 * clock_gettime(CLOCK_MONOTONIC), and prints the median batch as one line
 *
 *	name value unit
 *
 * where value is per operation (us, us/page) or a rate (MB/s).  Failures
 * print "name FAIL reason" on stderr and exit 1.  Everything is in this
 * header (static functions) so each program stays one file plus this.
 */
#ifndef BENCH_H
#define BENCH_H

#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define BENCH_BATCHES	9	/* odd, so the median is one batch */

/* One batch: perform n operations on arg. */
typedef void (*bench_fn)(void *arg, long n);

static double bench_scale_factor = 1.0;

static inline void
bench_die(const char *name, const char *what)
{
	fprintf(stderr, "%s FAIL %s: %s\n", name, what, strerror(errno));
	exit(1);
}

/* Writes "/tmp/bench.TAG.PID" into buf: a scratch file name of this run. */
static inline void
bench_tmp_path(char *buf, size_t len, const char *tag)
{
	snprintf(buf, len, "/tmp/bench.%s.%d", tag, (int)getpid());
}

/* Reads the optional scale argument (a positive number, default 1). */
static inline void
bench_init(int argc, char **argv)
{
	char *end;

	if (argc > 1) {
		bench_scale_factor = strtod(argv[1], &end);
		if (*end != '\0' || !(bench_scale_factor > 0)) {
			fprintf(stderr, "usage: %s [SCALE]  (SCALE > 0, "
			    "default 1)\n", argv[0]);
			exit(2);
		}
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
}

/* An iteration count times the scale, at least 1. */
static inline long
bench_iters(long n)
{
	double v = (double)n * bench_scale_factor;

	return v < 1 ? 1 : (long)v;
}

static inline double
bench_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static inline int
bench_cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* Median nanoseconds of one batch of n operations (after a warm-up). */
static inline double
bench_median_ns(bench_fn fn, void *arg, long n)
{
	double t[BENCH_BATCHES], t0;
	int i;

	fn(arg, n);				/* warm-up: caches, pages, TLB */
	for (i = 0; i < BENCH_BATCHES; i++) {
		t0 = bench_now_ns();
		fn(arg, n);
		t[i] = bench_now_ns() - t0;
	}
	qsort(t, BENCH_BATCHES, sizeof(t[0]), bench_cmp_double);
	return t[BENCH_BATCHES / 2];
}

/* Prints one result line. */
static inline void
bench_print(const char *name, double value, const char *unit)
{
	printf("%s %.4g %s\n", name, value, unit);
}

/*
 * Prints "name value unit" for the median batch of n operations of fn.
 * per divides the batch into units (e.g. pages per operation, or 1);
 * unit "us" or "us/page" gives microseconds per unit, "ms" milliseconds per
 * operation, and "MB/s" gives bytes_per_op * n / time in 10^6 bytes per second.
 */
static inline void
bench_report(const char *name, const char *unit, bench_fn fn, void *arg,
    long n, double per, double bytes_per_op)
{
	double ns = bench_median_ns(fn, arg, n), v;

	if (strcmp(unit, "MB/s") == 0)
		v = bytes_per_op * (double)n / (ns / 1e9) / 1e6;
	else if (strcmp(unit, "ms") == 0)
		v = ns / 1e6 / (double)n;
	else
		v = ns / 1e3 / ((double)n * per);
	bench_print(name, v, unit);
}

#endif /* BENCH_H */
