/*
 * fw/spinlock.h: a busy-waiting lock for short critical sections.  A task
 * holding one must not sleep, yield or enter user mode.  Embeddable; a zero
 * (or FW_SPINLOCK_INIT) lock is unlocked.  Not recursive.
 */
#ifndef FW_SPINLOCK_H
#define FW_SPINLOCK_H

#include <fw/types.h>
#include <stdatomic.h>

struct FW_CAPABILITY("spinlock") fw_spinlock {
	atomic_int	locked;
};

#define FW_SPINLOCK_INIT	{ 0 }

/* Makes l unlocked (a zeroed lock already is). */
void	fw_spin_init(struct fw_spinlock *l);
/* Spins until l is free, then holds it; the holder must not sleep. */
void	fw_spin_lock(struct fw_spinlock *l) FW_ACQUIRES(l);
/* Releases l, which the caller holds. */
void	fw_spin_unlock(struct fw_spinlock *l) FW_RELEASES(l);
/* Takes l if it is free: true, or false without waiting. */
bool	fw_spin_trylock(struct fw_spinlock *l) FW_TRY_ACQUIRES(true, l);

#endif
