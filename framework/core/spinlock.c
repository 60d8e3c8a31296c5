/*
 * core/spinlock.c: spin locks (fw/spinlock.h).  Kernel mode is not
 * preemptible, but several CPUs (host threads on the simulator) run at
 * once, so a lock is a real atomic flag.  Waiters spin on plain loads with
 * the pause hint and retry the exchange only when the lock looks free
 * (test-and-test-and-set), so a contended line is not hammered.  A waiter
 * that has spun SPIN_YIELD_AFTER pauses gives its CPU away once
 * (hal_cpu_spin_yield()), in case the holder is a host thread the host
 * preempted: on a loaded host, spinning through the holder's whole host
 * time slice cost the simulator most of its time.  The lock word itself
 * is the only state.
 */
#include <fw/spinlock.h>
#include <hal/cpu.h>

#define SPIN_YIELD_AFTER	1024	/* pauses: some tens of microseconds */

static inline void
cpu_relax(void)
{
#if defined(__x86_64__) || defined(__i386__)
	__builtin_ia32_pause();
#endif
}

void
fw_spin_init(struct fw_spinlock *l)
{
	atomic_store_explicit(&l->locked, 0, memory_order_relaxed);
}

void
fw_spin_lock(struct fw_spinlock *l)
	FW_NO_TSA
{
	unsigned int spins = 0;

	for (;;) {
		if (atomic_exchange_explicit(&l->locked, 1,
		    memory_order_acquire) == 0)
			return;
		while (atomic_load_explicit(&l->locked,
		    memory_order_relaxed) != 0) {
			if (++spins % SPIN_YIELD_AFTER == 0)
				hal_cpu_spin_yield();
			else
				cpu_relax();
		}
	}
}

void
fw_spin_unlock(struct fw_spinlock *l)
	FW_NO_TSA
{
	atomic_store_explicit(&l->locked, 0, memory_order_release);
}

bool
fw_spin_trylock(struct fw_spinlock *l)
	FW_NO_TSA
{
	if (atomic_load_explicit(&l->locked, memory_order_relaxed) != 0)
		return false;
	return atomic_exchange_explicit(&l->locked, 1,
	    memory_order_acquire) == 0;
}
