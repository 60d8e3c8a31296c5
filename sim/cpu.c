/*
 * cpu.c: the simulated CPUs.  Each is a host thread running the core's
 * scheduler loop (fw_cpu_main()); CPU 0 is the simulator's main thread.
 * An idle CPU sleeps on a futex word of its own until hal_cpu_wake(), an
 * interrupt (sim_irq_raise()) or its next timer deadline, and at the same
 * time (futex_waitv) on the event words of the guest threads whose tasks
 * sleep on this CPU while their guest code runs (sim_user_wait()).
 * Implements the CPU half of hal/cpu.h.
 *
 * A CPU's list of user waits is under its waits_lock: the task that added
 * an entry may be woken by something else (fw_task_interrupt()) and run on
 * in another CPU, and then takes its entry back itself; the scheduler loop
 * (idle, irq poll) wakes the tasks whose guests posted events.  A waker
 * calls fw_sched_wakeup() with the lock held, so the woken task cannot be
 * gone by then.
 */
#define _GNU_SOURCE
#include "sim.h"
#include "host.h"

#include <cpuid.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include <valgrind/valgrind.h>

#include <hal/cpu.h>
#include <hal/dev.h>
#include <hal/platform.h>
#include <core/sched_impl.h>

#define SIM_MAX_CPUS	64

#define MAX_WAITV	128		/* the kernel's FUTEX_WAITV_MAX */
#define RECHECK_NS	10000000u	/* a silent guest is re-checked */

/* A task sleeping until a guest event word leaves val. */
struct sim_uwait {
	uint32_t		*word;
	uint32_t		 val;
	uint64_t		 since;
	struct fw_task		*task;
	struct sim_uwait	*next;
	struct sim_cpu		*cpu;		/* whose list holds it */
	int			 host_cpu;	/* where the guest runs, or -1 */
};

struct sim_cpu {
	_Alignas(64) uint32_t	wake;		/* futex: bumped per wake-up */
	uint32_t		sleeping;	/* the CPU sleeps on wake */
	uint32_t		waits_lock;	/* spin lock of waits, nwaits */
	struct sim_uwait	*waits;
	unsigned int		 nwaits;
	int			 pin;		/* 1 + the host CPU this thread is
						   bound to; 0: unbound (host_set) */
};

/* linux/futex.h's struct futex_waitv, which glibc 2.36 does not wrap. */
struct waitv {
	uint64_t	val;
	uint64_t	uaddr;
	uint32_t	flags;
	uint32_t	reserved;
};
#define FUTEX2_SIZE_U32	0x02

static struct sim_cpu	 cpus[SIM_MAX_CPUS];
static cpu_set_t	 host_set;	/* the host CPUs we may run on */
static unsigned int	 ncpus = 1;
static __thread unsigned int this_cpu;
static atomic_uint	 irq_pending;
static _Atomic uint64_t	 irq_lines;	/* raised lines, bit per line */

unsigned int
hal_cpu_id(void)
{
	return this_cpu;
}

unsigned int
hal_cpu_count(void)
{
	return ncpus;
}

static void
waits_lock(struct sim_cpu *c)
{
	while (__atomic_exchange_n(&c->waits_lock, 1, __ATOMIC_ACQUIRE) != 0)
		while (__atomic_load_n(&c->waits_lock, __ATOMIC_RELAXED) != 0)
			__builtin_ia32_pause();
}

static void
waits_unlock(struct sim_cpu *c)
{
	__atomic_store_n(&c->waits_lock, 0, __ATOMIC_RELEASE);
}

/*
 * Wakes the tasks whose guest posted an event, and those silent for a
 * while, so that they notice a stub that died.
 */
