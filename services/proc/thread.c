/*
 * proc/thread.c: the life of a user thread.  Each thread is one kernel
 * task running
 *	for (;;) { fw_user_enter(); handle the syscall, fault or kick; }
 * with the delivery point (signal_work) before every entry, until its
 * process exits; the last thread to leave releases the process's resources
 * and leaves it a zombie for its parent (proc/tree.c).  Faults the memory
 * map cannot resolve become signals forced on the thread, as on Linux.
 *
 * Interface: thread_start (svc/proc.h).
 * Locks: proc->lock for the exit fields and the thread list; t->ctx is the
 * task's own.
 */
#include <fw/alloc.h>
#include <fw/errno.h>
#include <fw/log.h>
#include <fw/task.h>
#include <fw/timer.h>
#include <fw/user.h>
#include <fw/vm.h>
#include <fw/uaccess.h>
#include <svc/file.h>
#include <svc/futex.h>
#include <svc/ktimer.h>
#include <svc/mm.h>
#include <svc/proc.h>
#include <svc/syscall.h>
#include <svc/vfs.h>
#include <uapi/signal.h>
#include <uapi/unistd_64.h>

/* A page fault: resolved by the memory map, or SIGSEGV. */
static void
thread_page_fault(struct thread *t, const struct fw_user_event *ev)
{
	struct mm *mm = t->proc->mm;
	int err;

	if ((err = mm_fault(mm, mm->vm, fw_uaddr(ev->addr), ev->access)) == 0) {
		fw_vm_prefault(mm->vm, fw_uaddr(ev->addr), ev->access);
		atomic_fetch_add(&t->minflt, 1);
		return;
	}
	if (err == -EIO) {		/* a file page past the file's end */
		signal_force(t, LINUX_SIGBUS, LINUX_BUS_ADRERR, ev->addr);
		return;
	}
	fw_log(FW_LOG_DEBUG, "tid %d: page fault at %llx (ip %llx): %d",
	    t->tid, (unsigned long long)ev->addr,
	    (unsigned long long)t->ctx.rip, err);
	signal_force(t, LINUX_SIGSEGV, mm_has_vma(mm, ev->addr) ?
	    LINUX_SEGV_ACCERR : LINUX_SEGV_MAPERR, ev->addr);
}

/* Maps an exception to its signal as arch/x86/kernel/traps.c does. */
static void
thread_exception(struct thread *t, const struct fw_user_event *ev)
{
	uint64_t ip = t->ctx.rip;

	t->fault_trap = (uint64_t)ev->trap;
	t->fault_err = (uint64_t)(uint32_t)ev->code;
	if (ev->trap == FW_TRAP_PF)
		t->fault_addr = ev->addr;
	switch (ev->trap) {
	case FW_TRAP_PF:
		thread_page_fault(t, ev);
		break;
	case FW_TRAP_UD:
		signal_force(t, LINUX_SIGILL, LINUX_ILL_ILLOPN, ip);
		break;
	case FW_TRAP_DE:
		signal_force(t, LINUX_SIGFPE, LINUX_FPE_INTDIV, ip);
		break;
	case FW_TRAP_MF:
	case FW_TRAP_XM:
		/* The exact FPE_* needs the FPU status; approximated. */
		signal_force(t, LINUX_SIGFPE, LINUX_FPE_FLTINV, ip);
		break;
	case FW_TRAP_BP:
		signal_force(t, LINUX_SIGTRAP, LINUX_SI_KERNEL, 0);
		break;
	case FW_TRAP_DB:
		signal_force(t, LINUX_SIGTRAP, LINUX_TRAP_TRACE, ip);
		break;
	case FW_TRAP_AC:
		signal_force(t, LINUX_SIGBUS, LINUX_BUS_ADRALN, ev->addr);
		break;
	default:			/* #GP and everything else */
		fw_log(FW_LOG_DEBUG, "tid %d: trap %d code %x at %llx",
		    t->tid, (int)ev->trap, (unsigned int)ev->code,
		    (unsigned long long)ip);
		signal_force(t, LINUX_SIGSEGV, LINUX_SI_KERNEL, 0);
		break;
	}
}

/*
 * A system call.  The legacy vsyscall page offers gettimeofday, time and
 * getcpu only (the framework leaves the number in rax); a call to anything
 * else there is a SIGSEGV, as with Linux's vsyscall=emulate.  int 0x80 and
 * x32 are not supported: ENOSYS.
 */
static void
thread_syscall(struct thread *t, const struct fw_user_event *ev)
{
	switch (ev->abi) {
	case FW_ABI_X86_64:
		syscall_dispatch(t);
		break;
	case FW_ABI_VSYSCALL:
		if (t->ctx.rax == LINUX_NR_gettimeofday ||
		    t->ctx.rax == LINUX_NR_time || t->ctx.rax == LINUX_NR_getcpu)
			syscall_dispatch(t);
		else
			signal_force(t, LINUX_SIGSEGV, LINUX_SI_KERNEL, 0);
		break;
	default:
		t->ctx.rax = (uint64_t)-ENOSYS;
		break;
	}
}

