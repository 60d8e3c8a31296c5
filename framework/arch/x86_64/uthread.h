/*
 * arch/x86_64/uthread.h: user threads on bare metal (hal/user.h), and how
 * the trap path hands a trap from user mode back to hal_user_enter().
 * One CPU so far; everything runs with interrupts masked.
 */
#ifndef X86_UTHREAD_H
#define X86_UTHREAD_H

#include <fw/user.h>

#include "arch/x86_64/trap.h"

/* How x86_user_run() came back. */
#define X86_USER_SYSCALL	0
#define X86_USER_TRAP		1	/* an exception: see the saved trap */
#define X86_USER_INTERRUPT	2	/* a device or the tick */

int	x86_user_run(struct fw_user_ctx *ctx, int sysret);	/* user_entry.S */
FW_NORETURN void x86_user_exit(int code);		/* user_entry.S */
/*
 * Called by x86_trap() for a trap taken in user mode, after any interrupt
 * handler ran: stores the user's registers from f into the running
 * thread's context and leaves through x86_user_exit(), unless the trap is
 * one user mode simply resumes after (an NMI, a spurious interrupt).
 */
void	x86_user_trap(const struct x86_trap_frame *f, uint64_t cr2);

#endif
