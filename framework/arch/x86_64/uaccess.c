/*
 * arch/x86_64/uaccess.c: hal/uaccess.h on bare metal.  When the space is
 * live (its table in CR3), the copy runs through the user's addresses with
 * SMAP's window open (stac ... clac) for exactly the one instruction that
 * moves the bytes (uaccess.S).  Interrupts are masked in the kernel, so
 * the space stays live throughout.  A fault there (a page not present
 * yet, a copy-on-write page, a bad address) ends the pass; the core
 * handles the rest through the vm.
 */
#include <hal/uaccess.h>

#include "arch/x86_64/cpu.h"
#include "arch/x86_64/mmu.h"

size_t	x86_user_move(void *dst, const void *src, size_t len);	/* .S */
size_t	x86_user_zero(void *dst, size_t len);			/* .S */

size_t
hal_user_copy(struct hal_space *s, enum hal_uop op, void *kbuf, uint64_t va,
    size_t len)
{
	void *u = (void *)(uintptr_t)va;
	bool smap = x86_cpu_smap();
	size_t left;

	if (!x86_space_live(s))
		return len;
	if (smap)
		__asm__ volatile("stac" : : : "memory");
	if (op == HAL_UOP_FROM)
		left = x86_user_move(kbuf, u, len);
	else if (op == HAL_UOP_TO)
		left = x86_user_move(u, kbuf, len);
	else
		left = x86_user_zero(u, len);
	if (smap)
		__asm__ volatile("clac" : : : "memory");
	return left;
}
