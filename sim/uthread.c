/*
 * uthread.c: guest threads and user mode on the host (hal/user.h).  A
 * guest thread is a host thread of its space's stub process, with a slot of
 * physical memory that holds its host signal stack and its event words.
 * Every system call, fault or kick of the thread enters the stub's handler,
 * which posts the event in the slot and waits; hal_user_enter() reads the
 * registers from the signal frame, hands the event to the services, writes
 * their answer back into the frame, and lets the stub return into it.
 *
 * Everything in a slot is writable by the guest: each word is read once,
 * and every address is checked to lie inside the slot before it is used.
 * A uthread is run by one task at a time (fw/user.h), so it needs no lock.
 */
#define _GNU_SOURCE
#include "sim.h"
#include "host.h"
#include "space.h"

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ucontext.h>
#include <unistd.h>

#include <hal/cpu.h>
#include <hal/user.h>
#include <hal/phys.h>
#include <hal/platform.h>
#include <fw/task.h>
#include <fw/timer.h>
#include <fw/vm.h>
#include <core/frame_impl.h>
#include <core/vm_impl.h>

#define CHUNK_PAGES	(SLOT_SIZE / 4096)
#define WAIT_SLICE_NS	10000000u
#define EXIT_WAIT_NS	5000000000ull	/* an ending thread takes microseconds */
#define AUDIT_ARCH_X86_64 0xc000003eu
#define X32_BIT		0x40000000u
#define VSYSCALL_PAGE	0xffffffffff600000ull
/* Not a base a guest can set: the first entry sets the host thread's. */
#define BASE_UNKNOWN	(~0ull)
/* The part of the frame we read: up to and including the signal mask. */
#define UC_SPAN		(offsetof(ucontext_t, uc_sigmask) + 8)
#define SI_SPAN		128u

/* The frame words the stub itself reads (stub_abi.h). */
_Static_assert(offsetof(ucontext_t, uc_mcontext.gregs) == STUB_UC_GREGS &&
    REG_R8 == 0 && REG_RCX == 14 && REG_RSP == 15 && REG_RIP == 16 &&
    REG_EFL == 17 && REG_CSGSFS == 18, "the stub's view of the frame");
_Static_assert(offsetof(ucontext_t, uc_mcontext.fpregs) == STUB_UC_FPREGS,
    "the stub's view of the frame");

struct fw_uthread {
	struct hal_space	*space;
	struct fw_vm		*vm;
	unsigned int		 slot;
	uint64_t		 slot_pa, slot_va;
	uint8_t			*k;		/* our view of the slot */
	struct stub_ctx		*ctx;
	struct stub_cmd		*cmd;
	ucontext_t		*uc;		/* the parked frame, checked */
	uint8_t			*si;
	pid_t			 tid;
	uint64_t		 fs_base;	/* the host thread's */
	uint64_t		 gs_base;
	uint64_t		 guest_ns;	/* average time in user mode */
	uint64_t		 kernel_ns;	/* average time answering */
	uint64_t		 event_at;	/* when the last event came */
	uint32_t		 nr;		/* its system call, or
						   STUB_SPIN_NRS */
	bool			 dead;
	/*
	 * in_user: the stub runs the thread (between post_resume and its
	 * next event).  kick_req: fw_uthread_kick() asked for an interrupt.
	 * A kick signals the host thread only while in_user; otherwise the
	 * next entry returns FW_USER_INTERRUPT at once.  Each side writes
	 * its word before it reads the other's (sequentially consistent),
	 * so one of them sees the other.
	 */
	uint32_t		 in_user;
	uint32_t		 kick_req;
	/* Time answering system call nr (0: none yet), as kernel_ns. */
	uint32_t		 nr_ns[STUB_SPIN_NRS];
	/*
	 * Time in user mode after the answer to system call nr (0: none
	 * yet), as guest_ns: after a read that blocked the guest's next call
	 * comes only once its stub has woken, after a write at once, and
	 * guest_ns alone had the simulator sleep through the first.
	 */
	uint32_t		 gap_ns[STUB_SPIN_NRS];
};

