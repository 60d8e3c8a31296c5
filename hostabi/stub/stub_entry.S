/*
 * stub_entry.S: the stub's entry point and every instruction with which it
 * makes a host system call.  Each permitted call has its own `syscall`
 * instruction followed by a global label; the seccomp filters (stub_filter.c)
 * allow a call only from the address of its label, which is the
 * instruction pointer the kernel reports (the address after `syscall`).
 *
 * Gates used by guest threads (allowed by both filters):
 *	stub_futex, stub_restorer (rt_sigreturn), stub_exit, stub_arch_prctl,
 *	stub_yield (sched_yield)
 * Gates of the mm thread and of thread set-up (process filter only):
 *	the calls inside stub_mm_loop, stub_ts_* for a starting thread
 * stub_boot_trap always traps: it is how a new guest thread reports in.
 * stub_resume returns from an event into the guest without a system call.
 */
#include "stub_abi.h"

#define GATE(name, nr)				\
	.globl name;				\
	.type name, @function;			\
name:						\
	mov	%rcx, %r10;			\
	mov	$nr, %eax;			\
	syscall;				\
	.globl name##_ip;			\
name##_ip:					\
	ret

	.section .text.entry, "ax"
	.globl	_start
_start:
	mov	%rsp, %rdi		/* argc, argv, envp on the exec stack */
	lea	stub_boot_stack+STUB_BOOT_STACK(%rip), %rsp
	call	stub_main
	ud2

	.text
/* long stub_syscall6(nr, a1, ..., a5): only before any filter exists. */
	.globl	stub_syscall6
stub_syscall6:
	mov	%rdi, %rax
	mov	%rsi, %rdi
	mov	%rdx, %rsi
	mov	%rcx, %rdx
	mov	%r8, %r10
	mov	%r9, %r8
	mov	8(%rsp), %r9
	syscall
	ret

GATE(stub_futex, 202)
GATE(stub_exit, 60)
GATE(stub_arch_prctl, 158)
GATE(stub_yield, 24)
GATE(stub_ts_sigaltstack, 131)
GATE(stub_ts_sigprocmask, 14)
GATE(stub_ts_seccomp, 317)

	.globl	stub_restorer
stub_restorer:
	mov	$15, %eax
	syscall
	.globl	stub_restorer_ip
stub_restorer_ip:
	ud2

/*
 * void stub_resume(void *uc): returns into the context of signal frame uc
 * without rt_sigreturn, which costs a system call and a second pass over
 * the frame (about 0.4 us of the 1.8 a trap takes).  The handlers run with
 * the guest's signal mask (SA_NODEFER, empty sa_mask), so there is no mask
 * to restore; the alternate stack is the stub's own and stays as it is.
 * It loads the FP state with XRSTOR (FXRSTOR if the host writes FXSAVE
 * frames), copies the general registers below the frame, pops them and
 * ends with IRETQ, which loads rip, cs, rflags (the bits a sigreturn would
 * take, so TF single-steps as after one), rsp and ss at once: no word of
 * the guest's own stack is touched.
 *
 * A kick (STUB_KICK_SIG) that interrupts the stub on its signal stack is
 * kept in ctx->kick_pending and answered here, before the return: checked
 * first thing in [stub_resume_start, stub_resume_end), and a kick inside
 * that range starts the range over (stub.c), so none is lost.
 * A bad frame (only another guest thread can make one) faults in here, and
 * the simulator ends a process whose event comes from the stub's code.
 */
#define EFL_SIGRETURN	0x50dd5	/* AC RF OF DF TF SF ZF AF PF CF: Linux's
				   FIX_EFLAGS */
#define EFL_ALWAYS	0x202	/* IF and the reserved bit 1 */
#define RESUME_BLOCK	256	/* the register block, below the frame */
#define RESUME_STACK	512	/* our stack while in here, below that */

	.globl	stub_resume
	.type	stub_resume, @function
