/*
 * arch/x86_64/trap.h: the CPU tables and the trap path.  x86_cpu_tables_init()
 * loads the kernel's GDT (Linux's selectors), its TSS with IST stacks for
 * NMI, #DF, #MC and #DB, and the IDT, whose 256 entries (entry.S) save the
 * registers into a struct x86_trap_frame and call x86_trap().  Boot CPU
 * only so far; interrupts stay masked except where the kernel waits.
 */
#ifndef X86_TRAP_H
#define X86_TRAP_H

#include <stdbool.h>
#include <stdint.h>

#define VEC_NMI		2
#define VEC_PF		14
#define VEC_UART	0x34	/* COM1, ISA IRQ 4, through the IOAPIC */
#define VEC_DEVICE	0x40	/* line L's MSI-X vector: VEC_DEVICE + L */
#define VEC_TIMER	0xf0
#define VEC_SPURIOUS	0xff

/* What entry.S pushes, lowest address first, then what the CPU pushed. */
struct x86_trap_frame {
	uint64_t	r15, r14, r13, r12, r11, r10, r9, r8;
	uint64_t	rbp, rdi, rsi, rdx, rcx, rbx, rax;
	uint64_t	vector, error;	/* error: 0 where the CPU has none */
	uint64_t	rip, cs, rflags, rsp, ss;
};
_Static_assert(sizeof(struct x86_trap_frame) == 22 * sizeof(uint64_t),
    "trap frame");

void		x86_cpu_tables_init(void);
void		x86_trap(struct x86_trap_frame *f);
/* How many times the vector was taken since boot. */
uint64_t	x86_trap_count(unsigned int vector);
/* Where the last trap of an exception vector (0..31) saved its frame. */
uintptr_t	x86_trap_last_frame(unsigned int vector);
/* Whether addr lies on the IST stack the vector's gate switches to. */
bool		x86_ist_holds(unsigned int vector, uintptr_t addr);
/*
 * Installs the handler of an interrupt vector (32..255), called with the
 * vector; NULL removes it.
 */
void		x86_irq_set(unsigned int vector,
		    void (*fn)(unsigned int vector));

#endif
