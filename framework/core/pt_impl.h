/*
 * core/pt_impl.h: page tables in the x86-64 4-level format (Intel SDM
 * vol. 3A §4.5), kept in frames of physical memory and reached through
 * hal_phys_ptr().  The vm code (core/vm.c) is the only user; it holds the
 * vm's lock around every call.
 *
 * Leaf entries use two of the bits the hardware leaves to software:
 * FW_PTE_V marks a mapping (present or PROT_NONE, whose P bit is clear, as
 * Linux's _PAGE_PROTNONE) and FW_PTE_H marks a page the backend may have
 * mapped (hal_space_map() was called since the last full revoke).
 */
#ifndef FW_PT_IMPL_H
#define FW_PT_IMPL_H

#include <fw/types.h>

#define FW_PTE_P	(1ULL << 0)	/* present */
#define FW_PTE_RW	(1ULL << 1)	/* writable */
#define FW_PTE_US	(1ULL << 2)	/* user */
#define FW_PTE_H	(1ULL << 9)	/* software: host-mapped */
#define FW_PTE_V	(1ULL << 10)	/* software: a mapping is here */
#define FW_PTE_NX	(1ULL << 63)	/* no execute */
#define FW_PTE_ADDR	0x000ffffffffff000ULL
/* The bits that make up a leaf's protection. */
#define FW_PTE_PROT	(FW_PTE_P | FW_PTE_RW | FW_PTE_US | FW_PTE_NX)

/*
 * The top of user space on the simulator: the guest stub process lives
 * above it.  Bare metal may raise it to 0x7ffffffff000.
 */
#define FW_SIM_USER_TOP	0x7ff000000000ULL

/* Allocates an empty top-level table: 0 with *root set, or -ENOMEM. */
FW_MUST_CHECK int fw_pt_new(uint64_t *root);
/* Frees every table frame under root (not the frames leaves point at). */
void		 fw_pt_free(uint64_t root);
/*
 * The leaf entry for va, or NULL when a table on the way is missing and
 * alloc is false (or table frames ran out when it is true).
 */
uint64_t	*fw_pt_leaf(uint64_t root, uint64_t va, bool alloc);
/*
 * The first va in [va, end) whose leaf entry is non-zero, skipping missing
 * tables whole; *pte gets the entry.  Returns end when there is none.
 */
uint64_t	 fw_pt_next(uint64_t root, uint64_t va, uint64_t end,
		    uint64_t **pte);
/* Converts between FW_PROT_* and leaf bits (without V, H or an address). */
uint64_t	 fw_pt_bits(unsigned int prot);
unsigned int	 fw_pt_prot(uint64_t pte);

#endif
