/*
 * proc/sighand.c: the table of signal actions, one per process or shared
 * by processes (clone(CLONE_SIGHAND) without CLONE_THREAD), and the
 * accessors the signal code reads it through.
 *
 * Interface: sighand_new, sighand_ref, sighand_unref, sighand_copy,
 * sighand_flush, sighand_unshare (svc/signal.h); sigaction_get_locked,
 * sigaction_set_locked, sigaction_reset_locked (svc/proc.h).
 * Locks: proc->lock guards p->sighand; the table's own lock, a leaf, its
 * actions.  A table shared by two processes is reached under either's
 * proc->lock, so the actions need a lock of their own.
 */
#include <fw/alloc.h>
#include <fw/errno.h>
#include <fw/string.h>
#include <svc/lib.h>
#include <svc/proc.h>
#include <svc/signal.h>

int
sighand_new(struct sighand **out)
{
	struct sighand *sh;

	if ((sh = fw_zalloc(1, sizeof(*sh))) == NULL)
		return -ENOMEM;
	atomic_init(&sh->nref, 1);
	fw_mutex_init(&sh->lock);
	*out = sh;
	return 0;
}

struct sighand *
sighand_ref(struct sighand *sh)
{
	atomic_fetch_add(&sh->nref, 1);
	return sh;
}

void
sighand_unref(struct sighand *sh)
{
	if (sh != NULL && atomic_fetch_sub(&sh->nref, 1) == 1)
		fw_free(sh);
}

/* Handlers to SIG_DFL (SIG_IGN stays); no flags, masks or restorers. */
static void
sighand_flush_locked(struct sighand *sh) FW_REQUIRES(&sh->lock)
{
	struct linux_sigaction_k *a;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(sh->action); i++) {
		a = &sh->action[i];
		if (a->handler != LINUX_SIG_IGN)
			a->handler = LINUX_SIG_DFL;
		a->flags = a->restorer = a->mask = 0;
	}
}

void
sighand_copy(struct sighand *dst, struct sighand *src, bool flush)
{
	fw_mutex_lock(&src->lock);
	fw_mutex_lock(&dst->lock);
	memcpy(dst->action, src->action, sizeof(dst->action));
	if (flush)
		sighand_flush_locked(dst);
	fw_mutex_unlock(&dst->lock);
	fw_mutex_unlock(&src->lock);
}

void
sighand_flush(struct sighand *sh)
{
	fw_mutex_lock(&sh->lock);
	sighand_flush_locked(sh);
	fw_mutex_unlock(&sh->lock);
}

int
sighand_unshare(struct proc *p)
{
	struct sighand *sh, *old;
	int err;

	fw_mutex_lock(&p->lock);
	old = p->sighand;
	fw_mutex_unlock(&p->lock);
	if (atomic_load(&old->nref) == 1)
		return 0;		/* only p can share it out again */
	if ((err = sighand_new(&sh)) < 0)
		return err;
	sighand_copy(sh, old, false);
	fw_mutex_lock(&p->lock);
	p->sighand = sh;
	fw_mutex_unlock(&p->lock);
	sighand_unref(old);
	return 0;
}

struct linux_sigaction_k
sigaction_get_locked(struct proc *p, int sig)
{
	struct sighand *sh = p->sighand;
	struct linux_sigaction_k ka;

	fw_mutex_lock(&sh->lock);
	ka = sh->action[sig - 1];
	fw_mutex_unlock(&sh->lock);
	return ka;
}

void
sigaction_set_locked(struct proc *p, int sig,
    const struct linux_sigaction_k *act, struct linux_sigaction_k *old)
{
	struct sighand *sh = p->sighand;

	fw_mutex_lock(&sh->lock);
	if (old != NULL)
		*old = sh->action[sig - 1];
	sh->action[sig - 1] = *act;
	fw_mutex_unlock(&sh->lock);
}

void
sigaction_reset_locked(struct proc *p, int sig)
{
	struct sighand *sh = p->sighand;

	fw_mutex_lock(&sh->lock);
	sh->action[sig - 1].handler = LINUX_SIG_DFL;
	fw_mutex_unlock(&sh->lock);
}
