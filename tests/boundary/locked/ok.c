/* scripts/safe-c/locked.py must accept this (boundary.locked.accepts). */
#include <fw/spinlock.h>

struct counter {
	struct fw_spinlock	lock;
	int			n;
};

/* Annotated on the prototype: the definition inherits it. */
int	counter_get_locked(struct counter *c) FW_REQUIRES(&c->lock);

int
counter_get_locked(struct counter *c)
{
	return c->n;
}

static void
counter_add_locked(struct counter *c, int d)
	FW_REQUIRES(&c->lock)
{
	c->n += d;
}

int	counter_bump(struct counter *c);

int
counter_bump(struct counter *c)
{
	int n;

	fw_spin_lock(&c->lock);
	counter_add_locked(c, 1);
	n = counter_get_locked(c);
	fw_spin_unlock(&c->lock);
	return n;
}
