/*
 * ipc/sys_futex.c: futex(2), decoded as kernel/futex/syscalls.c does: the
 * timeout is read and checked first (for the operations that take one),
 * then FUTEX_CLOCK_REALTIME is refused where Linux refuses it, then the
 * operation runs.  A relative timeout (FUTEX_WAIT) counts on the monotonic
 * clock; the others are absolute: FUTEX_LOCK_PI's on the real-time clock,
 * the rest on the monotonic clock unless FUTEX_CLOCK_REALTIME says
 * otherwise.  A real-time expiry is converted once, so a later change of
 * the wall clock is not followed.
 *
 * Interface: sys_futex (svc/syscall.h), futex_deadline (futex_impl.h).
 * Locks: none here.
 */
#include <fw/errno.h>
#include <fw/timer.h>
#include <fw/uaccess.h>
#include <fw/waitq.h>
#include <svc/proc.h>
#include <svc/syscall.h>
#include <svc/time.h>
#include <uapi/futex.h>
#include <uapi/time.h>
#include "futex_impl.h"

int
futex_deadline(struct proc *p, uint64_t utime, bool relative, bool realtime,
    uint64_t *deadline)
{
	struct linux_timespec ts;
	uint64_t ns, now, mono;
	int err;

	if ((err = fw_copy_from_user(p->vm, &ts, fw_uaddr(utime),
	    sizeof(ts))) < 0)
		return err;
	if ((err = timespec_to_ns(&ts, &ns)) < 0)
		return err;
	mono = fw_clock_monotonic();
	if (relative) {
		*deadline = ns > FW_NO_DEADLINE - mono ? FW_NO_DEADLINE :
		    mono + ns;
		return 0;
	}
	if (!realtime) {
		*deadline = ns;
		return 0;
	}
	now = fw_clock_realtime();
	if (ns <= now)
		*deadline = 0;
	else
		*deadline = ns - now > FW_NO_DEADLINE - mono ?
		    FW_NO_DEADLINE : mono + (ns - now);
	return 0;
}

/* futex_cmd_has_timeout. */
static bool
futex_cmd_timed(int cmd)
{
	return cmd == LINUX_FUTEX_WAIT || cmd == LINUX_FUTEX_LOCK_PI ||
	    cmd == LINUX_FUTEX_LOCK_PI2 || cmd == LINUX_FUTEX_WAIT_BITSET ||
	    cmd == LINUX_FUTEX_WAIT_REQUEUE_PI;
}

/* The operation of a decoded call (do_futex). */
static long
futex_do(struct thread *t, const struct syscall_args *a, int cmd,
    bool shared, uint64_t deadline, bool timed)
{
	uint64_t uaddr = a->a[0], uaddr2 = a->a[4];
	uint32_t val = (uint32_t)a->a[2], val2 = (uint32_t)a->a[3];
	uint32_t val3 = (uint32_t)a->a[5];

	switch (cmd) {
	case LINUX_FUTEX_WAIT:
		val3 = LINUX_FUTEX_BITSET_MATCH_ANY;
		/* FALLTHROUGH */
	case LINUX_FUTEX_WAIT_BITSET:
		return futex_wait(t, uaddr, shared, val, deadline, timed,
		    val3);
	case LINUX_FUTEX_WAKE:
		val3 = LINUX_FUTEX_BITSET_MATCH_ANY;
		/* FALLTHROUGH */
	case LINUX_FUTEX_WAKE_BITSET:
		return futex_wake(t->proc, uaddr, shared, (int)val, val3);
	case LINUX_FUTEX_REQUEUE:
		return futex_requeue(t, uaddr, uaddr2, shared, (int)val,
		    (int)val2, NULL);
	case LINUX_FUTEX_CMP_REQUEUE:
		return futex_requeue(t, uaddr, uaddr2, shared, (int)val,
		    (int)val2, &val3);
	case LINUX_FUTEX_WAKE_OP:
		return futex_wake_op(t, uaddr, uaddr2, shared, (int)val,
		    (int)val2, val3);
	case LINUX_FUTEX_LOCK_PI:
	case LINUX_FUTEX_LOCK_PI2:
		return futex_lock_pi(t, uaddr, shared, deadline, false);
	case LINUX_FUTEX_TRYLOCK_PI:
		return futex_lock_pi(t, uaddr, shared, FW_NO_DEADLINE, true);
	case LINUX_FUTEX_UNLOCK_PI:
		return futex_unlock_pi(t, uaddr, shared);
	case LINUX_FUTEX_WAIT_REQUEUE_PI:
		return futex_wait_requeue_pi(t, uaddr, uaddr2, shared, val,
		    deadline, timed);
	case LINUX_FUTEX_CMP_REQUEUE_PI:
		return futex_cmp_requeue_pi(t, uaddr, uaddr2, shared,
		    (int)val, (int)val2, val3);
	default:
		return -ENOSYS;
	}
}

/* futex(uaddr, op, val, timeout or val2, uaddr2, val3). */
SYSCALL(futex)
{
	int op = (int)a->a[1], cmd = op & LINUX_FUTEX_CMD_MASK, err;
	bool realtime = (op & LINUX_FUTEX_CLOCK_REALTIME) != 0;
	uint64_t deadline = FW_NO_DEADLINE;
	bool timed = false;

	if (a->a[3] != 0 && futex_cmd_timed(cmd)) {
		if ((err = futex_deadline(t->proc, a->a[3],
		    cmd == LINUX_FUTEX_WAIT, realtime ||
		    cmd == LINUX_FUTEX_LOCK_PI, &deadline)) < 0)
			return err;
		timed = true;
	}
	if (realtime && cmd != LINUX_FUTEX_WAIT_BITSET &&
	    cmd != LINUX_FUTEX_WAIT_REQUEUE_PI && cmd != LINUX_FUTEX_LOCK_PI2)
		return -ENOSYS;
	return futex_do(t, a, cmd, !(op & LINUX_FUTEX_PRIVATE_FLAG), deadline,
	    timed);
}
