/*
 * syscall/sys_uname.c: uname(2).  The kernel presents itself as Linux so
 * that C libraries pick their Linux code paths.  No locks: the names are
 * constant until sethostname exists.
 */
#include <fw/string.h>
#include <fw/uaccess.h>
#include <svc/lib.h>
#include <svc/proc.h>
#include <svc/syscall.h>
#include <uapi/utsname.h>

SYSCALL(uname)
{
	struct linux_new_utsname u;

	memset(&u, 0, sizeof(u));
	str_lcpy(u.sysname, "Linux", sizeof(u.sysname));
	str_lcpy(u.nodename, "trellis", sizeof(u.nodename));
	str_lcpy(u.release, "6.1.0-trellis", sizeof(u.release));
	str_lcpy(u.version, "#1 SMP Trellis", sizeof(u.version));
	str_lcpy(u.machine, "x86_64", sizeof(u.machine));
	str_lcpy(u.domainname, "(none)", sizeof(u.domainname));
	return fw_copy_to_user(t->proc->vm, fw_uaddr(a->a[0]), &u, sizeof(u));
}
