/*
 * stub.c: the program every guest address space runs in.  The simulator
 * execs it (fd 3 = physical memory); it strips its own address space down
 * to the stub region, closes every other descriptor, leaves the session,
 * dies with its parent, maps its control area, builds both seccomp filters
 * and seals them read-only, installs the process filter and becomes the mm
 * thread.  Guest threads are clones of the mm thread that install the
 * guest filter and report in through stub_boot_trap.
 *
 * Guest code shares this address space and may write the stub's data and
 * stacks: nothing that decides what the host allows lives there.  The mm
 * thread keeps its state in registers and reads only the ring, and the
 * filters a starting thread installs are sealed.
 *
 * Every event of a guest thread (a trapped system call, a fault, a kick)
 * enters stub_handler() on the thread's slot, which posts it to the
 * simulator and waits for the answer: the simulator edits the signal frame
 * in place, through its own mapping of the slot.
 */
#include "stub.h"

#define SYS_munmap		11
#define SYS_mprotect		10
#define SYS_mmap		9
#define SYS_rt_sigaction	13
#define SYS_rt_sigprocmask	14
#define SYS_getppid		110
#define SYS_setsid		112
#define SYS_prctl		157
#define SYS_prlimit64		302
#define SYS_close_range		436
#define SYS_exit_group		231
#define SYS_seccomp		317

#define PR_SET_PDEATHSIG	1
#define PR_SET_DUMPABLE		4
#define PR_SET_NO_NEW_PRIVS	38
#define SECCOMP_SET_MODE_FILTER	1
#define FUTEX_WAIT		0
#define FUTEX_WAKE		1
#define ARCH_SET_FS		0x1002
#define ARCH_SET_GS		0x1001
#define SA_SIGINFO		0x4
#define SA_ONSTACK		0x08000000
#define SA_RESTORER		0x04000000
#define SA_NODEFER		0x40000000
#define PROT_READ		1
#define PROT_WRITE		2
#define MAP_SHARED_FIXED	0x11
#define SIG_SETMASK		2
#define SIGKILL			9
#define SIGSYS_NR		31
#define RLIMIT_CORE		4

#define EXIT_SETUP		121	/* set-up failed: the simulator sees it */

/* The mm thread's stack; _start switches to its top (stub_entry.S). */
uint8_t	stub_boot_stack[STUB_BOOT_STACK] __attribute__((aligned(16)));

/* The signals that are events: SYS, SEGV, BUS, ILL, FPE, TRAP, the kick. */
static const int event_signals[] = { SIGSYS_NR, 11, 7, 4, 8, 5,
    STUB_KICK_SIG };

struct k_sigaction {
	void		*handler;
	uint64_t	 flags;
	void		*restorer;
	uint64_t	 mask;
};

struct k_stack {
	uint64_t	sp;
	int32_t		flags;
	int32_t		pad;
	uint64_t	size;
};

static void
die(void)
{
	stub_syscall6(SYS_exit_group, EXIT_SETUP, 0, 0, 0, 0, 0);
	__builtin_unreachable();
}

static void
check(long r)
{
	if (r < 0 && r > -4096)
		die();
}

static uint64_t
parse_hex(const char *s)
{
	uint64_t v = 0;

	for (; *s; s++) {
		int c = *s;

		if (c >= '0' && c <= '9')
			v = v * 16 + (uint64_t)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v = v * 16 + (uint64_t)(c - 'a' + 10);
		else
			die();
	}
	return v;
}

static uint64_t
event_mask(void)
{
	uint64_t m = 0;
	unsigned int i;

	for (i = 0; i < sizeof(event_signals) / sizeof(event_signals[0]); i++)
		m |= 1ULL << (event_signals[i] - 1);
	return m;
}

/* The slot that stub address a lies in. */
#define SLOT_OF(a)	((uint64_t)(uintptr_t)(a) & ~(SLOT_SIZE - 1))

/*
 * Posts one event to the simulator and waits for its answer, which it has
 * written into the frame at uc by then.
 */
