/*
 * arch/x86_64/cpu.c: hal/cpu.h on bare metal (one CPU so far) and the
 * CPU's setup (cpu.h).
 */
#include <hal/cpu.h>
#include <hal/platform.h>
#include <stddef.h>
#include <string.h>

#include "arch/x86_64/console.h"
#include "arch/x86_64/cpu.h"
#include "arch/x86_64/pci.h"
#include "arch/x86_64/serial.h"
#include "arch/x86_64/x86.h"

#define CR0_MP		(1ull << 1)
#define CR0_EM		(1ull << 2)
#define CR0_TS		(1ull << 3)
#define CR4_OSFXSR	(1ull << 9)
#define CR4_OSXMMEXCPT	(1ull << 10)
#define CR4_OSXSAVE	(1ull << 18)
#define CR4_SMEP	(1ull << 20)
#define CR4_SMAP	(1ull << 21)
#define XFEATURE_X87	1u
#define XFEATURE_SSE	2u
#define XFEATURE_AVX	4u
#define MSR_STAR	0xc0000081
#define MSR_LSTAR	0xc0000082
#define MSR_FMASK	0xc0000084
#define MSR_GS_BASE	0xc0000101
#define MSR_KERNEL_GS_BASE 0xc0000102
#define EFER_SCE	1ull
/* What SYSCALL clears in RFLAGS, as Linux has it: the arithmetic flags,
 * TF, IF, DF, IOPL, NT, RF, AC and ID. */
#define SYSCALL_FMASK	0x257fd5ull

void	x86_syscall_entry(void);			/* user_entry.S */

static bool has_xsave;
static uint64_t xfeatures = XFEATURE_X87 | XFEATURE_SSE;
static size_t xsave_size = 512;
static uint32_t mxcsr_mask = 0xffbf;
static uint64_t hwcap;
static volatile bool woken;
static bool smap;
static struct x86_percpu boot_cpu;

_Static_assert(offsetof(struct x86_percpu, kernel_rsp) == 8, "user_entry.S");
_Static_assert(offsetof(struct x86_percpu, user_ctx) == 16, "user_entry.S");
_Static_assert(offsetof(struct x86_percpu, user_rsp) == 24, "user_entry.S");
_Static_assert(offsetof(struct x86_percpu, id) == 32, "user_entry.S");

static uint64_t
read_cr0(void)
{
	uint64_t v;

	__asm__ volatile("mov %%cr0, %0" : "=r"(v));
	return v;
}

static void
write_cr0(uint64_t v)
{
	__asm__ volatile("mov %0, %%cr0" : : "r"(v) : "memory");
}

static void
xsetbv(uint32_t reg, uint64_t v)
{
	__asm__ volatile("xsetbv"
	    : : "c"(reg), "a"((uint32_t)v), "d"((uint32_t)(v >> 32)));
}

void
x86_fpu_save(uint8_t *area)
{
	if (has_xsave)
		__asm__ volatile("xsave64 (%0)" : : "r"(area),
		    "a"((uint32_t)xfeatures), "d"((uint32_t)(xfeatures >> 32))
		    : "memory");
	else
		__asm__ volatile("fxsave64 (%0)" : : "r"(area) : "memory");
}

void
x86_fpu_load(const uint8_t *area)
{
	if (has_xsave)
		__asm__ volatile("xrstor64 (%0)" : : "r"(area),
		    "a"((uint32_t)xfeatures), "d"((uint32_t)(xfeatures >> 32))
		    : "memory");
	else
		__asm__ volatile("fxrstor64 (%0)" : : "r"(area) : "memory");
}

void
x86_fpu_init_area(uint8_t *area)
{
	uint32_t mxcsr = 0x1f80;

	memset(area, 0, xsave_size);
	area[0] = 0x7f;				/* FCW 0x037f */
	area[1] = 0x03;
	memcpy(area + 24, &mxcsr, sizeof(mxcsr));
}

