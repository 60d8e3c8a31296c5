/*
 * proc/sigframe.c: the x86-64 signal frame (arch/x86/kernel/signal_64.c)
 * and rt_sigreturn(2), which takes it back.  The frame, from the new stack
 * pointer up:
 *
 *	+0	return address: the handler's sa_restorer
 *	+8	struct ucontext: flags, link, the alternate stack, the registers
 *		(struct sigcontext, whose fpstate points at the XSAVE image),
 *		the mask to restore
 *	+312	siginfo_t (written with SA_SIGINFO)
 *	above	the XSAVE image, 64-byte aligned
 *
 * It lies 128 bytes (the red zone) below the interrupted stack pointer, or
 * at the top of the alternate stack for an SA_ONSTACK handler when the
 * thread is not on it already; the stack pointer the handler starts with
 * is 8 modulo 16, as after a call.  Everything read back by rt_sigreturn
 * is the guest's and is checked: the flags it may not change are kept, a
 * bad FP image or an unreadable frame is SIGSEGV.
 *
 * Interface: sigframe_setup, sigframe_on_altstack (svc/signal.h);
 * sys_rt_sigreturn.  Locks: proc->lock for the mask; the registers and the
 * alternate stack are the thread's own.
 */
#include <fw/alloc.h>
#include <fw/errno.h>
#include <fw/log.h>
#include <fw/string.h>
#include <fw/uaccess.h>
#include <fw/user.h>
#include <svc/proc.h>
#include <svc/signal.h>
#include <svc/syscall.h>

#define REDZONE		128
#define USER_CS		0x33
#define USER_DS		0x2b
/* The flags user code may set (FIX_EFLAGS in signal.c). */
#define EFL_CF		0x0001
#define EFL_PF		0x0004
#define EFL_AF		0x0010
#define EFL_ZF		0x0040
#define EFL_SF		0x0080
#define EFL_TF		0x0100
#define EFL_DF		0x0400
#define EFL_OF		0x0800
#define EFL_RF		0x10000
#define EFL_AC		0x40000
#define FIX_EFLAGS	(EFL_AC | EFL_OF | EFL_DF | EFL_TF | EFL_SF | EFL_ZF | \
	EFL_AF | EFL_PF | EFL_CF | EFL_RF)

struct linux_rt_sigframe {
	uint64_t		pretcode;
	struct linux_ucontext	uc;
	struct linux_siginfo	info;
};
_Static_assert(sizeof(struct linux_rt_sigframe) == 440, "rt_sigframe");

bool
sigframe_on_altstack(const struct thread *t, uint64_t sp)
{
	return t->altstack_size != 0 && sp > t->altstack_sp &&
	    sp - t->altstack_sp <= t->altstack_size;
}

static void
sigframe_save_regs(const struct fw_user_ctx *c, struct linux_sigcontext *sc)
{
	sc->r8 = c->r8;		sc->r9 = c->r9;		sc->r10 = c->r10;
	sc->r11 = c->r11;	sc->r12 = c->r12;	sc->r13 = c->r13;
	sc->r14 = c->r14;	sc->r15 = c->r15;	sc->rdi = c->rdi;
	sc->rsi = c->rsi;	sc->rbp = c->rbp;	sc->rbx = c->rbx;
	sc->rdx = c->rdx;	sc->rax = c->rax;	sc->rcx = c->rcx;
	sc->rsp = c->rsp;	sc->rip = c->rip;	sc->eflags = c->rflags;
	sc->cs = USER_CS;
	sc->ss = USER_DS;
}

static void
sigframe_load_regs(const struct linux_sigcontext *sc, struct fw_user_ctx *c)
{
	c->r8 = sc->r8;		c->r9 = sc->r9;		c->r10 = sc->r10;
	c->r11 = sc->r11;	c->r12 = sc->r12;	c->r13 = sc->r13;
	c->r14 = sc->r14;	c->r15 = sc->r15;	c->rdi = sc->rdi;
	c->rsi = sc->rsi;	c->rbp = sc->rbp;	c->rbx = sc->rbx;
	c->rdx = sc->rdx;	c->rax = sc->rax;	c->rcx = sc->rcx;
	c->rsp = sc->rsp;	c->rip = sc->rip;
	c->rflags = (c->rflags & ~(uint64_t)FIX_EFLAGS) |
	    (sc->eflags & FIX_EFLAGS);
}

/*
 * Where the frame and the FP image go (get_sigframe): 0 with *frame and
 * *fp, or -EFAULT when the alternate stack would overflow.
 */
static int
sigframe_place(const struct thread *t, const struct linux_sigaction_k *ka,
    size_t fpsize, uint64_t *frame, uint64_t *fp)
{
	uint64_t sp = t->ctx.rsp;
	bool on = sigframe_on_altstack(t, sp), entering = false;

	sp -= REDZONE;
	if ((ka->flags & LINUX_SA_ONSTACK) && t->altstack_size != 0 &&
	    !sigframe_on_altstack(t, sp)) {
		sp = t->altstack_sp + t->altstack_size;
		entering = true;
	}
	sp = (sp - fpsize) & ~(uint64_t)63;
	*fp = sp;
	sp = ((sp - sizeof(struct linux_rt_sigframe)) & ~(uint64_t)15) - 8;
	if ((on && !sigframe_on_altstack(t, sp)) ||
	    (entering && sp < t->altstack_sp))
		return -EFAULT;
	*frame = sp;
	return 0;
}

