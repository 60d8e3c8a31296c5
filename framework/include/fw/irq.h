/*
 * fw/irq.h: interrupt lines.  A driver that owns a device (fw/boot.h gives
 * its line) installs one handler per line.  A device raises its line; the
 * framework then runs the handler once, in kernel context at the next
 * scheduling point of some CPU (its scheduler loop, between two tasks: no
 * current task; bare metal: the interrupt's bottom half), however many
 * times the line was raised meanwhile, so a handler reads the device's own
 * status to learn what happened.
 *
 * What a handler may do: read and write its device's registers
 * (fw/iomem.h), load and store its DMA memory (fw/dma.h), take spinlocks,
 * and wake wait queues (fw/waitq.h).  It must not sleep, block on a mutex,
 * allocate, or call fw_irq_request/fw_irq_free; the real work belongs to
 * the task it wakes.  Handlers of one line never run concurrently.
 * Locks: internal (a spinlock per line, held while the handler runs, so
 * fw_irq_free() returns only once the handler is not running).
 */
#ifndef FW_IRQ_H
#define FW_IRQ_H

#include <fw/types.h>

#define FW_IRQ_LINES	64

typedef void (*fw_irq_fn)(void *arg);

/* Installs fn(arg) on line: 0, -EINVAL (no such line, or fn NULL), -EBUSY. */
FW_MUST_CHECK int	fw_irq_request(unsigned int line, fw_irq_fn fn,
			    void *arg);
/* Removes line's handler; once this returns it runs no more. */
void			fw_irq_free(unsigned int line);

#endif
