/*
 * tests/unit/support/fake_hal.h: a hardware layer for unit tests.
 *
 * Physical memory is FAKE_PHYS_SIZE bytes of anonymous host memory, all of
 * it the frame allocator's.  There is one CPU (FAKE_HAL_CPUS=n in the
 * environment asks for up to 8), each a host thread running fw_cpu_main(),
 * started by fake_hal_boot().  The monotonic clock is the host's since
 * boot, FAKE_HAL_CLOCK_RATE (1) times as fast: timeouts of hundreds of
 * milliseconds (TCP's) pass sooner.  The test thread itself is no CPU: it
 * may call what needs no task (frames, vm, uaccess, log), nothing that
 * sleeps.  Tests run kernel code on it with fake_run(), which hands a
 * function to the CPU as a device interrupt would (hal_irq_poll() spawns
 * it as a task) and waits until it returns.
 * Check assertions belong in the test thread, not in such tasks.
 *
 * The address-space calls (hal/mmu.h) are recorded for tests to inspect;
 * user threads are not supported (-ENOSYS).  hal_power_off() records its
 * status and jumps to fake_power_jmp if a test armed it, else exits.
 */
#ifndef FAKE_HAL_H
#define FAKE_HAL_H

#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>

#define FAKE_PHYS_SIZE	(64UL << 20)

enum fake_space_op {
	FAKE_SPACE_MAP,
	FAKE_SPACE_REVOKE,
	FAKE_SPACE_REMAP,
	FAKE_SPACE_FREE,
	FAKE_SPACE_ADOPT,	/* va: the new vm's address, as a number */
	FAKE_SPACE_SYNC,
	FAKE_UTHREAD_ADOPT,	/* space: NULL; va: the thread, pa: the vm */
};

struct fake_space_call {
	enum fake_space_op	 op;
	struct hal_space	*space;
	uint64_t		 va;
	uint64_t		 pa;		/* FAKE_SPACE_MAP, _REMAP */
	uint64_t		 len;
	unsigned int		 prot;
};

/* Boots the core and its CPU thread, once per process. */
void	fake_hal_boot(void);

/* The last hal_mmio_read/write, and what reads return. */
struct fake_mmio {
	uint64_t	pa, value, read_value;
	unsigned int	size, reads, writes;
};
extern struct fake_mmio fake_mmio;
/* One PCI function's configuration space, and the last function read. */
struct fake_pci {
	uint8_t		cfg[256];
	uint32_t	bdf;
};
extern struct fake_pci fake_pci;
/* Runs fn(arg) as a kernel task and returns when it has returned. */
void	fake_run(void (*fn)(void *), void *arg);

/* The recorded hal_space_map(), _revoke(), _remap() and _free() calls. */
void	fake_space_reset(void);
size_t	fake_space_count(void);
struct fake_space_call fake_space_get(size_t i);
/* Counts the recorded calls of one kind. */
size_t	fake_space_count_op(enum fake_space_op op);
/* Makes the next hal_space_new() fail with err (0: succeed). */
void	fake_space_fail_next(int err);
/* The XSAVE area every fake uthread handle shares (hal_uthread_xsave_area). */
extern uint8_t fake_xsave_area[4096];

/* What hal_log_write() and hal_trace_write() received, concatenated. */
void		 fake_log_reset(void);
const char	*fake_log_text(void);
const char	*fake_trace_text(void);

/* hal_power_off(): jumps here if set (by the calling thread). */
extern _Thread_local jmp_buf	*fake_power_jmp;
extern int			 fake_power_status;

#endif