/*
 * Adaptive spinning (research/host-backend.md section 3.3).  Each side
 * spins before it sleeps only while the other side is likely to answer
 * soon: for twice the recent average of the other side's time, capped at
 * SPIN_CAP_NS, and not at all with one host CPU to run on (sim_spin_on), where
 * spinning only delays the peer.  The stub cannot read a clock, so its
 * budget is given in pauses (sim_pause_ns each, measured at start).
 */
#define SPIN_CAP_NS	50000u
/* A system call not seen yet on the thread is taken to be this quick. */
#define SPIN_FIRST_NS	10000u
/*
 * The stub spins for no system call that takes longer: those wait for the
 * stub's own mm thread (mmap, munmap), or for other guests, and a spinning
 * stub takes the CPU they need (mmap_64p_page: 3.9 -> 5.5 us a page when
 * munmap was spun for).
 */
#define SPIN_NR_MAX_NS	15000u
bool		sim_spin_on;
bool		sim_colo_on;
unsigned int	sim_pause_ns = 40;

/*
 * A guest thread whose estimated time between events is past the spin
 * cap has both sides sleep between them, and each wake-up of a host CPU
 * that went idle costs tens of microseconds on a VM.  Such a thread is
 * co-located: its CPU thread waits for it on the stub's host CPU
 * (sim_user_wait's host_cpu), and the stub yields that CPU for the
 * answer, COLO_YIELDS times at most (some 0.5 us each when nobody takes
 * the CPU), before it sleeps.
 */
#define COLO_YIELDS	400u

/*
 * How long the CPU thread spins for the event after the answer to event
 * t->nr: by the thread's estimate, or by that call's if it is longer and
 * still worth a spin.  The call's alone (spinning less after calls with
 * short gaps, none after those past the cap) had tar sleep 45% more.
 */
static uint64_t
gap_budget(const struct fw_uthread *t)
{
	uint64_t est = t->guest_ns;

	if (t->nr < STUB_SPIN_NRS && t->gap_ns[t->nr] > est &&
	    t->gap_ns[t->nr] <= SPIN_CAP_NS)
		est = t->gap_ns[t->nr];
	return sim_spin_budget(est);
}

static bool
colocated(const struct fw_uthread *t)
{
	return sim_colo_on && t->guest_ns > SPIN_CAP_NS;
}

/*
 * The running estimate of a side's time: it falls at once to a shorter
 * sample and rises by 1/16 of a longer one, clamped, so that one slow
 * round (a preempted peer, a wake-up from sleep) does not switch spinning
 * off for good, while a guest that really computes for long turns it off
 * after a few rounds.
 */
uint64_t
sim_spin_estimate(uint64_t avg, uint64_t sample)
{
	if (sample <= avg)
		return sample;
	if (sample > 4 * SPIN_CAP_NS)
		sample = 4 * SPIN_CAP_NS;
	return avg + (sample - avg) / 16;
}

uint64_t
sim_spin_budget(uint64_t avg)
{
	if (!sim_spin_on || avg > SPIN_CAP_NS)
		return 0;
	return 2 * avg < SPIN_CAP_NS ? 2 * avg : SPIN_CAP_NS;
}

/* A stub address inside the slot's signal stack, as our pointer, or NULL. */
static uint8_t *
slot_ptr(struct fw_uthread *t, uint64_t a, size_t span)
{
	uint64_t lo = t->slot_va + SLOT_ALT_OFF;
	uint64_t hi = lo + SLOT_ALT_SIZE;

	if (a < lo || a > hi || hi - a < span)
		return NULL;
	return t->k + (a - t->slot_va);
}

/*
 * Whether the host thread ended: the kernel clears the tid word at its
 * exit (CLONE_CHILD_CLEARTID).  Only a guest that jumped to the stub's exit
 * gate gets there without CMD_EXIT; its process is then killed.
 */
static bool
thread_gone(struct fw_uthread *t)
{
	if (__atomic_load_n(&t->ctx->tid, __ATOMIC_ACQUIRE) != 0)
		return false;
	space_kill(t->space);
	return true;
}

/*
 * A per-call estimate (0: none yet) after one more sample d: the first
 * sample is taken whole, up to the clamp sim_spin_estimate() applies to a
 * rise; never 0 after.
 */
