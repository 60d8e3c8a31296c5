/*
 * hal/user.h: user threads and user mode, as the backend implements them.
 * fw/user.h is a thin layer over these.
 */
#ifndef HAL_USER_H
#define HAL_USER_H

#include <fw/user.h>

struct hal_space;

FW_MUST_CHECK int	hal_uthread_new(struct hal_space *s,
			    struct fw_uthread **out);
void			hal_uthread_free(struct fw_uthread *t);
/*
 * t, the one thread left in its space, runs vm from now on, which
 * hal_space_adopt() gave that space.  Its registers and FP state are the
 * caller's to reset.  Cannot fail.
 */
void			hal_uthread_adopt(struct fw_uthread *t,
			    struct fw_vm *vm);
/*
 * fw_user_enter()'s work, ev->user_ns included: the time t spent in user
 * mode during the call, which is not the task's kernel time either: a
 * backend that runs user mode on the task's own CPU slice (bare metal)
 * takes it out of the task's runtime (fw_task_exclude_time()).
 */
FW_MUST_CHECK int	hal_user_enter(struct fw_uthread *t,
			    struct fw_user_ctx *ctx, struct fw_user_event *ev);
void			hal_uthread_kick(struct fw_uthread *t);
/*
 * The XSAVE area (standard format, hal_cpu_xsave_size() bytes plus 4 for
 * FP_XSTATE_MAGIC2) that t's FP state was saved to at its last event and is
 * loaded from when it next enters user mode, or NULL when t has none (lost,
 * or not yet run).  Valid until the next hal_user_enter(t).  On the
 * simulator another guest thread can write it at any time: callers read
 * each byte once and never trust what they read back.
 */
uint8_t			*hal_uthread_xsave_area(struct fw_uthread *t);

#endif