static void
scan_waits(struct sim_cpu *c)
{
	struct sim_uwait **pp = &c->waits, *w;
	uint64_t now = hal_clock_monotonic();

	waits_lock(c);
	while ((w = *pp) != NULL) {
		if (__atomic_load_n(w->word, __ATOMIC_ACQUIRE) != w->val ||
		    now - w->since > RECHECK_NS) {
			*pp = w->next;
			c->nwaits--;
			w->cpu = NULL;
			fw_sched_wakeup(w->task);
		} else {
			pp = &w->next;
		}
	}
	waits_unlock(c);
}

void
hal_cpu_spin_yield(void)
{
	sched_yield();
}

void
sim_user_wait(uint32_t *word, uint32_t val, int host_cpu)
{
	struct sim_cpu *c = &cpus[this_cpu];
	struct sim_uwait w = {
		.word = word,
		.val = val,
		.since = hal_clock_monotonic(),
		.task = fw_task_current(),
		.cpu = c,
		.host_cpu = host_cpu,
	};
	struct sim_uwait **pp;

	waits_lock(c);
	if (c->nwaits >= MAX_WAITV - 1) {
		waits_unlock(c);
		fw_task_yield();		/* no room: poll instead */
		return;
	}
	fw_sched_prepare_sleep();
	w.next = c->waits;
	c->waits = &w;
	c->nwaits++;
	waits_unlock(c);
	fw_sched_sleep();
	/* Woken by someone else (an interrupt): take the entry back. */
	waits_lock(c);
	if (w.cpu != NULL) {
		for (pp = &c->waits; *pp != NULL; pp = &(*pp)->next)
			if (*pp == &w) {
				*pp = w.next;
				c->nwaits--;
				break;
			}
	}
	waits_unlock(c);
}

/* CPUID 0x80000001 EDX bit 27. */
bool
sim_cpu_has_rdtscp(void)
{
	unsigned int a, b, c, d;

	return __get_cpuid(0x80000001, &a, &b, &c, &d) && (d & (1u << 27));
}

int
sim_host_cpu_check(uint32_t cpu)
{
	return cpu < CPU_SETSIZE && CPU_ISSET((int)cpu, &host_set) ?
	    (int)cpu : -1;
}

/*
 * Binds this CPU's thread to host CPU host_cpu, or to all of ours (-1).
 * An idle CPU whose one user wait is a guest that computes long between
 * events sleeps on that guest's host CPU (stub_abi.h, cmd.yield): the
 * guest's next event wakes it there, the stub yields the CPU to it and
 * gets it back with the answer, and no halted host CPU has to be woken
 * (on a 2-vCPU VM that took 35-130 us a wake-up; on the same CPU, 8).
 * The bond stays while the CPU runs tasks, until an idle CPU sees other
 * waits.
 */
static void
pin_to(struct sim_cpu *c, int host_cpu)
{
	cpu_set_t one;

	if (c->pin == host_cpu + 1)
		return;
	sim_prof_add(SIM_PROF_PINS, 1);
	c->pin = host_cpu + 1;	/* a failure is not retried: it is a hint */
	if (host_cpu < 0) {
		(void)sched_setaffinity(0, sizeof(host_set), &host_set);
		return;
	}
	CPU_ZERO(&one);
	CPU_SET(host_cpu, &one);
	(void)sched_setaffinity(0, sizeof(one), &one);
}

/*
 * Without futex_waitv (Valgrind 3.19 lacks it) an idle CPU sleeps on one
 * word: the newest guest's, for at most a millisecond, or its own.
 */
static void
idle_poll(const struct waitv *v, unsigned int n, uint64_t ns)
{
	if (n > 1 && ns > 1000000)
		ns = 1000000;
	host_futex_wait((uint32_t *)(uintptr_t)v[n > 1].uaddr,
	    (uint32_t)v[n > 1].val, ns);
}