static uint32_t
learn_ns(uint32_t est, uint64_t d)
{
	uint64_t e;

	if (est == 0)
		e = d < 4 * SPIN_CAP_NS ? d : 4 * SPIN_CAP_NS;
	else
		e = sim_spin_estimate(est, d);
	return e > 0 ? (uint32_t)e : 1;
}

/*
 * Waits until the stub posts an event, then takes the frame's addresses.
 * -EIO when the stub process died or sent a frame outside its slot.
 */
static int
wait_event(struct fw_uthread *t)
{
	struct stub_ctx *c = t->ctx;
	uint64_t start = hal_clock_monotonic(), until;
	unsigned int n = 0;
	uint32_t st;
	int host_cpu;

	until = start + gap_budget(t);
	while ((st = __atomic_load_n(&c->state, __ATOMIC_ACQUIRE)) !=
	    SLOT_EVENT) {
		if (until > start && (++n % 32 != 0 ||
		    hal_clock_monotonic() < until)) {
			__builtin_ia32_pause();
			continue;
		}
		if (until > start)
			sim_prof_add(SIM_PROF_SPIN_NS, until - start);
		sim_prof_add(SIM_PROF_SLEEPS, 1);
		until = 0;
		/* The task sleeps; the CPU runs others, or waits on state. */
		__atomic_store_n(&c->kern_waiting, 1, __ATOMIC_SEQ_CST);
		host_cpu = colocated(t) ? sim_host_cpu_check(
		    __atomic_load_n(&c->cpu, __ATOMIC_RELAXED)) : -1;
		if (host_cpu >= 0)
			sim_prof_add(SIM_PROF_COLO, 1);
		if (__atomic_load_n(&c->state, __ATOMIC_SEQ_CST) != SLOT_EVENT)
			sim_user_wait(&c->state, st, host_cpu);
		__atomic_store_n(&c->kern_waiting, 0, __ATOMIC_RELAXED);
		if (__atomic_load_n(&c->state, __ATOMIC_ACQUIRE) != SLOT_EVENT &&
		    (space_dead(t->space) || thread_gone(t))) {
			t->dead = true;
			return -EIO;
		}
	}
	t->event_at = hal_clock_monotonic();
	t->guest_ns = sim_spin_estimate(t->guest_ns, t->event_at - start);
	if (t->nr < STUB_SPIN_NRS)
		t->gap_ns[t->nr] = learn_ns(t->gap_ns[t->nr],
		    t->event_at - start);
	if (until > start)		/* the event came while we spun */
		sim_prof_add(SIM_PROF_SPIN_NS, t->event_at - start);
	sim_prof_add(SIM_PROF_GUEST_NS, t->event_at - start);
	t->uc = (ucontext_t *)(void *)slot_ptr(t,
	    __atomic_load_n(&c->uc, __ATOMIC_RELAXED), UC_SPAN);
	t->si = slot_ptr(t, __atomic_load_n(&c->si, __ATOMIC_RELAXED),
	    SI_SPAN);
	if (t->uc == NULL || t->si == NULL) {	/* the guest wrote them */
		space_kill(t->space);
		t->dead = true;
		return -EIO;
	}
	return 0;
}

/*
 * System call nr took d to answer: its estimate and its budget in the
 * stub (stub_abi.h).
 */
static void
spin_nr_learn(struct fw_uthread *t, uint32_t nr, uint64_t d)
{
	uint64_t est;

	est = t->nr_ns[nr] = learn_ns(t->nr_ns[nr], d);
	__atomic_store_n(&t->cmd->spin_nr[nr], est > SPIN_NR_MAX_NS ? 0 :
	    (uint32_t)(sim_spin_budget(est) / sim_pause_ns), __ATOMIC_RELAXED);
}

