/*
 * arch/x86_64/user_entry.S: entering user mode and coming back (uthread.h).
 *
 * x86_user_run(ctx, sysret) saves the kernel's callee-saved registers and
 * stack pointer, loads every register from the struct fw_user_ctx and
 * enters user mode with SYSRET (when uthread.c found it safe: rcx = rip,
 * r11 = rflags, rip canonical and low, no TF or RF) or else IRET.  It
 * "returns" when user mode next traps: the SYSCALL entry below stores the
 * registers into the same context and returns X86_USER_SYSCALL; the trap
 * path stores them (uthread.c) and calls x86_user_exit(code).
 *
 * The kernel stack pointer and the context live in the CPU's struct
 * x86_percpu (cpu.h), reached through GS under the SWAPGS discipline told
 * there: the user's GS base waits in MSR_KERNEL_GS_BASE, the last act
 * before SYSRET or IRET is SWAPGS, and so is the first of the SYSCALL
 * entry.  SYSCALL leaves interrupts masked (FMASK) and the user's stack in
 * rsp, so the entry switches to the context at once.
 */
#define C_R15		0
#define C_R14		8
#define C_R13		16
#define C_R12		24
#define C_RBP		32
#define C_RBX		40
#define C_R11		48
#define C_R10		56
#define C_R9		64
#define C_R8		72
#define C_RAX		80
#define C_RCX		88
#define C_RDX		96
#define C_RSI		104
#define C_RDI		112
#define C_RIP		120
#define C_RFLAGS	128
#define C_RSP		136

#define SEL_USER_DS	0x2b
#define SEL_USER_CS	0x33

#define PC_KERNEL_RSP	8
#define PC_USER_CTX	16
#define PC_USER_RSP	24

	.text
/* int x86_user_run(struct fw_user_ctx *ctx, int sysret) */
	.globl	x86_user_run
x86_user_run:
	pushq	%rbp
	pushq	%rbx
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	movq	%rsp, %gs:PC_KERNEL_RSP
	movq	%rdi, %gs:PC_USER_CTX
	testl	%esi, %esi
	jz	1f
	movq	C_R15(%rdi), %r15
	movq	C_R14(%rdi), %r14
	movq	C_R13(%rdi), %r13
	movq	C_R12(%rdi), %r12
	movq	C_RBP(%rdi), %rbp
	movq	C_RBX(%rdi), %rbx
	movq	C_R10(%rdi), %r10
	movq	C_R9(%rdi), %r9
	movq	C_R8(%rdi), %r8
	movq	C_RAX(%rdi), %rax
	movq	C_RDX(%rdi), %rdx
	movq	C_RSI(%rdi), %rsi
	movq	C_RIP(%rdi), %rcx
	movq	C_RFLAGS(%rdi), %r11
	movq	C_RSP(%rdi), %rsp
	movq	C_RDI(%rdi), %rdi
	swapgs
	sysretq
1:	pushq	$SEL_USER_DS
	pushq	C_RSP(%rdi)
	pushq	C_RFLAGS(%rdi)
	pushq	$SEL_USER_CS
	pushq	C_RIP(%rdi)
	movq	C_R15(%rdi), %r15
	movq	C_R14(%rdi), %r14
	movq	C_R13(%rdi), %r13
	movq	C_R12(%rdi), %r12
	movq	C_RBP(%rdi), %rbp
	movq	C_RBX(%rdi), %rbx
	movq	C_R11(%rdi), %r11
	movq	C_R10(%rdi), %r10
	movq	C_R9(%rdi), %r9
	movq	C_R8(%rdi), %r8
	movq	C_RAX(%rdi), %rax
	movq	C_RCX(%rdi), %rcx
	movq	C_RDX(%rdi), %rdx
	movq	C_RSI(%rdi), %rsi
	movq	C_RDI(%rdi), %rdi
	swapgs
	iretq

/* The SYSCALL entry (MSR_LSTAR): rcx = the user's rip, r11 its rflags. */
	.globl	x86_syscall_entry
x86_syscall_entry:
	swapgs
	movq	%rsp, %gs:PC_USER_RSP
	movq	%gs:PC_USER_CTX, %rsp
	movq	%r15, C_R15(%rsp)
	movq	%r14, C_R14(%rsp)
	movq	%r13, C_R13(%rsp)
	movq	%r12, C_R12(%rsp)
	movq	%rbp, C_RBP(%rsp)
	movq	%rbx, C_RBX(%rsp)
	movq	%r11, C_R11(%rsp)
	movq	%r10, C_R10(%rsp)
	movq	%r9, C_R9(%rsp)
	movq	%r8, C_R8(%rsp)
	movq	%rax, C_RAX(%rsp)
	movq	%rcx, C_RCX(%rsp)
	movq	%rdx, C_RDX(%rsp)
	movq	%rsi, C_RSI(%rsp)
	movq	%rdi, C_RDI(%rsp)
	movq	%rcx, C_RIP(%rsp)
	movq	%r11, C_RFLAGS(%rsp)
	movq	%gs:PC_USER_RSP, %rax
	movq	%rax, C_RSP(%rsp)
	xorl	%eax, %eax			/* X86_USER_SYSCALL */
	jmp	back

/* void x86_user_exit(int code): the trap path, the context stored and
 * GS the kernel's again (entry.S). */
	.globl	x86_user_exit
x86_user_exit:
	movl	%edi, %eax
back:
	movq	%gs:PC_KERNEL_RSP, %rsp
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbx
	popq	%rbp
	ret

	.section .note.GNU-stack, "", @progbits
