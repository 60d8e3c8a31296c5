/*
 * uapi/signal.h: signal numbers, the kernel's struct sigaction, stack_t
 * and the si_code values a fault reports, for x86-64
 * (arch/x86/include/uapi/asm/signal.h, include/uapi/asm-generic/siginfo.h).
 */
#ifndef UAPI_SIGNAL_H
#define UAPI_SIGNAL_H

#include <fw/types.h>

#define LINUX_SIGHUP	1
#define LINUX_SIGINT	2
#define LINUX_SIGQUIT	3
#define LINUX_SIGILL	4
#define LINUX_SIGTRAP	5
#define LINUX_SIGABRT	6
#define LINUX_SIGBUS	7
#define LINUX_SIGFPE	8
#define LINUX_SIGKILL	9
#define LINUX_SIGUSR1	10
#define LINUX_SIGSEGV	11
#define LINUX_SIGUSR2	12
#define LINUX_SIGPIPE	13
#define LINUX_SIGALRM	14
#define LINUX_SIGTERM	15
#define LINUX_SIGSTKFLT	16
#define LINUX_SIGCHLD	17
#define LINUX_SIGCONT	18
#define LINUX_SIGSTOP	19
#define LINUX_SIGTSTP	20
#define LINUX_SIGTTIN	21
#define LINUX_SIGTTOU	22
#define LINUX_SIGURG	23
#define LINUX_SIGXCPU	24
#define LINUX_SIGXFSZ	25
#define LINUX_SIGVTALRM	26
#define LINUX_SIGPROF	27
#define LINUX_SIGWINCH	28
#define LINUX_SIGIO	29
#define LINUX_SIGPWR	30
#define LINUX_SIGSYS	31
#define LINUX_SIGRTMIN	32
#define LINUX_NSIG	64

/* The bit of signal sig in a 64-bit sigset_t. */
#define LINUX_SIGBIT(sig)	(1ULL << ((sig) - 1))

/* The kernel's struct sigaction on x86-64 (not glibc's). */
struct linux_sigaction_k {
	uint64_t	handler, flags, restorer, mask;
};
_Static_assert(sizeof(struct linux_sigaction_k) == 32, "sigaction");

#define LINUX_SIG_DFL		0
#define LINUX_SIG_IGN		1

#define LINUX_SIG_BLOCK		0
#define LINUX_SIG_UNBLOCK	1
#define LINUX_SIG_SETMASK	2

/* stack_t of sigaltstack(2). */
struct linux_stack {
	uint64_t	ss_sp;
	int32_t		ss_flags;
	int32_t		pad;
	uint64_t	ss_size;
};
_Static_assert(sizeof(struct linux_stack) == 24, "stack_t");

#define LINUX_SS_ONSTACK	1
#define LINUX_SS_DISABLE	2
#define LINUX_SS_AUTODISARM	(1U << 31)
#define LINUX_MINSIGSTKSZ	2048

/* sa_flags (SA_NOCLDWAIT is in uapi/wait.h). */
#define LINUX_SA_NOCLDSTOP	0x00000001ULL
#define LINUX_SA_SIGINFO	0x00000004ULL
#define LINUX_SA_RESTORER	0x04000000ULL
#define LINUX_SA_ONSTACK	0x08000000ULL
#define LINUX_SA_RESTART	0x10000000ULL
#define LINUX_SA_NODEFER	0x40000000ULL
#define LINUX_SA_RESETHAND	0x80000000ULL

/*
 * siginfo_t: 128 bytes; the union after the first three ints is 8-byte
 * aligned.  One layout covers the fields Trellis fills: pid and uid (kill,
 * rt_sigqueueinfo, SIGCHLD), the fault address, timer ids, and the value
 * or SIGCHLD status at 24; SIGCHLD's utime and stime follow at 32 and 40.
 */
struct linux_siginfo {
	int32_t		signo, err, code, pad;
	union {
		struct {
			int32_t		pid;	/* or the timer id */
			uint32_t	uid;	/* or the overrun */
			uint64_t	value;	/* sigval, or SIGCHLD status */
			int64_t		utime, stime;
		} proc;
		uint64_t	addr;		/* faults */
		uint8_t		raw[112];
	} u;
};
_Static_assert(sizeof(struct linux_siginfo) == 128, "siginfo_t");

/* struct sigcontext of x86-64 (arch/x86/include/uapi/asm/sigcontext.h). */
struct linux_sigcontext {
	uint64_t	r8, r9, r10, r11, r12, r13, r14, r15;
	uint64_t	rdi, rsi, rbp, rbx, rdx, rax, rcx, rsp, rip, eflags;
	uint16_t	cs, gs, fs, ss;
	uint64_t	err, trapno, oldmask, cr2;
	uint64_t	fpstate;		/* user address of the XSAVE image */
	uint64_t	reserved1[8];
};
_Static_assert(sizeof(struct linux_sigcontext) == 256, "sigcontext");

/* The kernel's struct ucontext (its sigset is 8 bytes, unlike glibc's). */
struct linux_ucontext {
	uint64_t		uc_flags;
	uint64_t		uc_link;
	struct linux_stack	uc_stack;
	struct linux_sigcontext	uc_mcontext;
	uint64_t		uc_sigmask;
};
_Static_assert(sizeof(struct linux_ucontext) == 304, "ucontext");

#define LINUX_UC_FP_XSTATE		0x1
#define LINUX_UC_SIGCONTEXT_SS		0x2
#define LINUX_UC_STRICT_RESTORE_SS	0x4

/* si_code values. */
#define LINUX_SI_USER		0
#define LINUX_SI_QUEUE		(-1)
#define LINUX_SI_TIMER		(-2)
#define LINUX_SI_TKILL		(-6)
#define LINUX_SI_KERNEL		0x80
#define LINUX_SEGV_MAPERR	1
#define LINUX_SEGV_ACCERR	2
#define LINUX_BUS_ADRALN	1
#define LINUX_BUS_ADRERR	2
#define LINUX_ILL_ILLOPN	2
#define LINUX_FPE_INTDIV	1
#define LINUX_FPE_FLTINV	7
#define LINUX_TRAP_BRKPT	1
#define LINUX_TRAP_TRACE	2
#define LINUX_CLD_TRAPPED	4
#define LINUX_CLD_STOPPED	5
#define LINUX_CLD_CONTINUED	6

#endif