static void
post_resume(struct fw_uthread *t, uint32_t flags)
{
	struct stub_ctx *c = t->ctx;
	uint64_t d;

	if (t->event_at != 0) {
		d = hal_clock_monotonic() - t->event_at;
		t->kernel_ns = sim_spin_estimate(t->kernel_ns, d);
		sim_prof_add(SIM_PROF_KERNEL_NS, d);
		if (t->nr < STUB_SPIN_NRS)
			spin_nr_learn(t, t->nr, d);
	}
	__atomic_store_n(&t->cmd->spin,
	    (uint32_t)(sim_spin_budget(t->kernel_ns) / sim_pause_ns),
	    __ATOMIC_RELAXED);
	__atomic_store_n(&t->cmd->yield, colocated(t) ? COLO_YIELDS : 0,
	    __ATOMIC_RELAXED);
	__atomic_store_n(&t->cmd->flags, flags, __ATOMIC_RELEASE);
	__atomic_store_n(&c->state, SLOT_RESUME, __ATOMIC_SEQ_CST);
	/*
	 * Every waiter: an idle CPU's futex_waitv may still hold this word
	 * from an earlier wait (sim/cpu.c), and a wake-up of one could go to
	 * it and leave the stub asleep for good.
	 */
	if (__atomic_load_n(&c->stub_waiting, __ATOMIC_SEQ_CST))
		host_futex_wake(&c->state, INT_MAX);
}

static int
alloc_slot(struct hal_space *s, unsigned int *slot)
{
	unsigned int i;

	pthread_mutex_lock(&s->lock);
	for (i = 0; i < STUB_MAX_SLOTS; i++) {
		if (!(s->slots[i / 64] & (1ull << (i % 64)))) {
			s->slots[i / 64] |= 1ull << (i % 64);
			pthread_mutex_unlock(&s->lock);
			*slot = i;
			return 0;
		}
	}
	pthread_mutex_unlock(&s->lock);
	return -EAGAIN;
}

static void
free_slot(struct hal_space *s, unsigned int slot)
{
	pthread_mutex_lock(&s->lock);
	s->slots[slot / 64] &= ~(1ull << (slot % 64));
	pthread_mutex_unlock(&s->lock);
}

/*
 * The host's frame format, from the first thread ever started: no guest
 * code has run in its stub yet, so the kernel's software bytes are intact.
 */
static void
learn_xstate(struct fw_uthread *t)
{
	static atomic_bool tried;
	uint8_t *fx;

	if (atomic_exchange(&tried, true))
		return;
	fx = slot_ptr(t, (uint64_t)(uintptr_t)t->uc->uc_mcontext.fpregs, 512);
	if (fx != NULL)
		sim_xstate_learn(fx);
}

/* Maps the slot in the stub and clones a host thread onto it. */
static int
start_thread(struct fw_uthread *t)
{
	struct hal_space *s = t->space;
	int err;

	pthread_mutex_lock(&s->lock);
	space_queue_locked(s, MMOP_MAP, t->slot_va + SLOT_ALT_OFF,
	    SLOT_CMD_OFF - SLOT_ALT_OFF, 3, t->slot_pa + SLOT_ALT_OFF);
	space_queue_locked(s, MMOP_MAP, t->slot_va + SLOT_CMD_OFF, 4096, 1,
	    t->slot_pa + SLOT_CMD_OFF);
	space_queue_locked(s, MMOP_CLONE, 0, 0, 0, t->slot);
	err = space_flush_locked(s);
	pthread_mutex_unlock(&s->lock);
	if (err < 0)
		return err;
	if ((err = wait_event(t)) < 0)
		return err;
	t->tid = (pid_t)__atomic_load_n(&t->ctx->tid, __ATOMIC_RELAXED);
	if (t->ctx->signo != SIGSYS || t->tid <= 0)
		return -EIO;
	learn_xstate(t);
	return 0;
}

int
hal_uthread_new(struct hal_space *s, struct fw_uthread **out)
{
	struct fw_uthread *t;
	unsigned int i;
	int err;

	if ((t = calloc(1, sizeof(*t))) == NULL)
		return -ENOMEM;
	t->space = s;
	pthread_mutex_lock(&s->lock);
	t->vm = s->vm;
	pthread_mutex_unlock(&s->lock);
	t->fs_base = t->gs_base = BASE_UNKNOWN;
	if ((err = alloc_slot(s, &t->slot)) < 0)
		goto fail;
	if ((err = fw_frames_alloc_contig(CHUNK_PAGES, CHUNK_PAGES,
	    &t->slot_pa)) < 0)
		goto fail_slot;
	t->slot_va = STUB_SLOTS + (uint64_t)t->slot * SLOT_SIZE;
	t->k = hal_phys_ptr(t->slot_pa);
	t->ctx = (struct stub_ctx *)(void *)(t->k + SLOT_CTX_OFF);
	t->cmd = (struct stub_cmd *)(void *)(t->k + SLOT_CMD_OFF);
	t->nr = STUB_SPIN_NRS;
	for (i = 0; i < STUB_SPIN_NRS; i++)
		t->cmd->spin_nr[i] = (uint32_t)(sim_spin_budget(SPIN_FIRST_NS) /
		    sim_pause_ns);
	if ((err = start_thread(t)) < 0) {
		hal_uthread_free(t);
		return err == -EIO ? -EAGAIN : err;
	}
	*out = t;
	return 0;
fail_slot:
	free_slot(s, t->slot);
fail:
	free(t);
	return err;
}

