/*
 * fw/user.h: running user code.  A struct fw_uthread is one user thread of
 * an address space (on the simulator, a host thread of the vm's stub
 * process).  fw_user_enter() loads the registers of ctx, runs user mode,
 * and returns when the thread makes a system call, takes an exception that
 * the framework could not resolve by itself, or is interrupted by
 * fw_uthread_kick().  On return ctx holds the user registers at that point
 * (for a syscall, rip is the address after the instruction and rax the
 * number).  Floating-point and vector state stays with the uthread; the
 * fw_uthread_fpstate_* calls below read and replace it between events.
 *
 * One task at a time may run a given uthread.  fw_user_enter() may sleep.
 */
#ifndef FW_USER_H
#define FW_USER_H

#include <fw/types.h>

struct fw_vm;
struct fw_uthread;				/* opaque */

/* The x86-64 user register file, in the order of the SysV/Linux pt_regs. */
struct fw_user_ctx {
	uint64_t	r15, r14, r13, r12, rbp, rbx, r11, r10;
	uint64_t	r9, r8, rax, rcx, rdx, rsi, rdi;
	uint64_t	rip, rflags, rsp;
	uint64_t	fs_base, gs_base;
};

enum fw_user_event_kind {
	FW_USER_SYSCALL,	/* abi tells which instruction made it */
	FW_USER_EXCEPTION,	/* trap, and for page faults addr and access */
	FW_USER_INTERRUPT,	/* fw_uthread_kick() or a timer: nothing to do */
};

enum fw_syscall_abi {
	FW_ABI_X86_64,		/* the syscall instruction, 64-bit */
	FW_ABI_VSYSCALL,	/* a call into the legacy vsyscall page: rax
				   holds the number (gettimeofday, time or
				   getcpu), rip already the return address */
	FW_ABI_OTHER,		/* x32 or an unknown ABI (the 32-bit gates,
				   int 0x80 among them, are a #GP, as on
				   Linux without IA32 emulation) */
};

/* x86 exception vectors, as the hardware numbers them. */
#define FW_TRAP_DE	0	/* divide error */
#define FW_TRAP_DB	1	/* debug, single step */
#define FW_TRAP_BP	3	/* int3 */
#define FW_TRAP_UD	6	/* invalid opcode */
#define FW_TRAP_GP	13	/* general protection */
#define FW_TRAP_PF	14	/* page fault */
#define FW_TRAP_MF	16	/* x87 floating point */
#define FW_TRAP_AC	17	/* alignment check */
#define FW_TRAP_XM	19	/* SIMD floating point */

struct fw_user_event {
	enum fw_user_event_kind	kind;
	enum fw_syscall_abi	abi;		/* FW_USER_SYSCALL */
	int			trap;		/* FW_USER_EXCEPTION: FW_TRAP_* */
	int			code;		/* the hardware error code */
	uint64_t		addr;		/* the faulting address (PF) */
	unsigned int		access;		/* FW_ACCESS_* (PF) */
	bool			present;	/* PF on a mapped page */
	uint64_t		user_ns;	/* ns this fw_user_enter()
						   spent in user mode */
};

/*
 * Creates a user thread in vm; *out gets it.  -ENOMEM, -EAGAIN; -EINVAL
 * for an heir still waiting for its space (fw_vm_new_heir()).
 */
FW_MUST_CHECK int	fw_uthread_new(struct fw_vm *vm,
			    struct fw_uthread **out);
/* Ends and frees a user thread that no task is running; NULL ok. */
void			fw_uthread_free(struct fw_uthread *t);
/*
 * Runs t in user mode from ctx until an event, which is stored in *ev.
 * 0, or -EIO when the backend lost the thread (the host process died):
 * the caller then treats the thread as killed.
 */
FW_MUST_CHECK int	fw_user_enter(struct fw_uthread *t,
			    struct fw_user_ctx *ctx, struct fw_user_event *ev);
/*
 * Makes a running or next fw_user_enter(t) return FW_USER_INTERRUPT soon.
 * Any task may call it while t exists; it never sleeps.
 */
void			fw_uthread_kick(struct fw_uthread *t);

/*
 * A thread's FP and vector state as x86-64 Linux stores it in a signal
 * frame: the XSAVE standard-format area (fw_cpu_xsave_size() bytes) whose
 * software bytes at offset 464 hold FP_XSTATE_MAGIC1, the sizes and the
 * enabled features, followed by FP_XSTATE_MAGIC2: fw_fpstate_size() bytes
 * in all.  Every call below is for the task running t, between events
 * (after an fw_user_enter() returned, before the next one).
 */
#define FW_FPSTATE_SW_OFF	464
#define FW_FP_XSTATE_MAGIC1	0x46505853u
#define FW_FP_XSTATE_MAGIC2	0x46505845u
/* The bytes of that layout on this machine; fixed at boot. */
size_t			fw_fpstate_size(void);
/*
 * Copies t's state into buf (len >= fw_fpstate_size()).  0; -EINVAL when
 * len is too small; -EIO when the backend lost the thread.
 */
FW_MUST_CHECK int	fw_uthread_fpstate_get(struct fw_uthread *t,
			    uint8_t *buf, size_t len);
/*
 * Makes buf (len >= fw_fpstate_size(), untrusted: from user memory) t's
 * state, checked as Linux's sigreturn checks it: without the software
 * bytes' magic only the legacy FXSAVE part is taken, the rest starts
 * afresh; a state the CPU would refuse (reserved MXCSR bits, a compacted or
 * non-zero reserved XSAVE header, features not enabled) is -EINVAL and
 * leaves t's state as it was.  -EIO when the backend lost the thread.
 */
FW_MUST_CHECK int	fw_uthread_fpstate_set(struct fw_uthread *t,
			    const uint8_t *buf, size_t len);
/* Gives t the initial state, as execve(2) and signal handlers start. */
FW_MUST_CHECK int	fw_uthread_fpstate_reset(struct fw_uthread *t);

#endif
