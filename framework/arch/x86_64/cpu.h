/*
 * arch/x86_64/cpu.h: the CPU's features and its FP/vector unit on bare
 * metal.  x86_cpu_init() enables SSE and, where the CPU has it, XSAVE with
 * the x87, SSE and AVX components (XCR0), the SYSCALL instruction (STAR,
 * LSTAR, FMASK) and SMEP; the kernel itself never touches FP registers
 * (-mgeneral-regs-only), so they hold some user thread's state.  Boot CPU
 * only so far.
 *
 * Per-CPU data lives in a struct x86_percpu reached through GS.  The
 * SWAPGS discipline: in kernel mode MSR_GS_BASE holds the CPU's block and
 * MSR_KERNEL_GS_BASE the user's GS base; every entry from user mode (the
 * SYSCALL entry, a trap whose saved CS has RPL 3) executes SWAPGS first,
 * and every return to user mode executes it last.  Only the entry paths
 * in assembly and x86_percpu() use %gs, and nothing an NMI runs calls
 * x86_percpu(), so an NMI in the window between a SWAPGS and the SYSRET
 * or IRET after it does no harm.
 */
#ifndef X86_CPU_H
#define X86_CPU_H

#include <stdbool.h>
#include <stdint.h>

/* One CPU's block; the offsets are the assembly's (user_entry.S). */
struct x86_percpu {
	struct x86_percpu	*self;		/* PC_SELF 0 */
	uint64_t		 kernel_rsp;	/* PC_KERNEL_RSP 8 */
	void			*user_ctx;	/* PC_USER_CTX 16 */
	uint64_t		 user_rsp;	/* PC_USER_RSP 24: scratch */
	uint32_t		 id;		/* PC_ID 32 */
};

/* The boot CPU's setup; afterwards GS holds its struct x86_percpu. */
void	x86_cpu_init(void);
/* This CPU's block, read through GS (kernel mode only). */
struct x86_percpu *x86_percpu(void);
/* Whether SMAP is on: then user pages are reached only between stac/clac. */
bool	x86_cpu_smap(void);
/* Saves the FP/vector registers to area (hal_cpu_xsave_size() bytes,
 * 64-byte aligned), or loads them from it. */
void	x86_fpu_save(uint8_t *area);
void	x86_fpu_load(const uint8_t *area);
/* Writes an initial state (FCW 0x37f, MXCSR 0x1f80, nothing else) to area. */
void	x86_fpu_init_area(uint8_t *area);

#endif
