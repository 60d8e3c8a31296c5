/*
 * arch/x86_64/mmu.h: the user address spaces' hardware side (hal/mmu.h):
 * the core's page tables (core/pt.c) are the ones the CPU walks; a space
 * is its vm's top-level table with the kernel's half copied in.  One CPU:
 * a space is live when CR3 holds it.
 */
#ifndef X86_MMU_H
#define X86_MMU_H

#include <stdbool.h>
#include <stdint.h>

struct hal_space;

/* Loads the space's table into CR3 unless it is there already. */
void	x86_space_activate(struct hal_space *s);
/* Whether CR3 holds the space's table: its user addresses are this CPU's. */
bool	x86_space_live(const struct hal_space *s);
/*
 * For a user page fault: true when the table allows the access already
 * (the TLB held a weaker entry, which this flushed), so the thread only
 * needs to retry; false when the services must handle the fault.
 */
bool	x86_space_resolve(struct hal_space *s, uint64_t va,
	    unsigned int access);

#endif
