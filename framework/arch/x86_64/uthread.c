/*
 * arch/x86_64/uthread.c: hal/user.h on bare metal (uthread.h).
 *
 * hal_user_enter() makes the thread's space live, puts its FP state in the
 * registers, loads FS and GS bases, sanitises rflags (IF on, IOPL 0, only
 * the flags user mode may set) and runs user mode until it traps.  FP
 * state stays in the registers while the same thread comes and goes, and
 * is saved to its XSAVE area when another thread enters or the core asks
 * for the area.
 */
#include <fw/alloc.h>
#include <fw/errno.h>
#include <fw/panic.h>
#include <fw/task.h>
#include <fw/vm.h>
#include <fw/timer.h>
#include <hal/cpu.h>
#include <hal/uaccess.h>
#include <hal/user.h>
#include <stddef.h>

#include "arch/x86_64/cpu.h"
#include "arch/x86_64/mmu.h"
#include "arch/x86_64/uthread.h"
#include "arch/x86_64/x86.h"
#include "core/sched_impl.h"

#define MSR_FS_BASE	0xc0000100
#define MSR_KERNEL_GS_BASE 0xc0000102	/* the user's GS base */
#define USER_TOP	0x00007ffffffff000ull	/* the last page stays out */
#define RFLAGS_USER	0x250dd5ull	/* CF PF AF ZF SF TF DF OF RF AC ID */
#define RFLAGS_FIXED	0x202ull	/* IF, and bit 1 */
#define RFLAGS_TF	0x100ull
#define RFLAGS_RF	0x10000ull
#define VSYSCALL_PAGE	0xffffffffff600000ull
#define PF_USER_FETCH	0x14ull		/* error code: user, instruction */

_Static_assert(offsetof(struct fw_user_ctx, r15) == 0, "user_entry.S");
_Static_assert(offsetof(struct fw_user_ctx, r11) == 48, "user_entry.S");
_Static_assert(offsetof(struct fw_user_ctx, rax) == 80, "user_entry.S");
_Static_assert(offsetof(struct fw_user_ctx, rdi) == 112, "user_entry.S");
_Static_assert(offsetof(struct fw_user_ctx, rip) == 120, "user_entry.S");
_Static_assert(offsetof(struct fw_user_ctx, rsp) == 136, "user_entry.S");

struct fw_uthread {
	struct hal_space	*space;		/* [I] */
	uint8_t			*xsave;		/* 64-byte aligned, in raw */
	void			*raw;
	volatile bool		 kicked;
};

static struct fw_uthread *fp_owner;	/* whose FP state the CPU holds */
static struct fw_user_ctx *running;	/* the context in user mode */
static struct x86_trap_frame trap;	/* the last trap from user mode */
static uint64_t trap_cr2;

int
hal_uthread_new(struct hal_space *s, struct fw_uthread **out)
{
	struct fw_uthread *t = fw_zalloc(1, sizeof(*t));
	size_t size = hal_cpu_xsave_size();

	if (t == NULL || (t->raw = fw_alloc(size + 63)) == NULL) {
		fw_free(t);
		return -ENOMEM;
	}
	t->xsave = (uint8_t *)(((uintptr_t)t->raw + 63) & ~(uintptr_t)63);
	x86_fpu_init_area(t->xsave);
	t->space = s;
	*out = t;
	return 0;
}

/* Never called: hal_space_reusable() is false here. */
void
hal_uthread_adopt(struct fw_uthread *t, struct fw_vm *vm)
{
	(void)t;
	(void)vm;
	fw_panic("hal_uthread_adopt: spaces are not reused here");
}

void
hal_uthread_free(struct fw_uthread *t)
{
	if (t == NULL)
		return;
	if (fp_owner == t)
		fp_owner = NULL;
	fw_free(t->raw);
	fw_free(t);
}

void
hal_uthread_kick(struct fw_uthread *t)
{
	t->kicked = true;
	hal_cpu_wake(0);
}

uint8_t *
hal_uthread_xsave_area(struct fw_uthread *t)
{
	if (fp_owner == t) {
		x86_fpu_save(t->xsave);
		fp_owner = NULL;
	}
	return t->xsave;
}

void
x86_user_trap(const struct x86_trap_frame *f, uint64_t cr2)
{
	struct fw_user_ctx *c = running;

	if (f->vector == 2 || f->vector == VEC_SPURIOUS)
		return;
	*c = (struct fw_user_ctx){
		.r15 = f->r15, .r14 = f->r14, .r13 = f->r13, .r12 = f->r12,
		.rbp = f->rbp, .rbx = f->rbx, .r11 = f->r11, .r10 = f->r10,
		.r9 = f->r9, .r8 = f->r8, .rax = f->rax, .rcx = f->rcx,
		.rdx = f->rdx, .rsi = f->rsi, .rdi = f->rdi, .rip = f->rip,
		.rflags = f->rflags, .rsp = f->rsp,
		.fs_base = c->fs_base, .gs_base = c->gs_base,
	};
	trap = *f;
	trap_cr2 = cr2;
	x86_user_exit(f->vector >= 32 ? X86_USER_INTERRUPT : X86_USER_TRAP);
}

