/*
 * syscall/sys_getrandom.c: getrandom(2).  The machine's entropy source
 * never blocks after boot, so the flags only need validating.  A fault
 * after some bytes were copied returns the count, as Linux does.
 * No locks.
 */
#include <fw/errno.h>
#include <fw/random.h>
#include <fw/uaccess.h>
#include <svc/lib.h>
#include <svc/proc.h>
#include <svc/syscall.h>
#include <uapi/misc.h>

/* Linux's old per-call cap, kept for compatibility (32 MiB - 1). */
#define GETRANDOM_MAX	33554431UL

SYSCALL(getrandom)
{
	uint64_t flags = a->a[2], len = MIN(a->a[1], GETRANDOM_MAX), done;
	uint8_t buf[256];
	size_t n;
	int err;

	if (flags & ~(uint64_t)(LINUX_GRND_NONBLOCK | LINUX_GRND_RANDOM |
	    LINUX_GRND_INSECURE))
		return -EINVAL;
	if ((flags & (LINUX_GRND_INSECURE | LINUX_GRND_RANDOM)) ==
	    (LINUX_GRND_INSECURE | LINUX_GRND_RANDOM))
		return -EINVAL;
	for (done = 0; done < len; done += n) {
		uint64_t at = a->a[0] + done;

		/* Chunks stop at page ends, so a fault counts exact bytes. */
		n = MIN(MIN(len - done, sizeof(buf)),
		    FW_PAGE_SIZE - at % FW_PAGE_SIZE);

		fw_random_bytes(buf, n);
		err = fw_copy_to_user(t->proc->vm, fw_uaddr(at), buf, n);
		if (err < 0)
			return done > 0 ? (long)done : err;
	}
	return (long)len;
}
