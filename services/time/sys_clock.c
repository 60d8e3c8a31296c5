/*
 * time/sys_clock.c: clock_gettime(2), clock_getres(2), gettimeofday(2)
 * and time(2).  No locks.
 */
#include <fw/errno.h>
#include <fw/timer.h>
#include <fw/uaccess.h>
#include <svc/proc.h>
#include <svc/syscall.h>
#include <svc/time.h>
#include <uapi/time.h>

SYSCALL(clock_gettime)
{
	struct linux_timespec ts;
	uint64_t ns;
	int err;

	if ((err = clock_read(t, (int32_t)a->a[0], &ns)) < 0)
		return err;
	ts = ns_to_timespec(ns);
	return fw_copy_to_user(t->proc->vm, fw_uaddr(a->a[1]), &ts,
	    sizeof(ts));
}

SYSCALL(clock_getres)
{
	struct linux_timespec ts;
	uint64_t ns;
	int err;

	if ((err = clock_resolution(t, (int32_t)a->a[0], &ns)) < 0)
		return err;
	if (a->a[1] == 0)
		return 0;
	ts = ns_to_timespec(ns);
	return fw_copy_to_user(t->proc->vm, fw_uaddr(a->a[1]), &ts,
	    sizeof(ts));
}

SYSCALL(gettimeofday)
{
	uint64_t ns = fw_clock_realtime();
	struct linux_timeval tv = {
		(int64_t)(ns / 1000000000ULL),
		(int64_t)(ns % 1000000000ULL / 1000)
	};
	struct linux_timezone tz = { 0, 0 };
	int err;

	if (a->a[0] != 0 && (err = fw_copy_to_user(t->proc->vm,
	    fw_uaddr(a->a[0]), &tv, sizeof(tv))) < 0)
		return err;
	if (a->a[1] != 0 && (err = fw_copy_to_user(t->proc->vm,
	    fw_uaddr(a->a[1]), &tz, sizeof(tz))) < 0)
		return err;
	return 0;
}

SYSCALL(time)
{
	int64_t now = (int64_t)(fw_clock_realtime() / 1000000000ULL);
	int err;

	if (a->a[0] != 0 && (err = fw_copy_to_user(t->proc->vm,
	    fw_uaddr(a->a[0]), &now, sizeof(now))) < 0)
		return err;
	return now;
}