static void
exception_event(struct fw_user_event *ev)
{
	ev->kind = FW_USER_EXCEPTION;
	ev->trap = (int)trap.vector;
	ev->code = (int)trap.error;
	ev->addr = 0;
	ev->access = 0;
	ev->present = false;
	if (trap.vector == FW_TRAP_PF) {
		ev->addr = trap_cr2;
		ev->access = (trap.error & 2) ? FW_ACCESS_WRITE :
		    (trap.error & 16) ? FW_ACCESS_EXEC : FW_ACCESS_READ;
		ev->present = (trap.error & 1) != 0;
	}
}

/*
 * A call into the legacy vsyscall page, which nothing maps: emulated as
 * Linux's vsyscall=emulate does.  A fetch at one of the three entries
 * becomes that system call (rax the number, the return address popped
 * into rip; read through hal/uaccess.h, which SMAP allows); true if this
 * was one.  Anything else there stays a fault.
 */
static bool
vsyscall(struct hal_space *s, struct fw_user_ctx *c,
    struct fw_user_event *ev)
{
	static const uint64_t nr[3] = { 96, 201, 309 };	/* gettimeofday,
							   time, getcpu */
	uint64_t off = trap_cr2 - VSYSCALL_PAGE, ret;

	if (trap_cr2 < VSYSCALL_PAGE || off % 0x400 != 0 || off / 0x400 > 2 ||
	    trap.rip != trap_cr2 ||
	    (trap.error & PF_USER_FETCH) != PF_USER_FETCH ||
	    c->rsp >= USER_TOP - 8 ||
	    hal_user_copy(s, HAL_UOP_FROM, &ret, c->rsp, sizeof(ret)) != 0)
		return false;
	c->rax = nr[off / 0x400];
	c->rip = ret;
	c->rsp += 8;
	ev->kind = FW_USER_SYSCALL;
	ev->abi = FW_ABI_VSYSCALL;
	return true;
}

static uint64_t
user_base(uint64_t v)
{
	return v < USER_TOP ? v : 0;
}

int
hal_user_enter(struct fw_uthread *t, struct fw_user_ctx *ctx,
    struct fw_user_event *ev)
{
	bool sysret;
	int how;

	if (t->kicked) {
		t->kicked = false;
		ev->kind = FW_USER_INTERRUPT;
		ev->user_ns = 0;
		return 0;
	}
	x86_space_activate(t->space);
	if (fp_owner != t) {
		if (fp_owner != NULL)
			x86_fpu_save(fp_owner->xsave);
		x86_fpu_load(t->xsave);
		fp_owner = t;
	}
	wrmsr(MSR_FS_BASE, user_base(ctx->fs_base));
	wrmsr(MSR_KERNEL_GS_BASE, user_base(ctx->gs_base));
	ctx->rflags = (ctx->rflags & RFLAGS_USER) | RFLAGS_FIXED;
	sysret = ctx->rcx == ctx->rip && ctx->r11 == ctx->rflags &&
	    ctx->rip < USER_TOP && !(ctx->rflags & (RFLAGS_TF | RFLAGS_RF));
	running = ctx;
	ev->user_ns = 0;
	for (;;) {
		uint64_t t0 = fw_clock_monotonic(), ns;

		how = x86_user_run(ctx, sysret);
		ns = fw_clock_monotonic() - t0;
		ev->user_ns += ns;
		fw_task_exclude_time(ns);
		if (how != X86_USER_TRAP || trap.vector != FW_TRAP_PF)
			break;
		if (vsyscall(t->space, ctx, ev)) {
			running = NULL;
			return 0;
		}
		exception_event(ev);
		if (!x86_space_resolve(t->space, ev->addr, ev->access))
			break;
		sysret = false;
	}
	running = NULL;
	switch (how) {
	case X86_USER_SYSCALL:
		ev->kind = FW_USER_SYSCALL;
		ev->abi = FW_ABI_X86_64;
		break;
	case X86_USER_TRAP:
		exception_event(ev);
		break;
	default:
		/*
		 * The tick or a device took the CPU from user mode: a
		 * scheduling point, or a thread that never makes a system
		 * call would keep every other task from running.
		 */
		ev->kind = FW_USER_INTERRUPT;
		fw_task_yield();
		break;
	}
	return 0;
}