static void
post_event(uint64_t slot, int sig, void *si, void *uc)
{
	struct stub_ctx *c = (struct stub_ctx *)(uintptr_t)(slot + SLOT_CTX_OFF);
	const struct stub_cmd *cmd =
	    (const struct stub_cmd *)(uintptr_t)(slot + SLOT_CMD_OFF);
	uint32_t spin, yields, flags;

	if ((yields = __atomic_load_n(&cmd->yield, __ATOMIC_RELAXED)) != 0) {
		uint32_t lo, hi, aux;

		__asm__ volatile("rdtscp" : "=a"(lo), "=d"(hi), "=c"(aux));
		c->cpu = aux & 0xfff;
	}
	c->signo = (uint32_t)sig;
	c->uc = (uint64_t)(uintptr_t)uc;
	c->si = (uint64_t)(uintptr_t)si;
	c->seq++;
	__atomic_store_n(&c->state, SLOT_EVENT, __ATOMIC_SEQ_CST);
	/* Every waiter: idle CPUs of the simulator may hold stale waits on
	   the word, and one of them could take a wake-up of one. */
	if (__atomic_load_n(&c->kern_waiting, __ATOMIC_SEQ_CST))
		stub_futex(&c->state, FUTEX_WAKE, 0x7fffffff, 0);
	spin = __atomic_load_n(&cmd->spin, __ATOMIC_RELAXED);
	if (sig == SIGSYS_NR) {
		uint32_t nr = *(const uint32_t *)((const char *)si +
		    STUB_SI_SYSCALL_OFF);

		if (nr < STUB_SPIN_NRS)
			spin = __atomic_load_n(&cmd->spin_nr[nr],
			    __ATOMIC_RELAXED);
	}
	/* The simulator's thread may need this CPU: give it rather than spin. */
	if (yields != 0)
		spin = 0;
	while (__atomic_load_n(&c->state, __ATOMIC_ACQUIRE) != SLOT_RESUME) {
		if (yields > 0) {
			yields--;
			stub_yield();
			continue;
		}
		if (spin > 0) {
			spin--;
			__builtin_ia32_pause();
			continue;
		}
		__atomic_store_n(&c->stub_waiting, 1, __ATOMIC_SEQ_CST);
		if (__atomic_load_n(&c->state, __ATOMIC_SEQ_CST) != SLOT_RESUME)
			stub_futex(&c->state, FUTEX_WAIT, SLOT_EVENT, 0);
		__atomic_store_n(&c->stub_waiting, 0, __ATOMIC_RELAXED);
	}
	flags = __atomic_load_n(&cmd->flags, __ATOMIC_ACQUIRE);
	if (flags & CMD_EXIT)
		stub_exit(0);
	if (flags & CMD_SET_FS)
		stub_arch_prctl(ARCH_SET_FS, (long)cmd->fs_base);
	if (flags & CMD_SET_GS)
		stub_arch_prctl(ARCH_SET_GS, (long)cmd->gs_base);
}

/*
 * One handler for every event.  It runs on the thread's slot with the
 * guest's signal mask (see stub_resume), so a kick may interrupt it: that
 * kick is kept for stub_resume to answer, and one that came while
 * stub_resume was under way has it start over.  Any other event inside
 * the stub is posted as it is, and the simulator ends a process whose
 * event comes from the stub's code (only the first one of a thread,
 * stub_boot_trap, is expected).
 */
static void
stub_handler(int sig, void *si, void *uc)
{
	uint64_t slot = SLOT_OF(__builtin_frame_address(0));
	struct stub_ctx *c = (struct stub_ctx *)(uintptr_t)(slot + SLOT_CTX_OFF);
	uint64_t ip = *(const uint64_t *)((const char *)uc + STUB_UC_RIP);
	uint64_t sp = *(const uint64_t *)((const char *)uc + STUB_UC_RSP);

	if (sig == STUB_KICK_SIG && ip - STUB_BASE < STUB_SIZE &&
	    sp - (slot + SLOT_ALT_OFF) <= SLOT_ALT_SIZE) {
		__atomic_store_n(&c->kick_pending, 1, __ATOMIC_SEQ_CST);
		if (ip >= (uint64_t)(uintptr_t)stub_resume_start &&
		    ip < (uint64_t)(uintptr_t)stub_resume_end)
			stub_resume((void *)(uintptr_t)c->uc);
		return;			/* through stub_restorer */
	}
	post_event(slot, sig, si, uc);
	stub_resume(uc);
}

/* A kick that came while the stub ran, answered on the frame uc. */
void
stub_rekick(void *uc)
{
	uint64_t slot = SLOT_OF(uc);
	struct stub_ctx *c = (struct stub_ctx *)(uintptr_t)(slot + SLOT_CTX_OFF);

	post_event(slot, STUB_KICK_SIG, (void *)(uintptr_t)c->si, uc);
	stub_resume(uc);
}

