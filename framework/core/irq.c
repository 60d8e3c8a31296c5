/*
 * core/irq.c: interrupt lines (fw/irq.h).  The backend calls
 * fw_irq_dispatch() (hal/dev.h) from the scheduler loop for each raised
 * line; the line's handler runs under the line's spinlock, so fw_irq_free()
 * cannot return while it runs, and two CPUs never run it at once.
 *
 * Locks: each line's lock guards its fn and arg.
 */
#include <fw/errno.h>
#include <fw/irq.h>
#include <fw/spinlock.h>
#include <hal/dev.h>

struct irq_line {
	struct fw_spinlock	 lock;
	fw_irq_fn		 fn;		/* [lock] */
	void			*arg;		/* [lock] */
};

static struct irq_line	lines[FW_IRQ_LINES];

int
fw_irq_request(unsigned int line, fw_irq_fn fn, void *arg)
{
	struct irq_line *l;
	int err = 0;

	if (line >= FW_IRQ_LINES || fn == NULL)
		return -EINVAL;
	l = &lines[line];
	fw_spin_lock(&l->lock);
	if (l->fn != NULL) {
		err = -EBUSY;
	} else {
		l->fn = fn;
		l->arg = arg;
	}
	fw_spin_unlock(&l->lock);
	return err;
}

void
fw_irq_free(unsigned int line)
{
	struct irq_line *l;

	if (line >= FW_IRQ_LINES)
		return;
	l = &lines[line];
	fw_spin_lock(&l->lock);
	l->fn = NULL;
	l->arg = NULL;
	fw_spin_unlock(&l->lock);
}

/* A line nobody handles is dropped: the device's status still says why. */
void
fw_irq_dispatch(unsigned int line)
{
	struct irq_line *l;

	if (line >= FW_IRQ_LINES)
		return;
	l = &lines[line];
	fw_spin_lock(&l->lock);
	if (l->fn != NULL)
		l->fn(l->arg);
	fw_spin_unlock(&l->lock);
}
