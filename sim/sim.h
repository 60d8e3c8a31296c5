/*
 * sim.h: the simulator's internal interface: the machine it builds (memory,
 * CPUs, console) and the state the HAL files share.  Host code; never seen
 * by services.
 */
#ifndef SIM_H
#define SIM_H

#include <stdbool.h>
#include <stdint.h>
#include <stddef.h>

#include "net/slirp.h"

#define FW_NORETURN_SIM	__attribute__((noreturn))

struct sim_config {
	unsigned int	 cpus;
	uint64_t	 mem;		/* bytes of physical memory */
	const char	*initrd;	/* a path, or NULL for the embedded one */
	bool		 use_initrd;	/* --initrd: the root is an initramfs */
	bool		 strace;
	const char	*log;		/* log level name, or NULL */
	const char	*share;		/* --root: a host directory for 9p (the
					   default: "/"), the root's lower layer */
	bool		 share_rw;	/* --root-rw: the same, writable */
	const char	*kopts[16];	/* --kopt NAME[=VALUE] */
	size_t		 nkopts;
	bool		 net;		/* --net user (the default) */
	bool		 net_csum;	/* --net user,csum: offer offloads */
	struct sim_slirp_fwd publish[SIM_SLIRP_FWD_MAX]; /* --publish */
	size_t		 npublish;
	const char	*const *argv;	/* the guest program and arguments */
	size_t		 argc;
};

/* phys.c: physical memory is one sealed memfd mapped whole. */
int		 sim_phys_init(uint64_t size);
int		 sim_phys_fd(void);
uint8_t		*sim_phys_base(void);

/* cpu.c: CPUs are host threads. */
void		 sim_cpus_configure(unsigned int n);	/* before boot */
/* The host CPUs we may run on (taskset), or those online; learns the set. */
long		 sim_host_cpus(void);
FW_NORETURN_SIM void sim_cpus_start(void);		/* never returns */
void		 sim_irq_raise(void);			/* from any thread */
/* Raises interrupt line (1..63) for the core's fw_irq_dispatch(). */
void		 sim_irq_raise_line(unsigned int line);	/* from any thread */
/*
 * Puts the current task to sleep until *word is no longer val (a guest
 * thread's event word, woken by its stub), or for a while: callers re-check.
 * host_cpu is the host CPU the guest runs on, for a guest whose events are
 * best waited for there (cpu.c), or -1.
 */
void		 sim_user_wait(uint32_t *word, uint32_t val, int host_cpu);
/* Whether this CPU has RDTSCP (the stubs' way to tell their host CPU). */
bool		 sim_cpu_has_rdtscp(void);
/* cpu, if it is a host CPU we may run on, or -1 (cpu may come from a guest). */
int		 sim_host_cpu_check(uint32_t cpu);

/* platform.c: the host CLOCK_MONOTONIC time of a simulated one. */
uint64_t	 sim_clock_host(uint64_t t);

/* console.c: the console model behind fw/console.h. */
void		 sim_console_init(void);
void		 sim_console_irq(void);			/* bottom half */

/* dev.c: the devices (virtio-mmio models), added before boot. */
struct fw_boot_dev_impl;
int		 sim_dev_add_9p(const char *dir, bool writable);
/*
 * virtio-net on libslirp (net/slirp.h) with TCP forwards from host
 * 127.0.0.1 (copied); offload offers the checksum offloads.  Starts the
 * net thread.  0 or a negative errno (-EADDRINUSE: a forward's port).
 */
int		 sim_dev_add_net(const struct sim_slirp_fwd *fwds, size_t nfwds,
		    bool offload);
const struct fw_boot_dev_impl *sim_dev_boot_list(size_t *n);

/* uthread.c: whether the two sides of a hand-off may spin, and how long a
 * pause instruction takes here. */
extern bool		 sim_spin_on;
/*
 * Whether a guest that computes long between events has its events waited
 * for on its own host CPU (stub_abi.h, cmd.yield): needs RDTSCP for the
 * stub to tell its CPU, and more than one host CPU.
 */
extern bool		 sim_colo_on;
/*
 * The running estimate of a peer's answer time after one more sample, and
 * how long to spin for an answer expected after avg: 0 when spinning is
 * off or avg is long (uthread.c explains both).
 */
uint64_t		 sim_spin_estimate(uint64_t avg, uint64_t sample);
uint64_t		 sim_spin_budget(uint64_t avg);
/* The largest XSAVE image a slot's signal stack leaves room for. */
#define SIM_XSAVE_MAX	16384
/*
 * Learns the guests' FP state format from fx, the XSAVE image of a frame
 * the host kernel wrote for a stub thread that never ran guest code.
 * Once; later calls do nothing.
 */
void			 sim_xstate_learn(const uint8_t *fx);
extern unsigned int	 sim_pause_ns;

/*
 * profile.c: counters kept when TRELLIS_PROFILE=1 (sim_prof_on), printed
 * by sim_prof_report() at power-off.  sim_prof_add() costs one branch
 * when profiling is off; callers read clocks for it only when it is on.
 */
enum sim_prof_counter {
	SIM_PROF_EVENTS,	/* events from stubs: all of the next four */
	SIM_PROF_SYSCALLS,
	SIM_PROF_FAULTS,	/* exceptions, fixed here or not */
	SIM_PROF_FAULTS_FIXED,	/* stale host mappings, fixed in uthread.c */
	SIM_PROF_KICKS,
	SIM_PROF_GUEST_NS,	/* resume to event: guest, trap, hand-offs */
	SIM_PROF_KERNEL_NS,	/* event to the next resume: the services */
	SIM_PROF_SPIN_NS,	/* a CPU thread spinning for an event */
	SIM_PROF_SLEEPS,	/* events the kernel side slept for */
	SIM_PROF_COLO,		/* of them, on the guest's host CPU */
	SIM_PROF_PINS,		/* CPU threads bound or unbound */
	SIM_PROF_IDLE_NS,	/* CPU threads asleep in hal_cpu_idle() */
	SIM_PROF_MAP_NS,	/* waiting for a stub's mm thread */
	SIM_PROF_MAP_BATCHES,
	SIM_PROF_MMAP,		/* mm ring operations sent, by kind */
	SIM_PROF_MUNMAP,
	SIM_PROF_MPROTECT,
	SIM_PROF_MERGED,	/* maps merged into the previous one */
	SIM_PROF_CLONE,
	SIM_PROF_SPACES,	/* stub processes started */
	SIM_PROF_N
};
extern bool	 sim_prof_on;
void		 sim_prof_add_slow(enum sim_prof_counter c, uint64_t v);
void		 sim_prof_report(void);

static inline void
sim_prof_add(enum sim_prof_counter c, uint64_t v)
{
	if (__builtin_expect(sim_prof_on, 0))
		sim_prof_add_slow(c, v);
}

/* space.c: stub processes. */
int		 sim_stub_init(void);
void		 sim_stubs_kill_all(void);

/* The embedded images (stub_blob.S, initrd_blob.S). */
extern const uint8_t sim_stub_blob[], sim_stub_blob_end[];
extern const uint8_t sim_initrd_blob[], sim_initrd_blob_end[];
/* vdso_blob.S: the vDSO (vdso/), carried inside `trellis`. */
extern const uint8_t sim_vdso_blob[], sim_vdso_blob_end[];

#endif
