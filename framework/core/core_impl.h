/*
 * core/core_impl.h: the boot-time set-up steps of the core's parts, which
 * fw_core_init() (core/init.c) runs in order.  Never included by services.
 */
#ifndef FW_CORE_IMPL_H
#define FW_CORE_IMPL_H

#include <fw/types.h>

/* NOLINTNEXTLINE(bugprone-reserved-identifier): the compiler's canary */
extern uintptr_t __stack_chk_guard;

void	fw_stack_guard_init(void);
void	fw_log_init(void);

#endif
