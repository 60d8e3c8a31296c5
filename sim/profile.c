/*
 * profile.c: where a guest's time goes, counted by the simulator when
 * TRELLIS_PROFILE=1 is in its environment (scripts/bench-compare
 * --profile; docs/bench.md).  Off, every hook is one predictable branch
 * on sim_prof_on and reads no clock.  On, the hooks in uthread.c, space.c
 * and cpu.c add to the row of the CPU thread that runs them, and
 * hal_power_off() prints the totals on stderr, one line each:
 *
 *	trellis-profile NAME VALUE
 *
 * The rows are per CPU so that CPU threads do not share cache lines; the
 * adds are atomic all the same, since a thread that is no CPU (a device
 * model) may land on row 0.
 */
#define _GNU_SOURCE
#include "sim.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <unistd.h>

#include <hal/cpu.h>
#include <hal/platform.h>

#define PROF_CPUS	64

bool	sim_prof_on;

static struct {
	_Alignas(64) uint64_t	v[SIM_PROF_N];
} rows[PROF_CPUS];

static const char *const names[SIM_PROF_N] = {
	[SIM_PROF_EVENTS] = "events",
	[SIM_PROF_SYSCALLS] = "syscalls",
	[SIM_PROF_FAULTS] = "faults",
	[SIM_PROF_FAULTS_FIXED] = "faults_fixed",
	[SIM_PROF_KICKS] = "kicks",
	[SIM_PROF_GUEST_NS] = "guest_ns",
	[SIM_PROF_KERNEL_NS] = "kernel_ns",
	[SIM_PROF_SPIN_NS] = "spin_ns",
	[SIM_PROF_SLEEPS] = "sleeps",
	[SIM_PROF_COLO] = "colo_sleeps",
	[SIM_PROF_PINS] = "cpu_binds",
	[SIM_PROF_IDLE_NS] = "idle_ns",
	[SIM_PROF_MAP_NS] = "map_ns",
	[SIM_PROF_MAP_BATCHES] = "map_batches",
	[SIM_PROF_MMAP] = "host_mmap",
	[SIM_PROF_MUNMAP] = "host_munmap",
	[SIM_PROF_MPROTECT] = "host_mprotect",
	[SIM_PROF_MERGED] = "maps_merged",
	[SIM_PROF_CLONE] = "host_clone",
	[SIM_PROF_SPACES] = "spaces",
};

__attribute__((constructor)) static void
prof_init(void)
{
	const char *on = getenv("TRELLIS_PROFILE");

	sim_prof_on = on != NULL && *on == '1';
}

void
sim_prof_add_slow(enum sim_prof_counter c, uint64_t v)
{
	__atomic_fetch_add(&rows[hal_cpu_id() % PROF_CPUS].v[c], v,
	    __ATOMIC_RELAXED);
}

static uint64_t
tv_ns(struct timeval tv)
{
	return (uint64_t)tv.tv_sec * 1000000000u + (uint64_t)tv.tv_usec * 1000u;
}

static void
line(const char *name, uint64_t v)
{
	char buf[96];
	int n = snprintf(buf, sizeof(buf), "trellis-profile %s %llu\n", name,
	    (unsigned long long)v);

	(void)!write(STDERR_FILENO, buf, (size_t)n);
}

/*
 * The totals.  The host's rusage adds what no hook sees: the simulator's
 * own CPU time, and that of the stub processes reaped so far (their
 * traps, signal frames, host mappings and faults).
 */
void
sim_prof_report(void)
{
	struct rusage self, stubs;
	uint64_t sum;
	unsigned int c, i;

	if (!sim_prof_on)
		return;
	line("wall_ns", hal_clock_monotonic());
	line("cpus", hal_cpu_count());
	for (c = 0; c < SIM_PROF_N; c++) {
		for (sum = 0, i = 0; i < PROF_CPUS; i++)
			sum += __atomic_load_n(&rows[i].v[c], __ATOMIC_RELAXED);
		line(names[c], sum);
	}
	if (getrusage(RUSAGE_SELF, &self) == 0 &&
	    getrusage(RUSAGE_CHILDREN, &stubs) == 0) {
		line("self_user_ns", tv_ns(self.ru_utime));
		line("self_sys_ns", tv_ns(self.ru_stime));
		line("stubs_user_ns", tv_ns(stubs.ru_utime));
		line("stubs_sys_ns", tv_ns(stubs.ru_stime));
	}
}