static void
fpu_init(void)
{
	uint32_t r[4];
	uint8_t area[512] __attribute__((aligned(64)));

	write_cr0((read_cr0() & ~(CR0_EM | CR0_TS)) | CR0_MP);
	write_cr4(read_cr4() | CR4_OSFXSR | CR4_OSXMMEXCPT);
	cpuid(1, 0, r);
	hwcap = r[3];
	if (r[2] & (1u << 26)) {		/* XSAVE */
		has_xsave = true;
		write_cr4(read_cr4() | CR4_OSXSAVE);
		if (r[2] & (1u << 28))		/* AVX */
			xfeatures |= XFEATURE_AVX;
		xsetbv(0, xfeatures);
		cpuid(0xd, 0, r);
		xsave_size = (r[1] + 63) & ~(size_t)63;
	}
	/* MXCSR_MASK from an FXSAVE image; 0 there means 0xffbf. */
	memset(area, 0, sizeof(area));
	__asm__ volatile("fxsave64 (%0)" : : "r"(area) : "memory");
	memcpy(&mxcsr_mask, area + 28, sizeof(mxcsr_mask));
	if (mxcsr_mask == 0)
		mxcsr_mask = 0xffbf;
}

void
x86_cpu_init(void)
{
	uint32_t r[4];

	fpu_init();
	cpuid(7, 0, r);
	if (r[1] & (1u << 7))			/* SMEP */
		write_cr4(read_cr4() | CR4_SMEP);
	if (r[1] & (1u << 20)) {		/* SMAP */
		write_cr4(read_cr4() | CR4_SMAP);
		smap = true;
	}
	boot_cpu.self = &boot_cpu;
	wrmsr(MSR_GS_BASE, (uintptr_t)&boot_cpu);
	wrmsr(MSR_KERNEL_GS_BASE, 0);
	x86_say("cpu: SMEP %s, SMAP %s, %s %zu bytes",
	    read_cr4() & CR4_SMEP ? "on" : "absent", smap ? "on" : "absent",
	    has_xsave ? "XSAVE" : "FXSAVE", xsave_size);
	wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_SCE);
	/* SYSCALL loads CS 0x10, SS 0x18; SYSRET CS 0x23 + 16, SS 0x23 + 8. */
	wrmsr(MSR_STAR, 0x23ull << 48 | 0x10ull << 32);
	wrmsr(MSR_LSTAR, (uintptr_t)x86_syscall_entry);
	wrmsr(MSR_FMASK, SYSCALL_FMASK);
}

struct x86_percpu *
x86_percpu(void)
{
	struct x86_percpu *p;

	__asm__ volatile("movq %%gs:0, %0" : "=r"(p));
	return p;
}

bool
x86_cpu_smap(void)
{
	return smap;
}

unsigned int
hal_cpu_id(void)
{
	return 0;
}

unsigned int
hal_cpu_count(void)
{
	return 1;
}

/*
 * Waits with interrupts on for the next one (the tick at the latest, 10 ms
 * away), unless there is a reason to return now.
 */
void
hal_cpu_idle(uint64_t deadline)
{
	if (woken) {
		woken = false;
		return;
	}
	if (x86_console_pending() || hal_clock_monotonic() >= deadline)
		return;
	irq_wait();
}

void
hal_cpu_wake(unsigned int cpu)
{
	(void)cpu;
	woken = true;
}

void
hal_cpu_spin_yield(void)
{
	__asm__ volatile("pause");
}

void
hal_irq_poll(void)
{
	x86_console_poll();
	x86_pci_poll();
}

uint64_t
hal_cpu_hwcap(void)
{
	return hwcap;
}

uint64_t
hal_cpu_hwcap2(void)
{
	return 0;
}

size_t
hal_cpu_xsave_size(void)
{
	return xsave_size;
}

uint64_t
hal_cpu_xfeatures(void)
{
	return xfeatures;
}

uint32_t
hal_cpu_mxcsr_mask(void)
{
	return mxcsr_mask;
}