/* Traces the end like strace: "+++ exited with 0 +++". */
static void
thread_trace_end(int ws)
{
	int sig = ws & 0x7f;

	if (!strace_on())
		return;
	if (sig == 0)
		fw_trace("+++ exited with %d +++", (ws >> 8) & 0xff);
	else
		fw_trace("+++ killed by %s%s +++", sig_name(sig),
		    (ws & 0x80) ? " (core dumped)" : "");
}

/* Releases the process's resources when its last thread is gone. */
static void
proc_release(struct proc *p)
{
	struct mm *mm;
	struct fw_vm *vm;
	struct fdtable *fds;
	struct fs_struct *fs;
	struct file *exe;
	bool denied;

	fw_mutex_lock(&p->lock);
	proc_note_maxrss(p);
	exe = p->exe;
	denied = p->exe_denied;
	p->exe = NULL;
	p->exe_denied = false;
	mm = p->mm, vm = p->vm, fds = p->fds, fs = p->fs;
	p->mm = NULL, p->vm = NULL, p->fds = NULL, p->fs = NULL;
	fw_mutex_unlock(&p->lock);
	ktimer_exit(p);			/* none may signal p any more */
	proc_vfork_release(p);
	fdtable_unref(fds);
	fs_struct_unref(fs);
	if (denied)
		file_allow_write(exe);
	file_unref(exe);
	mm_free(mm);
	fw_vm_unref(vm);
	thread_trace_end(p->exit_code);
	atomic_store(&p->dead, true);
	fw_waitq_wake_all(&p->exit_wq);
	proc_make_zombie(p);		/* the parent may free p from here on */
}

/* CLONE_CHILD_CLEARTID: zero the word, wake one waiter on it. */
static void
thread_clear_tid(struct thread *t)
{
	fw_uaddr_t a = fw_uaddr(t->clear_child_tid);
	uint32_t zero = 0;

	if (fw_copy_to_user(t->proc->vm, a, &zero, sizeof(zero)) < 0)
		return;
	if (futex_wake_private(t->proc, a.v, 1) < 0)
		return;			/* nobody to wake, or a bad word */
}

/*
 * The end of a thread (kernel/exit.c, mm_release): its robust futexes are
 * marked dead, and CLONE_CHILD_CLEARTID's word is zeroed and woken, which
 * is how pthread_join learns of it.  A fault here only stops that step.
 */
static void
thread_exit(struct thread *t)
{
	struct proc *p = t->proc;
	struct fw_uthread *ut;

	futex_exit_robust(t);
	if (t->clear_child_tid != 0)
		thread_clear_tid(t);
	fw_mutex_lock(&p->lock);
	ut = t->uthread;
	t->uthread = NULL;			/* no more kicks */
	fw_mutex_unlock(&p->lock);
	fw_uthread_free(ut);
	if (thread_free(t))
		proc_release(p);
}

/*
 * sched_setaffinity(2) changed t's mask: its task takes it and moves now
 * (the mask was checked against the CPUs when it was set).
 */
static void
thread_apply_cpus(struct thread *t)
{
	uint64_t cpus;

	fw_mutex_lock(&t->proc->lock);
	cpus = t->cpus;
	fw_mutex_unlock(&t->proc->lock);
	if (fw_task_set_cpus(cpus != 0 ? cpus : ~0ULL) == 0)
		fw_task_yield();
}

/* Whether t is to end: its process exits, or it alone does. */
static bool
thread_ending(struct thread *t)
{
	bool ending;

	fw_mutex_lock(&t->proc->lock);
	ending = t->proc->exiting || t->exiting;
	fw_mutex_unlock(&t->proc->lock);
	return ending;
}

static void
thread_main(void *arg)
{
	struct thread *t = arg;
	struct fw_user_event ev;
	int err;

	fw_mutex_lock(&t->proc->lock);
	t->task = fw_task_current();
	fw_mutex_unlock(&t->proc->lock);
	fw_task_set_data(t->task, t);
	for (;;) {
		signal_work(t);
		if (thread_ending(t))
			break;
		/* A plain load first: the exchange is rare, the loop is hot. */
		if (atomic_load_explicit(&t->cpus_changed,
		    memory_order_relaxed) &&
		    atomic_exchange(&t->cpus_changed, false))
			thread_apply_cpus(t);
		t->sys_nr = -1;
		err = fw_user_enter(t->uthread, &t->ctx, &ev);
		if (err == 0)
			atomic_fetch_add_explicit(&t->utime, ev.user_ns,
			    memory_order_relaxed);
		if (err < 0) {
			proc_exit(t->proc, LINUX_SIGKILL);	/* host lost it */
			break;
		}
		if (ev.kind == FW_USER_SYSCALL)
			thread_syscall(t, &ev);
		else if (ev.kind == FW_USER_EXCEPTION)
			thread_exception(t, &ev);
		atomic_store_explicit(&t->stime, fw_task_runtime(),
		    memory_order_relaxed);
		if (atomic_load(&t->proc->cpu_watch))
			proc_cpu_check(t->proc);
	}
	thread_exit(t);
}

/* t->task is set by the task itself: t may be gone when spawn returns. */
int
thread_start(struct thread *t)
{
	return fw_task_spawn(thread_main, t, NULL);
}
