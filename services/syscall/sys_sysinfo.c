/*
 * syscall/sys_sysinfo.c: sysinfo(2): uptime from the monotonic clock,
 * memory from the frame allocator, one process (no fork yet), no swap and
 * no load average yet.  No locks.
 */
#include <fw/frame.h>
#include <fw/string.h>
#include <fw/timer.h>
#include <fw/uaccess.h>
#include <svc/proc.h>
#include <svc/syscall.h>
#include <uapi/sysinfo.h>

SYSCALL(sysinfo)
{
	struct linux_sysinfo si;
	size_t total = fw_frames_total(), used = fw_frames_used();

	memset(&si, 0, sizeof(si));
	si.uptime = (int64_t)(fw_clock_monotonic() / 1000000000ULL);
	si.totalram = (uint64_t)total * FW_PAGE_SIZE;
	si.freeram = (uint64_t)(used < total ? total - used : 0) *
	    FW_PAGE_SIZE;
	si.procs = 1;
	si.mem_unit = 1;
	return fw_copy_to_user(t->proc->vm, fw_uaddr(a->a[0]), &si,
	    sizeof(si));
}
