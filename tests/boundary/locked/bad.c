/* scripts/safe-c/locked.py must find 3 violations here (boundary.locked.rejects). */
#include <fw/spinlock.h>

struct counter {
	struct fw_spinlock	lock;
	int			n;
};

int	counter_get_locked(struct counter *c);	/* 1: the prototype callers see */

int
counter_get_locked(struct counter *c)
	FW_REQUIRES(&c->lock)
{
	return c->n;
}

static void
counter_add_locked(struct counter *c, int d)	/* 2: nothing */
{
	c->n += d;
}

static void
counter_reset_locked(struct counter *c)	/* 3: analysis off is not a contract */
	FW_NO_TSA
{
	c->n = 0;
}

int	counter_bump(struct counter *c);

int
counter_bump(struct counter *c)
{
	int n;

	fw_spin_lock(&c->lock);
	counter_add_locked(c, 1);
	n = counter_get_locked(c);
	if (n > 100)
		counter_reset_locked(c);
	fw_spin_unlock(&c->lock);
	return n;
}
