/*
 * arch/x86_64/entry.S: the 256 interrupt and exception entries and their
 * common path (trap.h).  Each entry pushes a zero where the CPU pushes no
 * error code (all vectors but 8, 10-14, 17, 21, 29 and 30), then its
 * vector, and joins x86_trap_common, which saves the general registers,
 * calls x86_trap() with the frame and returns with iretq.  The entries'
 * addresses form x86_trap_stub_table for the IDT.
 *
 * A trap from user mode (RPL 3 in the saved CS) executes SWAPGS before
 * anything else and, when it returns to user mode here (an NMI, a spurious
 * interrupt), again just before the IRET (cpu.h).  The flags are reset to
 * the kernel's (DF and AC clear), as an interrupt gate clears only IF and
 * TF, and the user may have set AC to lift SMAP.
 *
 * In 64-bit mode the CPU aligns the stack to 16 bytes before it pushes
 * its 5 words, so after the 17 pushed here the call happens on a
 * 16-byte-aligned stack, as the ABI wants.
 */
#include "arch/x86_64/extable.h"

	.section .rodata
	.balign 8
	.globl	x86_trap_stub_table
x86_trap_stub_table:

	.text
	.altmacro
	.macro	trap_stub vec
	.balign 16
1:
	.if (\vec == 8) || ((\vec >= 10) && (\vec <= 14)) || (\vec == 17) \
	    || (\vec == 21) || (\vec == 29) || (\vec == 30)
	.else
	pushq	$0
	.endif
	pushq	$\vec
	jmp	x86_trap_common
	.pushsection .rodata
	.quad	1b
	.popsection
	.endm

	.set	vec, 0
	.rept	256
	trap_stub %vec
	.set	vec, vec + 1
	.endr

x86_trap_common:
	testb	$3, 24(%rsp)		/* the saved CS */
	jz	1f
	swapgs
1:	pushq	%rax
	pushq	%rbx
	pushq	%rcx
	pushq	%rdx
	pushq	%rsi
	pushq	%rdi
	pushq	%rbp
	pushq	%r8
	pushq	%r9
	pushq	%r10
	pushq	%r11
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	pushq	$2			/* IF, DF, AC and the rest clear */
	popfq
	movq	%rsp, %rdi
	call	x86_trap
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%r11
	popq	%r10
	popq	%r9
	popq	%r8
	popq	%rbp
	popq	%rdi
	popq	%rsi
	popq	%rdx
	popq	%rcx
	popq	%rbx
	popq	%rax
	addq	$16, %rsp		/* the vector and the error code */
	testb	$3, 8(%rsp)
	jz	2f
	swapgs
2:	iretq

/* int x86_probe_read64(uint64_t addr, uint64_t *out): extable.h */
	.globl	x86_probe_read64
x86_probe_read64:
2:	movq	(%rdi), %rax
	movq	%rax, (%rsi)
	xorl	%eax, %eax
	ret
3:	movl	$-14, %eax		/* -EFAULT */
	ret
	EX_ENTRY(2b, 3b)

/* int x86_probe_write64(uint64_t addr, uint64_t v): extable.h */
	.globl	x86_probe_write64
x86_probe_write64:
4:	movq	%rsi, (%rdi)
	xorl	%eax, %eax
	ret
5:	movl	$-14, %eax		/* -EFAULT */
	ret
	EX_ENTRY(4b, 5b)

	.section .note.GNU-stack, "", @progbits
