/*
 * backend_test.c: the host backend end to end, without the services: a
 * machine with one CPU whose first task builds address spaces by hand and
 * runs guest snippets (snippets.S) through fw_user_enter(), checking each
 * event: system calls, faults resolved silently from the page table,
 * read-only pages the host maps at the first touch, faults reported, downgrades and unmaps that reach the host at once, the
 * fs base, the vsyscall page, int 0x80, kicks, and a guest that jumps into
 * the stub and must take only itself down.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <fw/boot.h>
#include <fw/errno.h>
#include <fw/frame.h>
#include <fw/power.h>
#include <fw/task.h>
#include <fw/timer.h>
#include <fw/user.h>
#include <fw/vm.h>
#include <core/boot_impl.h>
#include <hal/cpu.h>

#include "sim.h"

#define CODE	0x400000ull
#define DATA	0x600000ull
#define STACK	0x700000ull

#define SNIPPET(n)	extern const char n[], n##_end[]
SNIPPET(snip_syscalls); SNIPPET(snip_write_unmapped); SNIPPET(snip_read_data);
SNIPPET(snip_write_twice); SNIPPET(snip_int3); SNIPPET(snip_ud2);
SNIPPET(snip_stub_jump); SNIPPET(snip_fs); SNIPPET(snip_vsyscall);
SNIPPET(snip_int80); SNIPPET(snip_loop);

static int passed, failed;

#define CHECK(c) do {							\
	if (c) {							\
		passed++;						\
	} else {							\
		failed++;						\
		fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__,	\
		    __LINE__, #c);					\
	}								\
} while (0)

struct guest {
	struct fw_vm		*vm;
	struct fw_uthread	*t;
	struct fw_frame		*code, *data, *stack;
	struct fw_user_ctx	 ctx;
};

static void
guest_new(struct guest *g)
{
	memset(g, 0, sizeof(*g));
	CHECK(fw_vm_new(&g->vm) == 0);
	CHECK(fw_frame_alloc(&g->code) == 0);
	CHECK(fw_frame_alloc(&g->data) == 0);
	CHECK(fw_frame_alloc(&g->stack) == 0);
	CHECK(fw_vm_map(g->vm, fw_uaddr(CODE), g->code,
	    FW_PROT_READ | FW_PROT_EXEC) == 0);
	CHECK(fw_vm_map(g->vm, fw_uaddr(DATA), g->data,
	    FW_PROT_READ | FW_PROT_WRITE) == 0);
	CHECK(fw_vm_map(g->vm, fw_uaddr(STACK), g->stack,
	    FW_PROT_READ | FW_PROT_WRITE) == 0);
	CHECK(fw_uthread_new(g->vm, &g->t) == 0);
}

static void
guest_free(struct guest *g)
{
	fw_uthread_free(g->t);
	fw_frame_unref(g->code);
	fw_frame_unref(g->data);
	fw_frame_unref(g->stack);
	fw_vm_unref(g->vm);
}

/* Loads a snippet and starts it from its first instruction. */
static void
load(struct guest *g, const char *start, const char *end)
{
	CHECK(fw_frame_write(g->code, 0, start, (size_t)(end - start)) == 0);
	memset(&g->ctx, 0, sizeof(g->ctx));
	g->ctx.rip = CODE;
	g->ctx.rsp = STACK + 4096;
	g->ctx.rflags = 0x202;
}

#define LOAD(g, n)	load(g, n, n##_end)

static int
enter(struct guest *g, struct fw_user_event *ev)
{
	return fw_user_enter(g->t, &g->ctx, ev);
}

