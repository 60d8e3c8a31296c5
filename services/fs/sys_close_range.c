/*
 * services/fs/sys_close_range.c: close_range(2).  Unknown flags and a
 * first descriptor above the last are EINVAL; CLOSE_RANGE_UNSHARE first
 * gives the process a table of its own (when another shares it);
 * CLOSE_RANGE_CLOEXEC marks the range close-on-exec instead of closing
 * it.  Closing drops POSIX locks as close(2) does; descriptors not open
 * are skipped.  Locks: the table's, inside fd_close_range().
 */
#include <svc/file.h>
#include <svc/syscall.h>
#include <svc/vfs.h>
#include "fs.h"

SYSCALL(close_range)
{
	unsigned int first = (unsigned int)a->a[0];
	unsigned int last = (unsigned int)a->a[1];
	unsigned int flags = (unsigned int)a->a[2];
	int err;

	if (flags & ~(unsigned int)(LINUX_CLOSE_RANGE_UNSHARE |
	    LINUX_CLOSE_RANGE_CLOEXEC))
		return -EINVAL;
	if (first > last)
		return -EINVAL;
	if ((flags & LINUX_CLOSE_RANGE_UNSHARE) &&
	    (err = fdtable_unshare(t->proc)) < 0)
		return err;
	fd_close_range(t->proc, first, last,
	    (flags & LINUX_CLOSE_RANGE_CLOEXEC) != 0);
	return 0;
}