void
hal_cpu_idle(uint64_t deadline)
{
	struct sim_cpu *c = &cpus[this_cpu];
	struct waitv v[MAX_WAITV];
	struct sim_uwait *w;
	struct timespec ts;
	uint64_t now, abs;
	unsigned int n = 0;
	int pin;

	v[n++] = (struct waitv){
		.val = __atomic_load_n(&c->wake, __ATOMIC_ACQUIRE),
		.uaddr = (uint64_t)(uintptr_t)&c->wake,
		.flags = FUTEX2_SIZE_U32,
	};
	/*
	 * A word may go stale once the lock is dropped (its task woken by an
	 * interrupt): futex_waitv then just waits on a word that will not
	 * change, for at most RECHECK_NS.
	 */
	waits_lock(c);
	for (w = c->waits; w != NULL && n < MAX_WAITV; w = w->next)
		v[n++] = (struct waitv){ .val = w->val,
		    .uaddr = (uint64_t)(uintptr_t)w->word,
		    .flags = FUTEX2_SIZE_U32 };
	pin = c->nwaits == 1 && c->waits != NULL ? c->waits->host_cpu : -1;
	waits_unlock(c);
	pin_to(c, pin);
	if (atomic_load(&irq_pending))
		return;
	__atomic_store_n(&c->sleeping, 1, __ATOMIC_SEQ_CST);
	now = hal_clock_monotonic();
	if (n > 1 && deadline > now + RECHECK_NS)
		deadline = now + RECHECK_NS;
	if (!atomic_load(&irq_pending) && deadline > now) {
		abs = deadline == UINT64_MAX ? UINT64_MAX :
		    sim_clock_host(deadline);
		ts.tv_sec = (time_t)(abs / 1000000000u);
		ts.tv_nsec = (long)(abs % 1000000000u);
		if (RUNNING_ON_VALGRIND)
			idle_poll(v, n, deadline - now);
		else
			syscall(SYS_futex_waitv, v, n, 0, abs == UINT64_MAX ?
			    NULL : &ts, CLOCK_MONOTONIC);
		if (sim_prof_on)
			sim_prof_add(SIM_PROF_IDLE_NS,
			    hal_clock_monotonic() - now);
	}
	__atomic_store_n(&c->sleeping, 0, __ATOMIC_RELAXED);
	scan_waits(c);
}

void
hal_cpu_wake(unsigned int cpu)
{
	struct sim_cpu *c = &cpus[cpu % ncpus];

	__atomic_add_fetch(&c->wake, 1, __ATOMIC_SEQ_CST);
	if (__atomic_load_n(&c->sleeping, __ATOMIC_SEQ_CST))
		host_futex_wake(&c->wake, 1);
}

/* A device model has work for a CPU: wake them all; one will poll. */
void
sim_irq_raise(void)
{
	unsigned int i;

	atomic_store(&irq_pending, 1);
	for (i = 0; i < ncpus; i++)
		hal_cpu_wake(i);
}

void
sim_irq_raise_line(unsigned int line)
{
	atomic_fetch_or(&irq_lines, 1ull << (line % 64));
	sim_irq_raise();
}

void
hal_irq_poll(void)
{
	struct sim_cpu *c = &cpus[this_cpu];
	uint64_t lines;
	unsigned int i;

	if (__atomic_load_n(&c->nwaits, __ATOMIC_RELAXED) != 0)
		scan_waits(c);
	if (!atomic_exchange(&irq_pending, 0))
		return;
	sim_console_irq();
	lines = atomic_exchange(&irq_lines, 0);
	for (i = 0; lines != 0; i++, lines >>= 1)
		if (lines & 1)
			fw_irq_dispatch(i);
}

uint64_t
hal_cpu_hwcap(void)
{
	unsigned int a, b, c, d;

	if (!__get_cpuid(1, &a, &b, &c, &d))
		return 0;
	return d;
}

/*
 * AT_HWCAP2: FSGSBASE (bit 1) is not offered, since the stub keeps the
 * guest's fs base itself and would not see a wrfsbase.
 */
uint64_t
hal_cpu_hwcap2(void)
{
	return getauxval(AT_HWCAP2) & ~(uint64_t)2;
}

