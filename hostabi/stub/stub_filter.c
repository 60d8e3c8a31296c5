/*
 * stub_filter.c: the stub's two stacked seccomp filters, built at start-up
 * from the gate addresses (research/host-backend.md section 3.4), once, and
 * sealed read-only before any guest code runs.
 *
 * Both filters trap every call that does not come from the stub's own code:
 * that is a guest system call, delivered as SIGSYS to the stub's handler.
 * A call from the stub's region is allowed only from the exact address of a
 * gate that the filter lists, and kills the whole process otherwise.
 *
 *	process filter	(installed once, inherited by every thread):
 *			every gate; mmap and pwrite64 only on fd 3, mmap
 *			only MAP_SHARED|MAP_FIXED, with or without
 *			MAP_POPULATE
 *	guest filter	(each guest thread, before its first guest code):
 *			rt_sigreturn, exit, arch_prctl and sched_yield gates,
 *			and futex on slot words only
 *
 * Stacked filters return the strictest verdict, so a guest thread that jumps
 * to an mm-thread gate is killed by its guest filter.  A compat (int 0x80)
 * or x32 call traps, and the simulator answers it.
 */
#include "stub.h"

/* Classic BPF, as linux/filter.h and linux/seccomp.h define it. */
struct sock_filter {
	uint16_t	code;
	uint8_t		jt, jf;
	uint32_t	k;
};

#define BPF_LD_W_ABS	0x20	/* BPF_LD | BPF_W | BPF_ABS */
#define BPF_JEQ_K	0x15	/* BPF_JMP | BPF_JEQ | BPF_K */
#define BPF_JSET_K	0x45	/* BPF_JMP | BPF_JSET | BPF_K */
#define BPF_JGE_K	0x35	/* BPF_JMP | BPF_JGE | BPF_K */
#define BPF_RET_K	0x06	/* BPF_RET | BPF_K */

#define RET_KILL_PROCESS 0x80000000u
#define RET_TRAP	0x00030000u
#define RET_ALLOW	0x7fff0000u

#define AUDIT_ARCH_X86_64 0xc000003eu
#define X32_SYSCALL_BIT	0x40000000u

#define SD_NR		0
#define SD_ARCH		4
#define SD_IP_LO	8
#define SD_IP_HI	12
#define SD_ARG_LO(i)	(16 + 8 * (i))
#define SD_ARG_HI(i)	(20 + 8 * (i))

#define MAXINS	64

struct prog {
	struct sock_filter	ins[MAXINS];
	unsigned int		n;
};

/*
 * Built once, before any guest code runs, in a section that stub_main()
 * then makes read-only (stub.lds): guest threads share the stub's address
 * space, and one that rewrote the guest filter while a new thread installed
 * it would give that thread every mm-thread gate.
 */
#define SEALED	__attribute__((section(".sealed")))
static struct prog		process_prog SEALED, guest_prog SEALED;
static struct stub_sock_fprog	process_fprog SEALED, guest_fprog SEALED;

/*
 * Instructions whose jump targets are the three verdicts at the end of the
 * program: jt/jf hold one of these codes until finish() resolves them.
 */
enum { NEXT = 0, TO_ALLOW = 252, TO_TRAP = 253, TO_KILL = 254 };

static void
emit(struct prog *p, uint16_t code, uint8_t jt, uint8_t jf, uint32_t k)
{
	struct sock_filter *f = &p->ins[p->n++];

	f->code = code;
	f->jt = jt;
	f->jf = jf;
	f->k = k;
}

static uint32_t
lo(const char *ip)
{
	return (uint32_t)(uintptr_t)ip;
}

/* The common head: bad arch, x32 and non-stub addresses trap. */
static void
head(struct prog *p)
{
	emit(p, BPF_LD_W_ABS, 0, 0, SD_ARCH);
	emit(p, BPF_JEQ_K, NEXT, TO_TRAP, AUDIT_ARCH_X86_64);
	emit(p, BPF_LD_W_ABS, 0, 0, SD_NR);
	emit(p, BPF_JSET_K, TO_TRAP, NEXT, X32_SYSCALL_BIT);
	emit(p, BPF_LD_W_ABS, 0, 0, SD_IP_HI);
	emit(p, BPF_JEQ_K, NEXT, TO_TRAP, (uint32_t)(STUB_BASE >> 32));
	emit(p, BPF_LD_W_ABS, 0, 0, SD_IP_LO);
	emit(p, BPF_JEQ_K, TO_TRAP, NEXT, lo(stub_boot_trap_ip));
}