stub_resume:
	lea	-RESUME_STACK(%rdi), %rsp
	and	$-16, %rsp
	.globl	stub_resume_start
stub_resume_start:
	mov	%rdi, %rsi
	and	$-SLOT_SIZE, %rsi
	xor	%eax, %eax
	xchg	%eax, SLOT_CTX_OFF+STUB_CTX_KICK_OFF(%rsi)
	test	%eax, %eax
	jnz	3f
	mov	STUB_UC_FPREGS(%rdi), %rsi
	cmpl	$STUB_FX_MAGIC1, STUB_FX_MAGIC_OFF(%rsi)
	jne	1f
	mov	STUB_FX_XFEAT_OFF(%rsi), %eax
	mov	STUB_FX_XFEAT_OFF+4(%rsi), %edx
	xrstor64 (%rsi)
	jmp	2f
1:	fxrstor64 (%rsi)
	/* r8 ... rcx, then rip, cs, rflags, rsp, ss as IRETQ takes them */
2:	lea	-RESUME_BLOCK(%rdi), %rsi
	mov	$15, %ecx
4:	mov	STUB_UC_GREGS-8(%rdi,%rcx,8), %rax
	mov	%rax, -8(%rsi,%rcx,8)
	dec	%ecx
	jnz	4b
	mov	STUB_UC_RIP(%rdi), %rax
	mov	%rax, 120(%rsi)
	movzwl	STUB_UC_CS(%rdi), %eax
	or	$3, %eax
	mov	%rax, 128(%rsi)
	mov	STUB_UC_EFL(%rdi), %rax
	and	$EFL_SIGRETURN, %eax
	or	$EFL_ALWAYS, %eax
	mov	%rax, 136(%rsi)
	mov	STUB_UC_RSP(%rdi), %rax
	mov	%rax, 144(%rsi)
	mov	%ss, %rax
	mov	%rax, 152(%rsi)
	mov	%rsi, %rsp
	pop	%r8
	pop	%r9
	pop	%r10
	pop	%r11
	pop	%r12
	pop	%r13
	pop	%r14
	pop	%r15
	pop	%rdi
	pop	%rsi
	pop	%rbp
	pop	%rbx
	pop	%rdx
	pop	%rax
	pop	%rcx
	iretq
3:	call	stub_rekick		/* rdi = uc; rsp is 16-aligned */
	.globl	stub_resume_end
stub_resume_end:
	ud2

/* A new guest thread's first event: a system call from here traps. */
	.globl	stub_boot_trap
stub_boot_trap:
	mov	$39, %eax
	syscall
	.globl	stub_boot_trap_ip
stub_boot_trap_ip:
	ud2

/*
 * The mm thread: waits for a batch on the ring's doorbell (spinning for
 * ring->spin pauses first, then asleep), runs it, then publishes the
 * doorbell value in stub_done.done and wakes the simulator.
 * It keeps all its state in registers and reads only the ring, which no
 * guest thread can write; its proof of completion goes to physical memory
 * through fd 3 (see struct stub_done).
 *	rbx	STUB_RING		r12	doorbell value last done
 *	r13	ops left		r14	current op
 *	r15	STUB_DONE		rbp	failures in this batch
 *	ecx	pauses left to spin (only while waiting)
 */
	.globl	stub_mm_loop
stub_mm_loop:
	movabs	$STUB_RING, %rbx
	movabs	$STUB_DONE, %r15
	xor	%r12d, %r12d
1:	mov	STUB_RING_SPIN_OFF(%rbx), %ecx
11:	mov	(%rbx), %eax
	cmp	%r12d, %eax
	jne	2f
	test	%ecx, %ecx
	jz	12f
	dec	%ecx
	pause
	jmp	11b
12:	mov	%rbx, %rdi		/* futex(&ring->doorbell, FUTEX_WAIT, r12) */
	xor	%esi, %esi
	mov	%r12d, %edx
	xor	%r10d, %r10d
	mov	$202, %eax
	syscall
	.globl	stub_mm_wait_ip
