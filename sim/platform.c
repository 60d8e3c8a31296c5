/*
 * platform.c: clocks and the TSC, entropy, the log and trace sinks, and
 * power, as the host provides them.  Implements hal/platform.h.
 *
 * The log and the trace go to the simulator's stderr, whole lines at a
 * time (one write each), so that they interleave cleanly with the guest's
 * own stderr.
 */
#define _GNU_SOURCE
#include "sim.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/random.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#include <fw/timepage.h>
#include <hal/platform.h>

static uint64_t	boot_ns;

static uint64_t
clock_ns(clockid_t id)
{
	struct timespec ts;

	clock_gettime(id, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

uint64_t
hal_clock_monotonic(void)
{
	if (boot_ns == 0)
		boot_ns = clock_ns(CLOCK_MONOTONIC) - 1;
	return clock_ns(CLOCK_MONOTONIC) - boot_ns;
}

/*
 * The TSC, which guest code reads too (the stub leaves PR_SET_TSC alone).
 * lfence keeps it from being read before earlier loads.
 */
uint64_t
hal_cycles(void)
{
	uint32_t lo, hi;

	__asm__ volatile("lfence; rdtsc" : "=a"(lo), "=d"(hi) :: "memory");
	return ((uint64_t)hi << 32) | lo;
}

/*
 * The TSC serves the time page only when it is invariant (CPUID
 * 0x80000007 EDX bit 8: constant rate, not stopped in idle states), which
 * is also when Linux keeps it synchronised across CPUs.
 * TRELLIS_NO_VDSO_CLOCK=1 turns it off, for comparisons.
 */
unsigned int
hal_cycles_mode(void)
{
	uint32_t a, b, c, d;
	const char *off = getenv("TRELLIS_NO_VDSO_CLOCK");

	if (off != NULL && *off == '1')
		return FW_TIMEPAGE_NONE;
	__asm__ volatile("cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(d)
	    : "a"(0x80000000u), "c"(0));
	if (a < 0x80000007u)
		return FW_TIMEPAGE_NONE;
	__asm__ volatile("cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(d)
	    : "a"(0x80000007u), "c"(0));
	return (d & (1u << 8)) ? FW_TIMEPAGE_TSC : FW_TIMEPAGE_NONE;
}

/* The host's CLOCK_MONOTONIC time of a simulated monotonic time. */
uint64_t
sim_clock_host(uint64_t t)
{
	return t + boot_ns;
}

uint64_t
hal_clock_realtime(void)
{
	return clock_ns(CLOCK_REALTIME);
}

void
hal_random_bytes(void *buf, size_t len)
{
	uint8_t *p = buf;

	while (len > 0) {
		ssize_t n = getrandom(p, len, 0);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			perror("trellis: getrandom");
			_exit(125);
		}
		p += n;
		len -= (size_t)n;
	}
}

static void
write_line(const char *s, size_t len)
{
	struct iovec iov[2] = {
		{ .iov_base = (void *)(uintptr_t)s, .iov_len = len },
		{ .iov_base = "\n", .iov_len = 1 },
	};

	if (len > 0 && s[len - 1] == '\n')
		iov[1].iov_len = 0;
	(void)!writev(STDERR_FILENO, iov, 2);
}

void
hal_log_write(const char *s, size_t len)
{
	write_line(s, len);
}

void
hal_trace_write(const char *s, size_t len)
{
	write_line(s, len);
}

void
hal_power_off(int status)
{
	sim_stubs_kill_all();
	sim_prof_report();
	fflush(stdout);
	_exit(status & 0xff);
}
