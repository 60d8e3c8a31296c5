/*
 * core/user.c: user threads and user mode (fw/user.h), a thin layer over
 * the backend (hal/user.h); the vm's backend state names the address space.
 * No locks of its own.
 */
#include <fw/errno.h>
#include <fw/user.h>
#include <hal/user.h>

#include "core/vm_impl.h"

int
fw_uthread_new(struct fw_vm *vm, struct fw_uthread **out)
{
	struct hal_space *s = fw_vm_space(vm);

	/* An heir gets its threads with its space (fw_vm_succeed()). */
	if (s == NULL)
		return -EINVAL;
	return hal_uthread_new(s, out);
}

void
fw_uthread_free(struct fw_uthread *t)
{
	if (t != NULL)
		hal_uthread_free(t);
}

int
fw_user_enter(struct fw_uthread *t, struct fw_user_ctx *ctx,
    struct fw_user_event *ev)
{
	return hal_user_enter(t, ctx, ev);
}

void
fw_uthread_kick(struct fw_uthread *t)
{
	hal_uthread_kick(t);
}
