/*
 * fw/timepage.h: the time page ("vvar"), the framework's clock published
 * for user mode, so a vDSO reads CLOCK_MONOTONIC and CLOCK_REALTIME
 * without a trap.  The framework owns the page and is its only writer: it
 * updates the page from its own clock on every backend (about FW_HZ times
 * a second, on CPU 0), and fw_clock_monotonic() and fw_clock_realtime()
 * compute the very same formula from the same values, so a clock read
 * through the vDSO equals one read through a system call.  Services only
 * map the page, read-only, into address spaces.
 *
 * The layout is user ABI between the framework and the vDSO (vdso/): it
 * only grows at the end, and `version` changes when a field changes
 * meaning.  A reader does:
 *
 *	do {
 *		seq = load-acquire(page->seq);		(retry while odd)
 *		copy the fields; c = read the counter (mode);
 *	} while (load-acquire(page->seq) != seq);
 *	if (version != FW_TIMEPAGE_VERSION || mode == FW_TIMEPAGE_NONE)
 *		use the system call;
 *	mono = mono_base + (((c - cycle_base) * mult) >> shift)  (128-bit product)
 *	real = mono + real_offset
 *
 * or, to get seconds and nanoseconds without a division, adds the product
 * to mono_nsec (real_nsec) and carries into mono_sec (real_sec): the bases
 * split, where mono_base = mono_sec * 10^9 + mono_nsec.
 *
 * Resource: one frame the framework allocates at boot and never frees.
 * A service writing it (fw_frame_write()) could only mislead user
 * programs about the time: the framework's own clock reads a private copy
 * of the values, never the page.  No locks: readers use the sequence.
 */
#ifndef FW_TIMEPAGE_H
#define FW_TIMEPAGE_H

#include <fw/types.h>

#define FW_TIMEPAGE_VERSION	1

/* What the counter is: how user mode reads it. */
#define FW_TIMEPAGE_NONE	0	/* none usable: use the system call */
#define FW_TIMEPAGE_TSC		1	/* x86-64 rdtsc, invariant and synced */
#define FW_TIMEPAGE_RDTIME	2	/* riscv64 rdtime */

struct fw_timepage {
	uint32_t	seq;		/* odd while the framework writes */
	uint32_t	version;	/* FW_TIMEPAGE_VERSION */
	uint32_t	mode;		/* FW_TIMEPAGE_* */
	uint32_t	shift;
	uint64_t	mult;		/* ns = cycles * mult >> shift */
	uint64_t	cycle_base;	/* the counter at mono_base */
	uint64_t	mono_base;	/* CLOCK_MONOTONIC ns at cycle_base */
	int64_t		real_offset;	/* CLOCK_REALTIME - CLOCK_MONOTONIC */
	uint64_t	mono_sec;	/* mono_base / 10^9 */
	uint64_t	real_sec;	/* (mono_base + real_offset) / 10^9 */
	uint32_t	mono_nsec;	/* mono_base % 10^9 */
	uint32_t	real_nsec;	/* (mono_base + real_offset) % 10^9 */
};
_Static_assert(sizeof(struct fw_timepage) == 72, "time page ABI");

/*
 * The time page's frame, borrowed (never freed; fw_vm_map() takes its own
 * reference), to be mapped read-only; NULL before the core is up.
 */
struct fw_frame	*fw_timepage_frame(void);

#endif