/*
 * The host thread stays, with its slot.  Its FS and GS bases stay known:
 * the next entry loads the new program's where they differ.
 */
void
hal_uthread_adopt(struct fw_uthread *t, struct fw_vm *vm)
{
	t->vm = vm;
}

/*
 * Waits until t's host thread, told to end, is gone.  The kernel clears
 * the tid word then, but the guest's other threads can write that word,
 * and even run the ending thread elsewhere (its slot's stack is theirs to
 * write): so after each slice the host is asked whether the thread is
 * still there, and a thread that outlives EXIT_WAIT_NS costs its process.
 */
static void
wait_thread_end(struct fw_uthread *t)
{
	struct hal_space *s = t->space;
	uint64_t start = hal_clock_monotonic();
	uint32_t tid;

	while ((tid = __atomic_load_n(&t->ctx->tid, __ATOMIC_ACQUIRE)) != 0 &&
	    !space_dead(s)) {
		host_futex_wait(&t->ctx->tid, tid, WAIT_SLICE_NS);
		if (__atomic_load_n(&t->ctx->tid, __ATOMIC_ACQUIRE) == 0 ||
		    host_tgkill(s->pid, t->tid, 0) == -ESRCH)
			return;
		if (hal_clock_monotonic() - start > EXIT_WAIT_NS) {
			space_kill(s);
			return;
		}
	}
}

/* Ends the host thread, unmaps its slot, and frees it. */
void
hal_uthread_free(struct fw_uthread *t)
{
	struct hal_space *s;

	if (t == NULL)
		return;
	s = t->space;
	if (!t->dead && t->uc != NULL && !space_dead(s)) {
		post_resume(t, CMD_EXIT);
		wait_thread_end(t);
	}
	/* The next flush or the space's end frees the slot's frames. */
	pthread_mutex_lock(&s->lock);
	space_queue_locked(s, MMOP_UNMAP, t->slot_va, SLOT_SIZE, 0, 0);
	space_retire_slot_locked(s, t->slot_pa);
	pthread_mutex_unlock(&s->lock);
	free_slot(s, t->slot);
	free(t);
}

/*
 * A thread that is not in user mode needs no host signal: its task will
 * pass its next entry, which sees kick_req.  That spares a signal to a
 * thread that signals itself, or one whose task is answering its call.
 */
void
hal_uthread_kick(struct fw_uthread *t)
{
	if (t->dead || t->tid <= 0)
		return;
	__atomic_store_n(&t->kick_req, 1, __ATOMIC_SEQ_CST);
	if (__atomic_load_n(&t->in_user, __ATOMIC_SEQ_CST))
		(void)host_tgkill(t->space->pid, t->tid, STUB_KICK_SIG);
}

uint8_t *
hal_uthread_xsave_area(struct fw_uthread *t)
{
	uint64_t a;

	if (t->dead || t->uc == NULL)
		return NULL;
	a = (uint64_t)(uintptr_t)__atomic_load_n(&t->uc->uc_mcontext.fpregs,
	    __ATOMIC_RELAXED);
	if (a % 64 != 0)
		return NULL;
	return slot_ptr(t, a, hal_cpu_xsave_size() + 4);
}

