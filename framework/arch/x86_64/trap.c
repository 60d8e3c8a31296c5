/*
 * arch/x86_64/trap.c: what a trap does (trap.h).  Interrupt vectors go to
 * their handlers first.  A trap from user mode then goes back to the
 * thread's hal_user_enter() (uthread.c).  In kernel mode, #BP resumes
 * (after the int3, where the CPU left rip), and so does an NMI, which
 * nothing here sends but a self-test (as Linux does with an NMI of
 * unknown reason, it is counted and left); a #PF or #GP at an instruction
 * the exception table lists resumes at its fixup; any other exception is a
 * kernel bug: the registers are printed and the kernel panics.
 */
#include <fw/panic.h>

#include "arch/x86_64/extable.h"
#include "arch/x86_64/serial.h"
#include "arch/x86_64/trap.h"
#include "arch/x86_64/uthread.h"
#include "arch/x86_64/x86.h"

struct ex_entry {
	uint64_t	insn;
	uint64_t	fixup;
};

extern const struct ex_entry ex_table_start[], ex_table_end[];	/* kernel.ld */

static const char *const names[32] = {
	"#DE divide error", "#DB debug", "NMI", "#BP breakpoint",
	"#OF overflow", "#BR bound range", "#UD invalid opcode",
	"#NM device not available", "#DF double fault", "coprocessor overrun",
	"#TS invalid TSS", "#NP segment not present", "#SS stack fault",
	"#GP general protection", "#PF page fault", "vector 15",
	"#MF x87 error", "#AC alignment check", "#MC machine check",
	"#XM SIMD error", "#VE virtualization", "#CP control protection",
};

static uint64_t counts[256];
static uintptr_t last_frame[32];
static void (*handlers[256])(unsigned int vector);

uint64_t
x86_trap_count(unsigned int vector)
{
	return vector < 256 ? counts[vector] : 0;
}

void
x86_irq_set(unsigned int vector, void (*fn)(unsigned int vector))
{
	if (vector >= 32 && vector < 256)
		handlers[vector] = fn;
}

uintptr_t
x86_trap_last_frame(unsigned int vector)
{
	return vector < 32 ? last_frame[vector] : 0;
}

uint64_t
x86_extable_find(uint64_t rip)
{
	size_t n = ((uintptr_t)ex_table_end - (uintptr_t)ex_table_start) /
	    sizeof(struct ex_entry);

	for (size_t i = 0; i < n; i++)
		if (ex_table_start[i].insn == rip)
			return ex_table_start[i].fixup;
	return 0;
}

static FW_NORETURN void
die(const struct x86_trap_frame *f, uint64_t cr2)
{
	const char *name = f->vector < 32 && names[f->vector] != NULL ?
	    names[f->vector] : "unexpected interrupt";

	x86_say("  rip %016llx  cs %04llx  rflags %08llx  rsp %016llx  "
	    "ss %04llx",
	    (unsigned long long)f->rip, (unsigned long long)f->cs,
	    (unsigned long long)f->rflags, (unsigned long long)f->rsp,
	    (unsigned long long)f->ss);
	x86_say("  rax %016llx  rbx %016llx  rcx %016llx  rdx %016llx",
	    (unsigned long long)f->rax, (unsigned long long)f->rbx,
	    (unsigned long long)f->rcx, (unsigned long long)f->rdx);
	x86_say("  rsi %016llx  rdi %016llx  rbp %016llx  r8  %016llx",
	    (unsigned long long)f->rsi, (unsigned long long)f->rdi,
	    (unsigned long long)f->rbp, (unsigned long long)f->r8);
	x86_say("  r9  %016llx  r10 %016llx  r11 %016llx  r12 %016llx",
	    (unsigned long long)f->r9, (unsigned long long)f->r10,
	    (unsigned long long)f->r11, (unsigned long long)f->r12);
	x86_say("  r13 %016llx  r14 %016llx  r15 %016llx",
	    (unsigned long long)f->r13, (unsigned long long)f->r14,
	    (unsigned long long)f->r15);
	fw_panic("%s (vector %llu) in kernel mode at %#llx, error %#llx, "
	    "cr2 %#llx", name, (unsigned long long)f->vector,
	    (unsigned long long)f->rip, (unsigned long long)f->error,
	    (unsigned long long)cr2);
}

void
x86_trap(struct x86_trap_frame *f)
{
	uint64_t v = f->vector, cr2 = v == VEC_PF ? read_cr2() : 0, fix;

	counts[v & 255]++;
	if (v < 32)
		last_frame[v] = (uintptr_t)f;
	if (v >= 32 && handlers[v] != NULL)
		handlers[v]((unsigned int)v);
	if ((f->cs & 3) == 3) {
		x86_user_trap(f, cr2);
		return;
	}
	if (v >= 32) {
		if (handlers[v] == NULL && v != VEC_SPURIOUS)
			die(f, cr2);
		return;
	}
	if (v == 3 || v == VEC_NMI)
		return;
	if ((v == VEC_PF || v == 13) && (f->cs & 3) == 0 &&
	    (fix = x86_extable_find(f->rip)) != 0) {
		f->rip = fix;
		return;
	}
	die(f, cr2);
}