static void
allow(struct prog *p, const char *ip)
{
	emit(p, BPF_JEQ_K, TO_ALLOW, NEXT, lo(ip));
}

/* Appends the verdicts and turns the symbolic jumps into offsets. */
static void
finish(struct prog *p, struct stub_sock_fprog *fp)
{
	unsigned int i, v = p->n;

	emit(p, BPF_RET_K, 0, 0, RET_KILL_PROCESS);	/* fall-through */
	emit(p, BPF_RET_K, 0, 0, RET_ALLOW);
	emit(p, BPF_RET_K, 0, 0, RET_TRAP);
	emit(p, BPF_RET_K, 0, 0, RET_KILL_PROCESS);
	for (i = 0; i < v; i++) {
		struct sock_filter *f = &p->ins[i];

		if (f->jt >= TO_ALLOW)
			f->jt = (uint8_t)(v + 1 + (f->jt - TO_ALLOW) - i - 1);
		if (f->jf >= TO_ALLOW)
			f->jf = (uint8_t)(v + 1 + (f->jf - TO_ALLOW) - i - 1);
	}
	fp->len = (unsigned short)p->n;
	fp->filter = p->ins;
}

static void
build_process_filter(void)
{
	struct prog *p = &process_prog;
	static const char *const gates[] = {
		stub_futex_ip, stub_exit_ip, stub_arch_prctl_ip, stub_yield_ip,
		stub_ts_sigaltstack_ip, stub_ts_sigprocmask_ip,
		stub_ts_seccomp_ip, stub_restorer_ip, stub_mm_wait_ip,
		stub_mm_munmap_ip, stub_mm_mprotect_ip, stub_mm_clone_ip,
		stub_mm_wake_ip,
	};
	unsigned int i;

	p->n = 0;
	head(p);
	for (i = 0; i < sizeof(gates) / sizeof(gates[0]); i++)
		allow(p, gates[i]);
	/* pwrite64: only the proof word, through the physical-memory file. */
	emit(p, BPF_JEQ_K, NEXT, 3, lo(stub_mm_pwrite_ip));
	emit(p, BPF_LD_W_ABS, 0, 0, SD_ARG_LO(0));
	emit(p, BPF_JEQ_K, TO_ALLOW, TO_KILL, 3);
	emit(p, BPF_LD_W_ABS, 0, 0, SD_IP_LO);
	/* mmap: only the physical-memory file, shared, fixed (populated). */
	emit(p, BPF_JEQ_K, NEXT, TO_KILL, lo(stub_mm_mmap_ip));
	emit(p, BPF_LD_W_ABS, 0, 0, SD_ARG_LO(4));
	emit(p, BPF_JEQ_K, NEXT, TO_KILL, 3);
	emit(p, BPF_LD_W_ABS, 0, 0, SD_ARG_LO(3));
	emit(p, BPF_JEQ_K, TO_ALLOW, NEXT, 0x8011);
	emit(p, BPF_JEQ_K, TO_ALLOW, TO_KILL, 0x11);
	finish(p, &process_fprog);
}

static void
build_guest_filter(void)
{
	struct prog *p = &guest_prog;

	p->n = 0;
	head(p);
	allow(p, stub_restorer_ip);
	allow(p, stub_exit_ip);
	allow(p, stub_arch_prctl_ip);
	allow(p, stub_yield_ip);
	/* futex: only on words of the slots, not the mm thread's doorbell. */
	emit(p, BPF_JEQ_K, NEXT, TO_KILL, lo(stub_futex_ip));
	emit(p, BPF_LD_W_ABS, 0, 0, SD_ARG_HI(0));
	emit(p, BPF_JEQ_K, NEXT, TO_KILL, (uint32_t)(STUB_BASE >> 32));
	emit(p, BPF_LD_W_ABS, 0, 0, SD_ARG_LO(0));
	emit(p, BPF_JGE_K, TO_ALLOW, TO_KILL, (uint32_t)STUB_SLOTS);
	finish(p, &guest_fprog);
}

void
stub_filters_build(void)
{
	build_process_filter();
	build_guest_filter();
}

const struct stub_sock_fprog *
stub_process_filter(void)
{
	return &process_fprog;
}

const struct stub_sock_fprog *
stub_guest_filter(void)
{
	return &guest_fprog;
}
