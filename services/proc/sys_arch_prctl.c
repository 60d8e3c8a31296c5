/*
 * proc/sys_arch_prctl.c: arch_prctl(2), the x86-64 thread-register calls.
 * FS and GS bases live in t->ctx, which the framework loads on the way to
 * user mode.  CPUID faulting is not offered: ARCH_GET_CPUID says CPUID
 * works, ARCH_SET_CPUID answers ENODEV as Linux does without the feature.
 * No locks: t->ctx is the calling task's own.
 */
#include <fw/errno.h>
#include <fw/uaccess.h>
#include <fw/vm.h>
#include <svc/proc.h>
#include <svc/syscall.h>
#include <uapi/misc.h>

SYSCALL(arch_prctl)
{
	uint64_t code = a->a[0], arg = a->a[1];

	switch (code) {
	case LINUX_ARCH_SET_FS:
	case LINUX_ARCH_SET_GS:
		if (arg >= fw_vm_user_top())
			return -EPERM;
		if (code == LINUX_ARCH_SET_FS)
			t->ctx.fs_base = arg;
		else
			t->ctx.gs_base = arg;
		return 0;
	case LINUX_ARCH_GET_FS:
		return fw_copy_to_user(t->proc->vm, fw_uaddr(arg),
		    &t->ctx.fs_base, sizeof(t->ctx.fs_base));
	case LINUX_ARCH_GET_GS:
		return fw_copy_to_user(t->proc->vm, fw_uaddr(arg),
		    &t->ctx.gs_base, sizeof(t->ctx.gs_base));
	case LINUX_ARCH_GET_CPUID:
		return 1;
	case LINUX_ARCH_SET_CPUID:
		return -ENODEV;
	default:
		return -EINVAL;
	}
}
