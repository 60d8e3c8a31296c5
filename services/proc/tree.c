/*
 * proc/tree.c: the process tree: who is whose child, zombies, reparenting
 * to pid 1, and the wait for a child's end that wait4(2) and waitid(2) are
 * built on.  A process that ends keeps its struct proc, holding its wait
 * status, until its parent reaps it; its threads and resources are gone.
 *
 * A parent that ignores SIGCHLD (or sets SA_NOCLDWAIT) gets no zombies:
 * its children are freed as they end.
 *
 * Interface: proc_set_init, proc_link_child, proc_unlink_child,
 * proc_make_zombie, proc_wait_child (svc/proc.h).
 * Locks: proc_tree_lock guards every [T] field of every process; it comes
 * before any proc->lock.  A zombie's exit_code no longer changes, so it is
 * read under proc_tree_lock alone.  A zombie is freed only by the reaper,
 * under proc_tree_lock, so a process is alive while a task holding
 * proc_tree_lock can reach it through the tree.
 */
#include <fw/errno.h>
#include <fw/mutex.h>
#include <fw/waitq.h>
#include <svc/proc.h>
#include <uapi/signal.h>
#include <uapi/wait.h>

static struct fw_mutex proc_tree_lock;
static struct proc *proc_init;			/* [T] pid 1 */

void
proc_set_init(struct proc *p)
{
	fw_mutex_lock(&proc_tree_lock);
	proc_init = p;
	fw_mutex_unlock(&proc_tree_lock);
}

void
proc_link_child(struct proc *parent, struct proc *child)
{
	fw_mutex_lock(&proc_tree_lock);
	child->parent = parent;
	child->sibling = parent->children;
	parent->children = child;
	fw_mutex_unlock(&proc_tree_lock);
}

/* Removes child from its parent's list; proc_tree_lock held. */
static void
proc_unlink_locked(struct proc *parent, struct proc *child)
	FW_REQUIRES(&proc_tree_lock)
{
	struct proc **link;

	for (link = &parent->children; *link != NULL; link = &(*link)->sibling)
		if (*link == child) {
			*link = child->sibling;
			break;
		}
	child->sibling = NULL;
	child->parent = NULL;
}

void
proc_unlink_child(struct proc *parent, struct proc *child)
{
	fw_mutex_lock(&proc_tree_lock);
	proc_unlink_locked(parent, child);
	fw_mutex_unlock(&proc_tree_lock);
}

/* Tells p that one of its children changed state. */
static void
proc_notify_locked(struct proc *p) FW_REQUIRES(&proc_tree_lock)
{
	atomic_fetch_add(&p->child_events, 1);
	fw_waitq_wake_all(&p->child_wq);
}

/* Gives p's children to pid 1 (Linux's default reaper, no subreapers). */
static void
proc_reparent_locked(struct proc *p) FW_REQUIRES(&proc_tree_lock)
{
	struct proc *c, *init = proc_init;
	bool zombies = false;

	if (init == NULL || init == p)
		return;			/* pid 1 ends: everything powers off */
	while ((c = p->children) != NULL) {
		p->children = c->sibling;
		c->parent = init;
		c->sibling = init->children;
		init->children = c;
		fw_mutex_lock(&c->lock);
		c->ppid = init->pid;
		fw_mutex_unlock(&c->lock);
		zombies |= c->zombie;
	}
	if (zombies)
		proc_notify_locked(init);
}

/*
 * Whether p's children reap themselves: SIGCHLD ignored or SA_NOCLDWAIT
 * (kernel/signal.c do_notify_parent).
 */
static bool
proc_autoreap_locked(struct proc *p) FW_REQUIRES(&proc_tree_lock)
{
	const struct linux_sigaction_k *sa = &p->sigaction[LINUX_SIGCHLD - 1];
	bool autoreap;

	fw_mutex_lock(&p->lock);
	autoreap = sa->handler == LINUX_SIG_IGN ||
	    (sa->flags & LINUX_SA_NOCLDWAIT);
	fw_mutex_unlock(&p->lock);
	return autoreap;
}

void
proc_make_zombie(struct proc *p)
{
	struct proc *parent, *reaped = NULL;

	fw_mutex_lock(&proc_tree_lock);
	proc_reparent_locked(p);
	p->zombie = true;
	if ((parent = p->parent) != NULL) {
		if (proc_autoreap_locked(parent)) {
			proc_unlink_locked(parent, p);
			reaped = p;
		}
		proc_notify_locked(parent);	/* a waiter may see ECHILD */
	}
	fw_mutex_unlock(&proc_tree_lock);
	proc_free(reaped);		/* unlinked: no one else can reach it */
}

/* Whether wait's kind and id select c. */
static bool
proc_wait_selects(struct proc *c, enum proc_wait_kind kind, int id)
	FW_REQUIRES(&proc_tree_lock)
{
	int pgid;

	switch (kind) {
	case WAIT_PID:
		return c->pid == id;
	case WAIT_PGID:
		fw_mutex_lock(&c->lock);
		pgid = c->pgid;
		fw_mutex_unlock(&c->lock);
		return pgid == id;
	default:
		return true;
	}
}

struct proc_wait_cond {
	struct proc	*p;
	unsigned int	 seen;
};

/* The wait condition: reads only an atomic, so it does not sleep. */
static bool
proc_child_changed(void *arg)
{
	struct proc_wait_cond *c = arg;

	return atomic_load(&c->p->child_events) != c->seen;
}

/*
 * One look at p's children: 1 with *res set (and the zombie unlinked into
 * *reaped unless WNOWAIT), 0 when a selected child lives, -ECHILD.
 */
static int
proc_wait_scan_locked(struct proc *p, enum proc_wait_kind kind, int id,
    int options, struct proc_wait_result *res, struct proc **reaped)
	FW_REQUIRES(&proc_tree_lock)
{
	struct proc *c;
	bool found = false;

	for (c = p->children; c != NULL; c = c->sibling) {
		if (!proc_wait_selects(c, kind, id))
			continue;
		found = true;
		if (!c->zombie || !(options & LINUX_WEXITED))
			continue;		/* stops come with signals */
		res->pid = c->pid;
		res->status = c->exit_code;
		res->uid = c->cred.uid;
		if (!(options & LINUX_WNOWAIT)) {
			proc_unlink_locked(p, c);
			*reaped = c;
		}
		return 1;
	}
	return found ? 0 : -ECHILD;
}

int
proc_wait_child(struct proc *p, enum proc_wait_kind kind, int id,
    int options, struct proc_wait_result *res)
{
	struct proc_wait_cond cond = { p, 0 };
	struct proc *reaped;
	int err;

	for (;;) {
		reaped = NULL;
		cond.seen = atomic_load(&p->child_events);
		fw_mutex_lock(&proc_tree_lock);
		err = proc_wait_scan_locked(p, kind, id, options, res, &reaped);
		fw_mutex_unlock(&proc_tree_lock);
		if (err != 0) {
			/* A zombie's task is done with it: nothing else can. */
			proc_free(reaped);
			return err < 0 ? err : res->pid;
		}
		if (options & LINUX_WNOHANG)
			return 0;
		if (fw_waitq_wait(&p->child_wq, proc_child_changed, &cond,
		    FW_NO_DEADLINE, true) == -EINTR)
			return -ERESTARTSYS;
	}
}
