/*
 * services/fs/lock_impl.h: what lock.c (flock locks, the lock lists, the
 * waits and the release on close) and lock_range.c (POSIX and OFD record
 * locks) share.  Private to those two files; lock.h is the interface.
 *
 * Locks used to protect fields in this file:
 *	L	lock_mutex
 * A waiter sleeps on the vnode's vlocks->wq until vlocks->gen moves, which
 * locks_changed() does after every removal or change.
 */
#ifndef FS_LOCK_IMPL_H
#define FS_LOCK_IMPL_H

#include <fw/mutex.h>
#include <fw/types.h>
#include "vext.h"

#define OFFSET_MAX	INT64_MAX

/* One lock: a flock lock covers the whole file, a record lock a range. */
struct vlock {
	struct vlock	*next;		/* [L] */
	const void	*owner;		/* [L] fdtable (POSIX) or file */
	int64_t		 start, end;	/* [L] end inclusive */
	int		 type;		/* [L] F_RDLCK or F_WRLCK */
	int		 pid;		/* [L] F_GETLK's l_pid */
};

extern struct fw_mutex lock_mutex;

/* Wakes every waiter on l to look again (after a removal or change). */
void		 locks_changed(struct vlocks *l);
/*
 * Sleeps, lock_mutex dropped meanwhile, until l changes from gen: 0, or
 * -ERESTARTSYS for a signal.  Returns with lock_mutex held again.
 */
FW_MUST_CHECK int locks_wait_locked(struct vlocks *l, unsigned int gen)
		    FW_REQUIRES(&lock_mutex);
/* Unlinks and frees owner's locks in the list at *head: whether any. */
bool		 locks_remove_owned_locked(struct vlock **head,
		    const void *owner) FW_REQUIRES(&lock_mutex);

#endif
