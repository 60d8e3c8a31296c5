/*
 * arch/x86_64/extable.h: the exception table.  An instruction that may
 * fault on purpose (a probe, later the user copies) lists itself with the
 * address to resume at, in section .ex_table (kernel.ld); a #PF or #GP in
 * kernel mode at a listed instruction resumes there instead of panicking.
 *
 * In assembly:  1: movq (%rdi), %rax   ...   EX_ENTRY(1b, fixup)
 */
#ifndef X86_EXTABLE_H
#define X86_EXTABLE_H

#ifdef __ASSEMBLER__
#define EX_ENTRY(insn, fixup)			\
	.pushsection .ex_table, "a";		\
	.balign 8;				\
	.quad insn, fixup;			\
	.popsection
#else
#include <stdint.h>

/* The fixup for a faulting instruction at rip, or 0 if none. */
uint64_t	x86_extable_find(uint64_t rip);
/*
 * Reads the 8 bytes at addr into *out: 0, or -EFAULT if that faults.  The
 * kernel-mode self-test of the table; the user copies come next.
 */
int		x86_probe_read64(uint64_t addr, uint64_t *out);
/* Writes v to the 8 bytes at addr: 0, or -EFAULT if that faults. */
int		x86_probe_write64(uint64_t addr, uint64_t v);
#endif

#endif