int
sigframe_setup(struct thread *t, int sig, const struct linux_siginfo *info,
    const struct linux_sigaction_k *ka, uint64_t oldmask)
{
	struct fw_vm *vm = t->proc->vm;
	struct linux_rt_sigframe f;
	size_t fpsize = fw_fpstate_size();
	uint64_t frame, fp;
	uint8_t *img;
	int err;

	if (!(ka->flags & LINUX_SA_RESTORER))
		return -EFAULT;		/* x86-64 has no default restorer */
	if ((err = sigframe_place(t, ka, fpsize, &frame, &fp)) < 0)
		return err;
	if ((img = fw_alloc(fpsize)) == NULL)
		return -EFAULT;
	if ((err = fw_uthread_fpstate_get(t->uthread, img, fpsize)) == 0)
		err = fw_copy_to_user(vm, fw_uaddr(fp), img, fpsize);
	fw_free(img);
	if (err < 0)
		return -EFAULT;
	memset(&f, 0, sizeof(f));
	f.pretcode = ka->restorer;
	f.uc.uc_flags = LINUX_UC_FP_XSTATE | LINUX_UC_SIGCONTEXT_SS |
	    LINUX_UC_STRICT_RESTORE_SS;
	f.uc.uc_stack.ss_sp = t->altstack_sp;
	f.uc.uc_stack.ss_flags = t->altstack_flags;
	f.uc.uc_stack.ss_size = t->altstack_size;
	sigframe_save_regs(&t->ctx, &f.uc.uc_mcontext);
	f.uc.uc_mcontext.err = t->fault_err;
	f.uc.uc_mcontext.trapno = t->fault_trap;
	f.uc.uc_mcontext.cr2 = t->fault_addr;
	f.uc.uc_mcontext.oldmask = oldmask;
	f.uc.uc_mcontext.fpstate = fp;
	f.uc.uc_sigmask = oldmask;
	if (ka->flags & LINUX_SA_SIGINFO)
		f.info = *info;
	if (fw_copy_to_user(vm, fw_uaddr(frame), &f, sizeof(f)) < 0)
		return -EFAULT;
	if (fw_uthread_fpstate_reset(t->uthread) < 0)
		return -EFAULT;
	if (t->altstack_flags & (int)LINUX_SS_AUTODISARM) {
		t->altstack_sp = t->altstack_size = 0;
		t->altstack_flags = LINUX_SS_DISABLE;
	}
	t->ctx.rdi = (uint64_t)sig;
	t->ctx.rax = 0;
	t->ctx.rsi = frame + __builtin_offsetof(struct linux_rt_sigframe, info);
	t->ctx.rdx = frame + __builtin_offsetof(struct linux_rt_sigframe, uc);
	t->ctx.rip = ka->handler;
	t->ctx.rsp = frame;
	t->ctx.rflags &= ~(uint64_t)(EFL_DF | EFL_RF | EFL_TF);
	return 0;
}

/* Loads the FP image at fp (0: the initial state); -EFAULT if bad. */
static int
sigframe_restore_fp(struct thread *t, uint64_t fp)
{
	size_t fpsize = fw_fpstate_size();
	uint8_t *img;
	int err;

	if (fp == 0)
		return fw_uthread_fpstate_reset(t->uthread) < 0 ? -EFAULT : 0;
	if ((img = fw_alloc(fpsize)) == NULL)
		return -EFAULT;
	if ((err = fw_copy_from_user(t->proc->vm, img, fw_uaddr(fp),
	    fpsize)) == 0)
		err = fw_uthread_fpstate_set(t->uthread, img, fpsize);
	fw_free(img);
	return err < 0 ? -EFAULT : 0;
}

/*
 * The alternate stack saved in the frame comes back as sigaltstack(2)
 * would set it; like Linux, a value it refuses is ignored.
 */
static void
sigframe_restore_altstack(struct thread *t, const struct linux_stack *ss)
{
	uint32_t mode = (uint32_t)ss->ss_flags & ~LINUX_SS_AUTODISARM;

	if (sigframe_on_altstack(t, t->ctx.rsp))
		return;
	if (mode == LINUX_SS_DISABLE) {
		t->altstack_sp = t->altstack_size = 0;
		t->altstack_flags = ss->ss_flags;
	} else if ((mode == 0 || mode == LINUX_SS_ONSTACK) &&
	    ss->ss_size >= LINUX_MINSIGSTKSZ) {
		t->altstack_sp = ss->ss_sp;
		t->altstack_size = ss->ss_size;
		t->altstack_flags = ss->ss_flags;
	}
}

/*
 * rt_sigreturn(): the handler returned through sa_restorer, so rsp is 8
 * above the frame.  Returns the restored rax, which the dispatcher writes
 * back unchanged; the call is never restarted.
 */
SYSCALL(rt_sigreturn)
{
	struct proc *p = t->proc;
	struct linux_ucontext uc;
	uint64_t frame = t->ctx.rsp - 8;

	(void)a;
	t->sys_nr = -1;
	if (fw_copy_from_user(p->vm, &uc, fw_uaddr(frame + 8),
	    sizeof(uc)) < 0)
		goto bad;
	fw_mutex_lock(&p->lock);
	t->sigmask = uc.uc_sigmask & ~SIG_UNBLOCKABLE;
	fw_mutex_unlock(&p->lock);
	sigframe_load_regs(&uc.uc_mcontext, &t->ctx);
	if (sigframe_restore_fp(t, uc.uc_mcontext.fpstate) < 0)
		goto bad;
	sigframe_restore_altstack(t, &uc.uc_stack);
	return (long)t->ctx.rax;
bad:
	fw_log(FW_LOG_DEBUG, "tid %d: bad sigreturn frame", t->tid);
	signal_force(t, LINUX_SIGSEGV, LINUX_SI_KERNEL, 0);
	return (long)t->ctx.rax;
}