static void
test_syscalls(struct guest *g)
{
	struct fw_user_event ev;

	LOAD(g, snip_syscalls);
	CHECK(enter(g, &ev) == 0);
	CHECK(ev.kind == FW_USER_SYSCALL && ev.abi == FW_ABI_X86_64);
	CHECK(g->ctx.rax == 39);
	CHECK(g->ctx.rip == CODE + 7);
	g->ctx.rax = 1234;
	CHECK(enter(g, &ev) == 0);
	CHECK(ev.kind == FW_USER_SYSCALL && g->ctx.rax == 60);
	CHECK(g->ctx.rdi == 1234);
}

static void
test_faults(struct guest *g)
{
	struct fw_user_event ev;
	uint64_t v = 0x1122334455667788ull, got;

	LOAD(g, snip_write_unmapped);
	CHECK(enter(g, &ev) == 0);
	CHECK(ev.kind == FW_USER_EXCEPTION && ev.trap == FW_TRAP_PF);
	CHECK(ev.addr == 0x500000 && ev.access == FW_ACCESS_WRITE);
	CHECK(!ev.present);

	/* In the page table but not yet in the host: resolved silently. */
	CHECK(fw_frame_write(g->data, 0, &v, sizeof(v)) == 0);
	LOAD(g, snip_read_data);
	CHECK(enter(g, &ev) == 0);
	CHECK(ev.kind == FW_USER_SYSCALL && g->ctx.rdi == v);

	/* A downgrade reaches the host before fw_vm_protect() returns. */
	LOAD(g, snip_write_twice);
	CHECK(enter(g, &ev) == 0);
	CHECK(ev.kind == FW_USER_SYSCALL && g->ctx.rax == 39);
	CHECK(fw_frame_read(g->data, 0, &got, sizeof(got)) == 0 && got == 7);
	fw_vm_protect(g->vm, fw_uaddr(DATA), 4096, FW_PROT_READ);
	CHECK(enter(g, &ev) == 0);
	CHECK(ev.kind == FW_USER_EXCEPTION && ev.trap == FW_TRAP_PF);
	CHECK(ev.addr == DATA && ev.access == FW_ACCESS_WRITE && ev.present);
	CHECK(fw_frame_read(g->data, 0, &got, sizeof(got)) == 0 && got == 7);

	/* So does an unmap. */
	fw_vm_unmap(g->vm, fw_uaddr(DATA), 4096);
	LOAD(g, snip_read_data);
	CHECK(enter(g, &ev) == 0);
	CHECK(ev.kind == FW_USER_EXCEPTION && ev.addr == DATA);
	CHECK(ev.access == FW_ACCESS_READ);
	CHECK(fw_vm_map(g->vm, fw_uaddr(DATA), g->data,
	    FW_PROT_READ | FW_PROT_WRITE) == 0);
}

/*
 * A read-only page is mapped lazily (the host fills it in at the first
 * touch): the guest reads what the frame holds, even when the frame
 * changed after the map, and a write is refused as a present page's fault.
 */
static void
test_read_only(struct guest *g)
{
	struct fw_user_event ev;
	uint64_t v = 0x55aa55aa12345678ull, got;

	fw_vm_unmap(g->vm, fw_uaddr(DATA), 4096);
	CHECK(fw_vm_map(g->vm, fw_uaddr(DATA), g->data, FW_PROT_READ) == 0);
	CHECK(fw_frame_write(g->data, 0, &v, sizeof(v)) == 0);
	LOAD(g, snip_read_data);
	CHECK(enter(g, &ev) == 0);
	CHECK(ev.kind == FW_USER_SYSCALL && g->ctx.rdi == v);

	LOAD(g, snip_write_twice);
	CHECK(enter(g, &ev) == 0);
	CHECK(ev.kind == FW_USER_EXCEPTION && ev.trap == FW_TRAP_PF);
	CHECK(ev.addr == DATA && ev.access == FW_ACCESS_WRITE && ev.present);
	CHECK(fw_frame_read(g->data, 0, &got, sizeof(got)) == 0 && got == v);

	fw_vm_unmap(g->vm, fw_uaddr(DATA), 4096);
	CHECK(fw_vm_map(g->vm, fw_uaddr(DATA), g->data,
	    FW_PROT_READ | FW_PROT_WRITE) == 0);
}