stub_mm_wait_ip:
	xor	%ecx, %ecx		/* woken: no more spinning */
	jmp	11b
2:	mov	%eax, %r12d
	mov	8(%rbx), %r13
	mov	$STUB_RING_OPS_N, %eax
	cmp	%rax, %r13
	cmova	%rax, %r13
	lea	64(%rbx), %r14
	xor	%ebp, %ebp
3:	test	%r13, %r13
	jz	8f
	mov	(%r14), %eax		/* kind */
	mov	8(%r14), %rdi		/* va */
	mov	16(%r14), %rsi		/* len */
	mov	4(%r14), %edx		/* prot */
	cmp	$1, %eax
	je	4f
	cmp	$2, %eax
	je	5f
	cmp	$3, %eax
	je	6f
	cmp	$4, %eax
	je	7f
	cmp	$5, %eax
	je	13f
	inc	%rbp
	jmp	9f
4:	mov	$0x8011, %r10d		/* MAP_SHARED|MAP_FIXED|MAP_POPULATE */
	jmp	14f
13:	mov	$0x11, %r10d		/* MAP_SHARED|MAP_FIXED */
14:	mov	$3, %r8d
	mov	24(%r14), %r9
	mov	$9, %eax
	syscall
	.globl	stub_mm_mmap_ip
stub_mm_mmap_ip:
	jmp	10f
5:	mov	$11, %eax
	syscall
	.globl	stub_mm_munmap_ip
stub_mm_munmap_ip:
	jmp	10f
6:	mov	$10, %eax
	syscall
	.globl	stub_mm_mprotect_ip
stub_mm_mprotect_ip:
	jmp	10f
	/*
	 * clone(flags, stack, &ctx->tid, &ctx->tid, 0) for slot off; the child
	 * starts on the top of the slot's signal stack.
	 */
7:	mov	24(%r14), %rax
	shl	$16, %rax		/* off * SLOT_SIZE */
	movabs	$STUB_SLOTS, %rsi
	add	%rax, %rsi
	lea	SLOT_CTX_OFF+STUB_CTX_TID_OFF(%rsi), %rdx	/* &ctx->tid */
	mov	%rdx, %r10
	add	$SLOT_ALT_OFF+SLOT_ALT_SIZE, %rsi
	mov	$0x350f00, %edi		/* VM|FS|FILES|SIGHAND|THREAD|SYSVSEM|
					   PARENT_SETTID|CHILD_CLEARTID */
	xor	%r8d, %r8d
	mov	$56, %eax
	syscall
	.globl	stub_mm_clone_ip
stub_mm_clone_ip:
	test	%rax, %rax
	jnz	10f
	mov	%rsp, %rdi		/* child: the slot is below its stack */
	sub	$SLOT_ALT_OFF+SLOT_ALT_SIZE, %rdi
	call	stub_thread_main
	ud2
10:	cmp	$-4095, %rax
	jb	9f
	inc	%rbp
	mov	%rax, 16(%r15)		/* last_err */
9:	add	$32, %r14
	dec	%r13
	jmp	3b
8:	add	%rbp, 8(%r15)		/* nerr */
	mov	$3, %edi		/* pwrite64(3, &ring->doorbell, 4, proof) */
	mov	%rbx, %rsi
	mov	$4, %edx
	mov	STUB_RING_PROOF_OFF(%rbx), %r10
	mov	$18, %eax
	syscall
	.globl	stub_mm_pwrite_ip
stub_mm_pwrite_ip:
	mov	%r12d, (%r15)		/* done = doorbell: the hint */
	mov	%r15, %rdi		/* futex(&done->done, FUTEX_WAKE, INT_MAX) */
	mov	$1, %esi
	mov	$0x7fffffff, %edx
	mov	$202, %eax
	syscall
	.globl	stub_mm_wake_ip
stub_mm_wake_ip:
	jmp	1b

	.section .note.GNU-stack, "", @progbits