static void
get_regs(const ucontext_t *uc, struct fw_user_ctx *r)
{
	const greg_t *g = uc->uc_mcontext.gregs;

	r->r8 = (uint64_t)g[REG_R8];	r->r9 = (uint64_t)g[REG_R9];
	r->r10 = (uint64_t)g[REG_R10];	r->r11 = (uint64_t)g[REG_R11];
	r->r12 = (uint64_t)g[REG_R12];	r->r13 = (uint64_t)g[REG_R13];
	r->r14 = (uint64_t)g[REG_R14];	r->r15 = (uint64_t)g[REG_R15];
	r->rdi = (uint64_t)g[REG_RDI];	r->rsi = (uint64_t)g[REG_RSI];
	r->rbp = (uint64_t)g[REG_RBP];	r->rbx = (uint64_t)g[REG_RBX];
	r->rdx = (uint64_t)g[REG_RDX];	r->rax = (uint64_t)g[REG_RAX];
	r->rcx = (uint64_t)g[REG_RCX];	r->rsp = (uint64_t)g[REG_RSP];
	r->rip = (uint64_t)g[REG_RIP];	r->rflags = (uint64_t)g[REG_EFL];
}

static void
put_regs(ucontext_t *uc, const struct fw_user_ctx *r)
{
	greg_t *g = uc->uc_mcontext.gregs;

	g[REG_R8] = (greg_t)r->r8;	g[REG_R9] = (greg_t)r->r9;
	g[REG_R10] = (greg_t)r->r10;	g[REG_R11] = (greg_t)r->r11;
	g[REG_R12] = (greg_t)r->r12;	g[REG_R13] = (greg_t)r->r13;
	g[REG_R14] = (greg_t)r->r14;	g[REG_R15] = (greg_t)r->r15;
	g[REG_RDI] = (greg_t)r->rdi;	g[REG_RSI] = (greg_t)r->rsi;
	g[REG_RBP] = (greg_t)r->rbp;	g[REG_RBX] = (greg_t)r->rbx;
	g[REG_RDX] = (greg_t)r->rdx;	g[REG_RAX] = (greg_t)r->rax;
	g[REG_RCX] = (greg_t)r->rcx;	g[REG_RSP] = (greg_t)r->rsp;
	g[REG_RIP] = (greg_t)r->rip;	g[REG_EFL] = (greg_t)r->rflags;
}

/* SIGSYS: which ABI, and the number in rax (fw/user.h). */
static void
syscall_event(struct fw_uthread *t, struct fw_user_ctx *r,
    struct fw_user_event *ev)
{
	const siginfo_t *si = (const siginfo_t *)(void *)t->si;
	uint64_t call = (uint64_t)(uintptr_t)si->si_call_addr;
	uint32_t nr = (uint32_t)si->si_syscall, arch = si->si_arch;

	r->rax = nr;
	if (arch == AUDIT_ARCH_X86_64 && nr < STUB_SPIN_NRS)
		t->nr = nr;
	if (arch != AUDIT_ARCH_X86_64) {
		/*
		 * The 32-bit gates (int 0x80, sysenter, compat syscall; each
		 * 2 bytes) on a host with IA32 emulation.  Linux without it,
		 * which Trellis is, takes a #GP at the instruction (int 0x80
		 * through a DPL 0 gate: error code vector << 3 | IDT).
		 */
		ev->kind = FW_USER_EXCEPTION;
		ev->trap = FW_TRAP_GP;
		ev->code = 0x80 << 3 | 2;
		ev->addr = 0;
		ev->access = 0;
		ev->present = false;
		r->rip -= 2;
		return;
	}
	ev->kind = FW_USER_SYSCALL;
	if (call >= VSYSCALL_PAGE && call < VSYSCALL_PAGE + 4096)
		ev->abi = FW_ABI_VSYSCALL;
	else if (nr & X32_BIT)
		ev->abi = FW_ABI_OTHER;
	else
		ev->abi = FW_ABI_X86_64;
}

/*
 * A hardware exception.  Returns true when it was only a stale host
 * mapping, fixed here: the thread resumes without the services hearing
 * of it.
 */
static bool
exception_event(struct fw_uthread *t, int sig, struct fw_user_ctx *r,
    struct fw_user_event *ev)
{
	const siginfo_t *si = (const siginfo_t *)(void *)t->si;
	const greg_t *g = t->uc->uc_mcontext.gregs;
	uint64_t err = (uint64_t)g[REG_ERR];