static void
test_traps(struct guest *g)
{
	struct fw_user_event ev;

	LOAD(g, snip_int3);
	CHECK(enter(g, &ev) == 0);
	CHECK(ev.kind == FW_USER_EXCEPTION && ev.trap == FW_TRAP_BP);
	LOAD(g, snip_ud2);
	CHECK(enter(g, &ev) == 0);
	CHECK(ev.kind == FW_USER_EXCEPTION && ev.trap == FW_TRAP_UD);
}

static void
test_fs_base(struct guest *g)
{
	struct fw_user_event ev;
	uint64_t v = 0xabcdef;

	CHECK(fw_frame_write(g->data, 8, &v, sizeof(v)) == 0);
	LOAD(g, snip_fs);
	g->ctx.fs_base = DATA;
	CHECK(enter(g, &ev) == 0);
	CHECK(ev.kind == FW_USER_SYSCALL && g->ctx.rdi == v);
	CHECK(g->ctx.fs_base == DATA);
}

static void
test_abis(struct guest *g)
{
	struct fw_user_event ev;

	LOAD(g, snip_vsyscall);
	CHECK(enter(g, &ev) == 0);
	CHECK(ev.kind == FW_USER_SYSCALL && ev.abi == FW_ABI_VSYSCALL);
	CHECK(g->ctx.rax == 201);
	/* The kernel already emulated the ret: back at the call site. */
	CHECK(g->ctx.rip == CODE + 12);
	/*
	 * int 0x80 is a compat system call where the host kernel has IA32
	 * emulation, and a #GP where it has not; either way it is reported,
	 * never run.
	 */
	LOAD(g, snip_int80);
	CHECK(enter(g, &ev) == 0);
	CHECK((ev.kind == FW_USER_SYSCALL && ev.abi == FW_ABI_OTHER) ||
	    (ev.kind == FW_USER_EXCEPTION && ev.trap == FW_TRAP_GP));
}

static void
kicker(void *arg)
{
	struct guest *g = arg;

	if (fw_sleep_until(fw_clock_monotonic() + 20000000) < 0)
		return;
	fw_uthread_kick(g->t);
}

static void
test_kick(struct guest *g)
{
	struct fw_user_event ev;

	LOAD(g, snip_loop);
	CHECK(fw_task_spawn(kicker, g, NULL) == 0);
	/* The kicker needs the CPU first: the only CPU is ours until we enter. */
	fw_task_yield();
	CHECK(enter(g, &ev) == 0);
	CHECK(ev.kind == FW_USER_INTERRUPT);
}

/* A jump into the stub kills the stub process, and nothing else. */
static void
test_stub_jump(void)
{
	struct guest g;
	struct fw_user_event ev;

	guest_new(&g);
	LOAD(&g, snip_stub_jump);
	CHECK(enter(&g, &ev) == -EIO);
	guest_free(&g);
}

void
svc_main(void *arg)
{
	struct guest g;

	guest_new(&g);
	test_syscalls(&g);
	test_faults(&g);
	test_read_only(&g);
	test_traps(&g);
	test_fs_base(&g);
	test_abis(&g);
	test_kick(&g);
	guest_free(&g);
	test_stub_jump();
	printf("%d passed, %d failed\n", passed, failed);
	fflush(stdout);
	fw_power_off(failed == 0 ? 0 : 1);
}

int
main(void)
{
	static const char *argv[] = { "backend_test" };

	if (sim_phys_init(64ull << 20) < 0 || sim_stub_init() < 0) {
		perror("backend_test: set-up");
		return 1;
	}
	sim_cpus_configure(1);
	fw_boot_params = (struct fw_boot_params){ .argc = 1, .argv = argv };
	sim_console_init();
	fw_core_init();
	sim_cpus_start();
}
