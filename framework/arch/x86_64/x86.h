/*
 * arch/x86_64/x86.h: the instructions the bare-metal kernel's C code needs
 * (port I/O, CPUID, halting), as inline functions.
 */
#ifndef X86_H
#define X86_H

#include <stdint.h>

/* Where the image runs: virtual = KERNEL_VMA + physical (kernel.ld). */
#define KERNEL_VMA	0xffffffff80000000ull
/* How much physical memory the boot page tables map there (head.S). */
#define BOOT_MAP_SIZE	(1ull << 30)

/* Linux's segment selectors (head.S, gdt.c). */
#define SEL_KERNEL_CS	0x10
#define SEL_KERNEL_DS	0x18
#define SEL_USER_DS	0x2b
#define SEL_USER_CS	0x33
#define SEL_TSS		0x40

#define MSR_APIC_BASE	0x1b
#define MSR_EFER	0xc0000080

static inline uint64_t
rdmsr(uint32_t msr)
{
	uint32_t lo, hi;

	__asm__ volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
	return (uint64_t)hi << 32 | lo;
}

static inline void
wrmsr(uint32_t msr, uint64_t v)
{
	__asm__ volatile("wrmsr"
	    : : "c"(msr), "a"((uint32_t)v), "d"((uint32_t)(v >> 32)));
}

static inline uint64_t
rdtsc(void)
{
	uint32_t lo, hi;

	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return (uint64_t)hi << 32 | lo;
}

static inline uint64_t
read_cr2(void)
{
	uint64_t v;

	__asm__ volatile("mov %%cr2, %0" : "=r"(v));
	return v;
}

static inline uint64_t
read_cr4(void)
{
	uint64_t v;

	__asm__ volatile("mov %%cr4, %0" : "=r"(v));
	return v;
}

static inline void
write_cr4(uint64_t v)
{
	__asm__ volatile("mov %0, %%cr4" : : "r"(v) : "memory");
}

static inline void
write_cr3(uint64_t v)
{
	__asm__ volatile("mov %0, %%cr3" : : "r"(v) : "memory");
}

static inline void
irq_enable(void)
{
	__asm__ volatile("sti" : : : "memory");
}

static inline void
irq_disable(void)
{
	__asm__ volatile("cli" : : : "memory");
}

/* Enables interrupts and waits for one (sti's shadow covers the hlt). */
static inline void
irq_wait(void)
{
	__asm__ volatile("sti; hlt; cli" : : : "memory");
}

static inline void
outb(uint16_t port, uint8_t v)
{
	__asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port));
}

static inline uint8_t
inb(uint16_t port)
{
	uint8_t v;

	__asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static inline void
outw(uint16_t port, uint16_t v)
{
	__asm__ volatile("outw %0, %1" : : "a"(v), "Nd"(port));
}

static inline void
outl(uint16_t port, uint32_t v)
{
	__asm__ volatile("outl %0, %1" : : "a"(v), "Nd"(port));
}

static inline uint32_t
inl(uint16_t port)
{
	uint32_t v;

	__asm__ volatile("inl %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static inline void
cpuid(uint32_t leaf, uint32_t sub, uint32_t r[4])
{
	__asm__ volatile("cpuid"
	    : "=a"(r[0]), "=b"(r[1]), "=c"(r[2]), "=d"(r[3])
	    : "a"(leaf), "c"(sub));
}

static inline void
halt_forever(void)
{
	for (;;)
		__asm__ volatile("cli; hlt");
}

#endif