/*
 * The FP state format of guest threads is the host kernel's signal-frame
 * format for the stubs, which run on the real CPU.  Our own CPUID, XGETBV
 * and FXSAVE may not tell it: under Valgrind they are emulated (an AVX-512
 * machine looks like an AVX one).  So the first guest thread's first frame,
 * written by the kernel before any guest code ran, teaches it
 * (sim_xstate_learn); until then our own view stands in.
 */
static struct {
	atomic_bool	known;
	size_t		size;
	uint64_t	features;
	uint32_t	mxcsr_mask;
} xstate;

#define FX_SW_OFF	464
#define FX_MAGIC1	0x46505853u

void
sim_xstate_learn(const uint8_t *fx)
{
	uint32_t magic, size, mask;
	uint64_t features;

	if (atomic_load(&xstate.known))
		return;
	memcpy(&magic, fx + FX_SW_OFF, sizeof(magic));
	memcpy(&features, fx + FX_SW_OFF + 8, sizeof(features));
	memcpy(&size, fx + FX_SW_OFF + 16, sizeof(size));
	memcpy(&mask, fx + 28, sizeof(mask));
	if (magic != FX_MAGIC1 || size < 512 + 64 ||
	    size > SIM_XSAVE_MAX || (features & 3) != 3)
		return;			/* no XSAVE frames: keep our view */
	xstate.size = size;
	xstate.features = features;
	xstate.mxcsr_mask = mask != 0 ? mask : 0xffbf;
	atomic_store(&xstate.known, true);
}

size_t
hal_cpu_xsave_size(void)
{
	unsigned int a, b, c, d;

	if (atomic_load(&xstate.known))
		return xstate.size;
	if (!__get_cpuid_count(0xd, 0, &a, &b, &c, &d) || b == 0)
		return 512 + 64;		/* FXSAVE area and header */
	return b;
}

uint64_t
hal_cpu_xfeatures(void)
{
	unsigned int a, b, c, d, lo, hi;

	if (atomic_load(&xstate.known))
		return xstate.features;
	if (!__get_cpuid(1, &a, &b, &c, &d) || !(c & bit_OSXSAVE))
		return 3;
	__asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
	return ((uint64_t)hi << 32) | lo;
}

/* MXCSR_MASK from an FXSAVE image; 0 there means the default 0xffbf. */
uint32_t
hal_cpu_mxcsr_mask(void)
{
	static uint8_t fx[512] __attribute__((aligned(16)));
	uint32_t mask;

	if (atomic_load(&xstate.known))
		return xstate.mxcsr_mask;
	__asm__ volatile("fxsave %0" : "=m"(fx));
	memcpy(&mask, fx + 28, sizeof(mask));
	return mask != 0 ? mask : 0xffbf;
}

static void *
cpu_thread(void *arg)
{
	this_cpu = (unsigned int)(uintptr_t)arg;
	fw_cpu_main(this_cpu);
}

void
sim_cpus_configure(unsigned int n)
{
	ncpus = n < 1 ? 1 : n > SIM_MAX_CPUS ? SIM_MAX_CPUS : n;
}

long
sim_host_cpus(void)
{
	if (sched_getaffinity(0, sizeof(host_set), &host_set) == 0 &&
	    CPU_COUNT(&host_set) > 0)
		return CPU_COUNT(&host_set);
	CPU_ZERO(&host_set);			/* no hints are taken then */
	return sysconf(_SC_NPROCESSORS_ONLN);
}

void
sim_cpus_start(void)
{
	unsigned int i;
	pthread_t th;

	for (i = 1; i < ncpus; i++) {
		if (pthread_create(&th, NULL, cpu_thread,
		    (void *)(uintptr_t)i) != 0) {
			fprintf(stderr, "trellis: cannot start CPU %u\n", i);
			exit(125);
		}
	}
	this_cpu = 0;
	fw_cpu_main(0);
}