	ev->kind = FW_USER_EXCEPTION;
	ev->trap = (int)g[REG_TRAPNO];
	ev->code = (int)err;
	ev->addr = 0;
	ev->access = 0;
	ev->present = false;
	if (sig == SIGILL)
		ev->trap = FW_TRAP_UD;
	if ((sig == SIGSEGV || sig == SIGBUS) && ev->trap == FW_TRAP_PF) {
		ev->addr = (uint64_t)(uintptr_t)si->si_addr;
		ev->access = (err & 2) ? FW_ACCESS_WRITE :
		    (err & 16) ? FW_ACCESS_EXEC : FW_ACCESS_READ;
		ev->present = (err & 1) != 0;
		return ev->addr < STUB_BASE &&
		    fw_vm_resolve(t->vm, ev->addr, ev->access);
	}
	return false;
}

static int
user_enter(struct fw_uthread *t, struct fw_user_ctx *r,
    struct fw_user_event *ev)
{
	uint32_t flags;
	int err, sig;

	if (t->dead || t->uc == NULL)
		return -EIO;
	put_regs(t->uc, r);
	for (;;) {
		pthread_mutex_lock(&t->space->lock);
		err = space_flush_locked(t->space);
		pthread_mutex_unlock(&t->space->lock);
		if (err < 0) {
			t->dead = true;
			return err;
		}
		__atomic_store_n(&t->in_user, 1, __ATOMIC_SEQ_CST);
		if (__atomic_exchange_n(&t->kick_req, 0, __ATOMIC_SEQ_CST)) {
			__atomic_store_n(&t->in_user, 0, __ATOMIC_RELAXED);
			sim_prof_add(SIM_PROF_KICKS, 1);
			ev->kind = FW_USER_INTERRUPT;
			return 0;
		}
		flags = 0;
		if (r->fs_base != t->fs_base) {
			t->cmd->fs_base = r->fs_base;
			t->fs_base = r->fs_base;
			flags |= CMD_SET_FS;
		}
		if (r->gs_base != t->gs_base) {
			t->cmd->gs_base = r->gs_base;
			t->gs_base = r->gs_base;
			flags |= CMD_SET_GS;
		}
		post_resume(t, flags);
		err = wait_event(t);
		/*
		 * A kick from now on finds the task on its way to the services,
		 * whose delivery point sees what the kicker queued first: these
		 * need no ordering (a stale in_user costs one host signal).
		 */
		__atomic_store_n(&t->in_user, 0, __ATOMIC_RELAXED);
		__atomic_store_n(&t->kick_req, 0, __ATOMIC_RELAXED);
		if (err < 0)
			return err;
		get_regs(t->uc, r);
		r->fs_base = t->fs_base;
		r->gs_base = t->gs_base;
		/*
		 * Guest code never runs in the stub region: an event from there
		 * means the guest jumped into the stub.  It loses its process.
		 */
		if (r->rip >= STUB_BASE && r->rip < STUB_BASE + STUB_SIZE) {
			space_kill(t->space);
			t->dead = true;
			return -EIO;
		}
		sig = (int)__atomic_load_n(&t->ctx->signo, __ATOMIC_RELAXED);
		sim_prof_add(SIM_PROF_EVENTS, 1);
		t->nr = STUB_SPIN_NRS;
		if (sig == SIGSYS) {
			sim_prof_add(SIM_PROF_SYSCALLS, 1);
			syscall_event(t, r, ev);
			return 0;
		}
		if (sig == STUB_KICK_SIG) {
			sim_prof_add(SIM_PROF_KICKS, 1);
			ev->kind = FW_USER_INTERRUPT;
			return 0;
		}
		sim_prof_add(SIM_PROF_FAULTS, 1);
		if (!exception_event(t, sig, r, ev))
			return 0;
		sim_prof_add(SIM_PROF_FAULTS_FIXED, 1);
	}
}

/*
 * The thread's host process runs user mode while this task sleeps: the
 * call's wall time less what the task itself ran is the user time.
 */
int
hal_user_enter(struct fw_uthread *t, struct fw_user_ctx *r,
    struct fw_user_event *ev)
{
	uint64_t run = fw_task_runtime(), wall = fw_clock_monotonic();
	int err = user_enter(t, r, ev);

	wall = fw_clock_monotonic() - wall;
	run = fw_task_runtime() - run;
	ev->user_ns = wall > run ? wall - run : 0;
	return err;
}
