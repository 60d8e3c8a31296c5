/*
 * arch/x86_64/cpu_tables.c: the GDT, the TSS and the IDT (trap.h).
 *
 * GDT entries, as Linux has them: 1 kernel code 32-bit (0x08), 2 kernel
 * code 64-bit (0x10), 3 kernel data (0x18), 4 user code 32-bit (0x23),
 * 5 user data (0x2b), 6 user code 64-bit (0x33), 8-9 the TSS (0x40).  So
 * SYSCALL/SYSRET's STAR can later name 0x10 and 0x23, and user CS and SS
 * read 0x33 and 0x2b as under the simulator.
 *
 * The TSS's RSP0 is the stack traps from user mode arrive on; its IST
 * stacks: 1 NMI, 2 double fault, 3 machine check, 4 debug,
 * so that each runs on a known-good stack whatever the kernel's state.  Its
 * I/O map lies past its limit: user mode gets no port.
 *
 * IDT gates are interrupt gates (interrupts masked on entry) of DPL 0, but
 * #BP and #OF (DPL 3, so int3 and into work from user mode, as on Linux).
 */
#include <stdint.h>

#include "arch/x86_64/trap.h"
#include "arch/x86_64/x86.h"

#define IST_STACK	16384

struct tss {
	uint32_t	reserved0;
	uint64_t	rsp[3];
	uint64_t	reserved1;
	uint64_t	ist[7];
	uint64_t	reserved2;
	uint16_t	reserved3;
	uint16_t	iomap_base;
} __attribute__((packed));
_Static_assert(sizeof(struct tss) == 104, "TSS");

struct gate {
	uint16_t	offset0;
	uint16_t	selector;
	uint8_t		ist;
	uint8_t		type;		/* 0x8e: an interrupt gate, DPL 0 */
	uint16_t	offset1;
	uint32_t	offset2;
	uint32_t	zero;
};
_Static_assert(sizeof(struct gate) == 16, "IDT gate");

struct desc_ptr {
	uint16_t	limit;
	uint64_t	base;
} __attribute__((packed));

extern const uint64_t x86_trap_stub_table[256];		/* entry.S */

static uint64_t gdt[10] __attribute__((aligned(16)));
static struct tss tss __attribute__((aligned(16)));
static struct gate idt[256] __attribute__((aligned(16)));
static uint8_t ist_stack[4][IST_STACK] __attribute__((aligned(16)));
/* Where a trap from user mode lands (TSS.RSP0); it leaves at once. */
static uint8_t rsp0_stack[IST_STACK] __attribute__((aligned(16)));

static void
gdt_init(void)
{
	uint64_t base = (uintptr_t)&tss, limit = sizeof(tss) - 1;
	struct desc_ptr p = { sizeof(gdt) - 1, (uintptr_t)gdt };

	gdt[1] = 0x00cf9a000000ffffull;
	gdt[2] = 0x00af9a000000ffffull;
	gdt[3] = 0x00cf92000000ffffull;
	gdt[4] = 0x00cffa000000ffffull;
	gdt[5] = 0x00cff2000000ffffull;
	gdt[6] = 0x00affa000000ffffull;
	gdt[8] = (limit & 0xffff) | (base & 0xffffff) << 16 | 0x89ull << 40 |
	    ((limit >> 16) & 0xf) << 48 | ((base >> 24) & 0xff) << 56;
	gdt[9] = base >> 32;
	for (int i = 0; i < 4; i++)
		tss.ist[i] = (uintptr_t)&ist_stack[i][IST_STACK];
	tss.rsp[0] = (uintptr_t)&rsp0_stack[IST_STACK];
	tss.iomap_base = sizeof(tss);

	/* Reload CS with a far return, then the data segments and TR. */
	__asm__ volatile(
	    "lgdt %0\n\t"
	    "pushq %1\n\t"
	    "leaq 1f(%%rip), %%rax\n\t"
	    "pushq %%rax\n\t"
	    "lretq\n"
	    "1:\n\t"
	    "movl %2, %%eax\n\t"
	    "movl %%eax, %%ds\n\t"
	    "movl %%eax, %%es\n\t"
	    "movl %%eax, %%ss\n\t"
	    "xorl %%eax, %%eax\n\t"
	    "movl %%eax, %%fs\n\t"
	    "movl %%eax, %%gs\n\t"
	    "ltr %w3"
	    : : "m"(p), "i"(SEL_KERNEL_CS), "i"(SEL_KERNEL_DS), "r"(SEL_TSS)
	    : "rax", "memory");
}

static unsigned int
ist_of(unsigned int vector)
{
	switch (vector) {
	case 2:		return 1;	/* NMI */
	case 8:		return 2;	/* #DF */
	case 18:	return 3;	/* #MC */
	case 1:		return 4;	/* #DB */
	default:	return 0;
	}
}

bool
x86_ist_holds(unsigned int vector, uintptr_t addr)
{
	unsigned int i = ist_of(vector);

	return i != 0 && addr >= (uintptr_t)ist_stack[i - 1] &&
	    addr < (uintptr_t)&ist_stack[i - 1][IST_STACK];
}

static void
idt_init(void)
{
	struct desc_ptr p = { sizeof(idt) - 1, (uintptr_t)idt };

	for (unsigned int v = 0; v < 256; v++) {
		uint64_t a = x86_trap_stub_table[v];

		idt[v] = (struct gate){
			.offset0 = (uint16_t)a,
			.selector = SEL_KERNEL_CS,
			.ist = (uint8_t)ist_of(v),
			.type = v == 3 || v == 4 ? 0xee : 0x8e,
			.offset1 = (uint16_t)(a >> 16),
			.offset2 = (uint32_t)(a >> 32),
		};
	}
	__asm__ volatile("lidt %0" : : "m"(p) : "memory");
}

void
x86_cpu_tables_init(void)
{
	gdt_init();
	idt_init();
}