static void
install_handlers(void)
{
	struct k_sigaction sa = {
		.handler = (void *)stub_handler,
		.flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER | SA_RESTORER,
		.restorer = (void *)stub_restorer,
		.mask = 0,
	};
	unsigned int i;

	for (i = 0; i < sizeof(event_signals) / sizeof(event_signals[0]); i++)
		check(stub_syscall6(SYS_rt_sigaction, event_signals[i],
		    (long)&sa, 0, 8, 0, 0));
}

/* Leaves nothing of the exec'd image outside the stub region. */
static void
strip_address_space(void)
{
	const uint64_t top = 0x7ffffffff000ULL;	/* TASK_SIZE */

	check(stub_syscall6(SYS_munmap, 0, (long)STUB_BASE, 0, 0, 0, 0));
	check(stub_syscall6(SYS_munmap, (long)(STUB_BASE + STUB_SIZE),
	    (long)(top - STUB_BASE - STUB_SIZE), 0, 0, 0, 0));
}

static void
map_control(uint64_t ring_off, uint64_t done_off)
{
	check(stub_syscall6(SYS_mmap, (long)STUB_RING, (long)STUB_CHUNK,
	    PROT_READ, MAP_SHARED_FIXED, 3, (long)ring_off));
	check(stub_syscall6(SYS_mmap, (long)STUB_DONE, 4096,
	    PROT_READ | PROT_WRITE, MAP_SHARED_FIXED, 3, (long)done_off));
}

/*
 * argv: stub RING-OFFSET DONE-OFFSET PARENT-PID (hex).  The exec stack is
 * read before it is unmapped.
 */
void
stub_main(uint64_t *sp)
{
	const char *const *argv = (const char *const *)(sp + 1);
	uint64_t ring_off, done_off, ppid, all = ~0ULL;
	struct { uint64_t cur, max; } nocore = { 0, 0 };
	struct stub_done *done = (struct stub_done *)(uintptr_t)STUB_DONE;

	if (sp[0] != 4)
		die();
	ring_off = parse_hex(argv[1]);
	done_off = parse_hex(argv[2]);
	ppid = parse_hex(argv[3]);
	strip_address_space();
	check(stub_syscall6(SYS_close_range, 0, 2, 0, 0, 0, 0));
	check(stub_syscall6(SYS_close_range, 4, ~0U, 0, 0, 0, 0));
	check(stub_syscall6(SYS_setsid, 0, 0, 0, 0, 0, 0));
	check(stub_syscall6(SYS_prctl, PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0, 0));
	if ((uint64_t)stub_syscall6(SYS_getppid, 0, 0, 0, 0, 0, 0) != ppid)
		die();
	check(stub_syscall6(SYS_prctl, PR_SET_DUMPABLE, 0, 0, 0, 0, 0));
	check(stub_syscall6(SYS_prlimit64, 0, RLIMIT_CORE, (long)&nocore, 0,
	    0, 0));
	map_control(ring_off, done_off);
	check(stub_syscall6(SYS_rt_sigprocmask, SIG_SETMASK, (long)&all, 0, 8,
	    0, 0));
	install_handlers();
	stub_filters_build();
	check(stub_syscall6(SYS_mprotect, (long)stub_sealed_start,
	    (long)(stub_sealed_end - stub_sealed_start), PROT_READ, 0, 0, 0));
	check(stub_syscall6(SYS_prctl, PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0, 0));
	check(stub_syscall6(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0,
	    (long)stub_process_filter(), 0, 0, 0));
	__atomic_store_n(&done->ready, 1, __ATOMIC_SEQ_CST);
	stub_futex(&done->ready, FUTEX_WAKE, 1, 0);
	stub_mm_loop();
}

/* A new guest thread, on the top of its slot's signal stack. */
void
stub_thread_main(uint64_t slot)
{
	struct k_stack ss = {
		.sp = slot + SLOT_ALT_OFF,
		.flags = 0,
		.size = SLOT_ALT_SIZE,
	};
	uint64_t mask = ~event_mask();

	if (stub_ts_sigaltstack(&ss, 0) < 0)
		stub_exit(EXIT_SETUP);
	if (stub_ts_sigprocmask(SIG_SETMASK, &mask, 0, 8) < 0)
		stub_exit(EXIT_SETUP);
	if (stub_ts_seccomp(SECCOMP_SET_MODE_FILTER, 0,
	    stub_guest_filter()) < 0)
		stub_exit(EXIT_SETUP);
	stub_boot_trap();
}
