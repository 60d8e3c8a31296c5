/*
 * arch/x86_64/switch.S: kernel stack switching (hal/cpu.h).
 *
 * A saved stack holds, from its stack pointer up: r15 r14 r13 r12 rbx rbp
 * and the return address, so hal_switch() is push, swap, pop, ret.  Only
 * the callee-saved registers of the SysV ABI need saving, because
 * hal_switch() is an ordinary call to its callers.
 *
 * hal_stack_init() builds the same frame on a fresh stack with r12 = entry,
 * r13 = arg and the return address pointing at task_trampoline, which calls
 * entry(arg) with rsp 16-byte aligned at the call, as a normal call would.
 */
	.text

/* void hal_switch(void **save_sp, void *new_sp) */
	.globl	hal_switch
	.type	hal_switch, @function
hal_switch:
	.cfi_startproc
	pushq	%rbp
	pushq	%rbx
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	movq	%rsp, (%rdi)
	movq	%rsi, %rsp
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbx
	popq	%rbp
	ret
	.cfi_endproc
	.size	hal_switch, .-hal_switch

/*
 * The first code a new stack runs.  rbp is zero, ending frame-pointer
 * backtraces here; entry never returns, and ud2 catches it if it does.
 */
	.type	task_trampoline, @function
task_trampoline:
	.cfi_startproc
	.cfi_undefined rip
	movq	%r13, %rdi
	call	*%r12
	ud2
	.cfi_endproc
	.size	task_trampoline, .-task_trampoline

/*
 * void *hal_stack_init(void *base, size_t size, void (*entry)(void *),
 *     void *arg)
 * The top is aligned down to 16 and 16 bytes are left above the frame (a
 * zero slot where a caller's return address would be), so after the ret
 * into task_trampoline rsp is 16-byte aligned.
 */
	.globl	hal_stack_init
	.type	hal_stack_init, @function
hal_stack_init:
	.cfi_startproc
	leaq	(%rdi,%rsi), %rax
	andq	$-16, %rax
	subq	$16, %rax
	movq	$0, 8(%rax)
	movq	$0, (%rax)
	leaq	task_trampoline(%rip), %r8
	movq	%r8, -8(%rax)		/* return address */
	movq	$0, -16(%rax)		/* rbp */
	movq	$0, -24(%rax)		/* rbx */
	movq	%rdx, -32(%rax)		/* r12: entry */
	movq	%rcx, -40(%rax)		/* r13: arg */
	movq	$0, -48(%rax)		/* r14 */
	movq	$0, -56(%rax)		/* r15 */
	subq	$56, %rax
	ret
	.cfi_endproc
	.size	hal_stack_init, .-hal_stack_init

	.section .note.GNU-stack, "", @progbits
