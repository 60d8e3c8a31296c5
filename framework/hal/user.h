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
FW_MUST_CHECK int	hal_user_enter(struct fw_uthread *t,
			    struct fw_user_ctx *ctx, struct fw_user_event *ev);
void			hal_uthread_kick(struct fw_uthread *t);

#endif
