/*
 * proc/tree.c: the process tree: who is whose child, zombies, reparenting
 * to a subreaper or pid 1, and the wait for a child's end that wait4(2)
 * and waitid(2) are built on.  A process that ends keeps its struct proc,
 * holding its wait status, until its parent reaps it; its threads and
 * resources are gone.
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
#include <fw/string.h>
#include <fw/mutex.h>
#include <fw/waitq.h>
#include <svc/pidfd.h>
#include <svc/proc.h>
#include <svc/tty.h>
#include <uapi/resource.h>
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

int
proc_link_child(struct proc *p, struct proc *child, bool sibling)
{
	struct proc *parent = p;
	int exit_signal;

	fw_mutex_lock(&proc_tree_lock);
	if (sibling) {
		/* p's parent is alive: its end would have reparented p. */
		if ((parent = p->parent) == NULL) {
			fw_mutex_unlock(&proc_tree_lock);
			return -EINVAL;
		}
		fw_mutex_lock(&p->lock);
		exit_signal = p->exit_signal;
		fw_mutex_unlock(&p->lock);
		fw_mutex_lock(&child->lock);
		child->ppid = parent->pid;
		child->exit_signal = exit_signal;
		fw_mutex_unlock(&child->lock);
	}
	child->parent = parent;
	child->sibling = parent->children;
	parent->children = child;
	fw_mutex_unlock(&proc_tree_lock);
	return 0;
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
proc_unlink_child(struct proc *child)
{
	fw_mutex_lock(&proc_tree_lock);
	if (child->parent != NULL)
		proc_unlink_locked(child->parent, child);
	fw_mutex_unlock(&proc_tree_lock);
}

/* Tells p that one of its children changed state. */
static void
proc_notify_locked(struct proc *p) FW_REQUIRES(&proc_tree_lock)
{
	atomic_fetch_add(&p->child_events, 1);
	fw_waitq_wake_all(&p->child_wq);
}

/*
 * Whether q can take orphans: not on its way out.  Takes q->lock.
 */
static bool
proc_alive_locked(struct proc *q) FW_REQUIRES(&proc_tree_lock)
{
	bool exiting;

	if (q->zombie)
		return false;
	fw_mutex_lock(&q->lock);
	exiting = q->exiting;
	fw_mutex_unlock(&q->lock);
	return !exiting;
}

/*
 * Gives p's children to their new parent (kernel/exit.c find_new_reaper):
 * p's nearest ancestor that is a living child subreaper, else pid 1.
 */
static void
proc_reparent_locked(struct proc *p) FW_REQUIRES(&proc_tree_lock)
{
	struct proc *c, *reaper = proc_init;
	struct linux_siginfo info;
	bool zombies = false;
	int pdeath;

	if (reaper == NULL || reaper == p)
		return;			/* pid 1 ends: everything powers off */
	if (p->children == NULL)
		return;
	for (c = p->parent; c != NULL && c != proc_init; c = c->parent)
		if (atomic_load(&c->child_subreaper) && proc_alive_locked(c)) {
			reaper = c;
			break;
		}
	memset(&info, 0, sizeof(info));
	info.code = LINUX_SI_USER;
	info.u.proc.pid = p->pid;
	info.u.proc.uid = p->cred.uid;
	while ((c = p->children) != NULL) {
		p->children = c->sibling;
		c->parent = reaper;
		c->sibling = reaper->children;
		reaper->children = c;
		fw_mutex_lock(&c->lock);
		c->ppid = reaper->pid;
		pdeath = c->pdeath_signal;
		fw_mutex_unlock(&c->lock);
		zombies |= c->zombie;
		/* prctl(PR_SET_PDEATHSIG): the orphan hears of it. */
		if (pdeath != 0 && !c->zombie)
			signal_send_kernel(c, pdeath, &info);
	}
	if (zombies)
		proc_notify_locked(reaper);
}

/*
 * Whether p's children reap themselves: SIGCHLD ignored or SA_NOCLDWAIT
 * (kernel/signal.c do_notify_parent).
 */
static bool
proc_autoreap_locked(struct proc *p) FW_REQUIRES(&proc_tree_lock)
{
	struct linux_sigaction_k sa;
	bool autoreap;

	fw_mutex_lock(&p->lock);
	sa = sigaction_get_locked(p, LINUX_SIGCHLD);
	autoreap = sa.handler == LINUX_SIG_IGN ||
	    (sa.flags & LINUX_SA_NOCLDWAIT);
	fw_mutex_unlock(&p->lock);
	return autoreap;
}

void
signal_chld_info(const struct proc *p, int ws, struct linux_siginfo *info)
{
	int sig = ws & 0x7f;

	memset(info, 0, sizeof(*info));
	info->signo = LINUX_SIGCHLD;
	info->u.proc.pid = p->pid;
	info->u.proc.uid = p->cred.uid;
	if (sig == 0) {
		info->code = LINUX_CLD_EXITED;
		info->u.proc.value = (uint64_t)((ws >> 8) & 0xff);
	} else {
		info->code = (ws & 0x80) ? LINUX_CLD_DUMPED : LINUX_CLD_KILLED;
		info->u.proc.value = (uint64_t)sig;
	}
	/* clock_t ticks of USER_HZ, as Linux's si_utime and si_stime. */
	info->u.proc.utime = (int64_t)((p->utime + p->cutime) /
	    (1000000000ULL / LINUX_USER_HZ));
	info->u.proc.stime = (int64_t)((p->stime + p->cstime) /
	    (1000000000ULL / LINUX_USER_HZ));
}

/*
 * Sends the parent p's exit signal (kernel/signal.c do_notify_parent),
 * unless the parent ignores SIGCHLD.  Returns whether p reaps itself.
 */
static bool
proc_notify_exit_locked(struct proc *p, struct proc *parent)
	FW_REQUIRES(&proc_tree_lock)
{
	struct linux_siginfo info;
	bool autoreap = false, ign = false;
	int sig;

	fw_mutex_lock(&p->lock);
	sig = p->exit_signal;
	signal_chld_info(p, p->exit_code, &info);
	fw_mutex_unlock(&p->lock);
	if (sig == LINUX_SIGCHLD) {
		autoreap = proc_autoreap_locked(parent);
		fw_mutex_lock(&parent->lock);
		ign = sigaction_get_locked(parent, LINUX_SIGCHLD).handler ==
		    LINUX_SIG_IGN;
		fw_mutex_unlock(&parent->lock);
	}
	if (sig > 0 && sig <= LINUX_NSIG && !ign)
		signal_send_kernel(parent, sig, &info);
	return autoreap;
}

/* A process's group and session, read under its lock. */
static void
proc_ids(struct proc *q, int *pgid, int *sid)
{
	fw_mutex_lock(&q->lock);
	*pgid = q->pgid;
	*sid = q->sid;
	fw_mutex_unlock(&q->lock);
}

struct orphan_scan {
	int		 pgid;
	struct proc	*ignore;	/* the process leaving, or NULL */
	bool		 stopped;	/* a member is stopped */
};

/*
 * Whether q, a member of the group, ties it to its session: its parent is
 * in another group of the same session (POSIX's orphaned process group;
 * kernel/exit.c will_become_orphaned_pgrp).  Parents that are init do not
 * count.  Also notes stopped members.
 */
static bool
orphan_tie(struct proc *q, void *arg) FW_REQUIRES(&proc_tree_lock)
{
	struct orphan_scan *s = arg;
	struct proc *parent = q->parent;
	int pgid, sid, ppgid, psid;

	if (q == s->ignore || q->zombie)
		return false;
	proc_ids(q, &pgid, &sid);
	if (pgid != s->pgid)
		return false;
	fw_mutex_lock(&q->lock);
	s->stopped |= q->stopped;
	fw_mutex_unlock(&q->lock);
	if (parent == NULL || parent == proc_init || parent == s->ignore)
		return false;
	proc_ids(parent, &ppgid, &psid);
	return ppgid != pgid && psid == sid;
}

/* Whether group pgid is (or, without ignore, becomes) orphaned. */
static bool
pgrp_orphaned_locked(int pgid, struct proc *ignore, bool *stopped)
    FW_REQUIRES(&proc_tree_lock)
{
	struct orphan_scan s = { pgid, ignore, false };
	bool tied;

	fw_mutex_lock(&proc_table_lock);
	tied = proc_search_locked(orphan_tie, &s) != NULL;
	fw_mutex_unlock(&proc_table_lock);
	if (stopped != NULL)
		*stopped = s.stopped;
	return !tied;
}

bool
proc_pgrp_orphaned(int pgid)
{
	bool orphaned;

	fw_mutex_lock(&proc_tree_lock);
	orphaned = pgrp_orphaned_locked(pgid, NULL, NULL);
	fw_mutex_unlock(&proc_tree_lock);
	return orphaned;
}

static bool
hup_member(struct proc *q, void *arg)
{
	struct linux_siginfo info;
	int pgid, sid;

	if (q->zombie)
		return false;
	proc_ids(q, &pgid, &sid);
	if (pgid == *(int *)arg) {
		memset(&info, 0, sizeof(info));
		info.code = LINUX_SI_KERNEL;
		signal_send_kernel(q, LINUX_SIGHUP, &info);
		signal_send_kernel(q, LINUX_SIGCONT, &info);
	}
	return false;
}

/*
 * POSIX: a group that p's exit orphans and that has a stopped member gets
 * SIGHUP, then SIGCONT (kernel/exit.c kill_orphaned_pgrp): p's own group
 * if p tied it to the session, and its children's groups likewise.
 */
static void
proc_hup_orphans_locked(struct proc *p, struct proc *parent)
    FW_REQUIRES(&proc_tree_lock)
{
	int pgid, sid, qpgid, qsid;
	bool stopped;
	struct proc *c;

	proc_ids(p, &pgid, &sid);
	if (parent != NULL) {
		proc_ids(parent, &qpgid, &qsid);
		if (qpgid != pgid && qsid == sid &&
		    pgrp_orphaned_locked(pgid, p, &stopped) && stopped)
			goto hup;
	}
	for (c = p->children; c != NULL; c = c->sibling) {
		proc_ids(c, &qpgid, &qsid);
		if (qpgid != pgid && qsid == sid &&
		    pgrp_orphaned_locked(qpgid, p, &stopped) && stopped) {
			fw_mutex_lock(&proc_table_lock);
			(void)proc_search_locked(hup_member, &qpgid);
			fw_mutex_unlock(&proc_table_lock);
		}
	}
	return;
hup:
	fw_mutex_lock(&proc_table_lock);
	(void)proc_search_locked(hup_member, &pgid);
	fw_mutex_unlock(&proc_table_lock);
}

void
proc_make_zombie(struct proc *p)
{
	struct proc *parent, *reaped = NULL;
	int sid;

	fw_mutex_lock(&p->lock);
	sid = p->sid;
	fw_mutex_unlock(&p->lock);
	if (sid == p->pid)
		tty_session_end(sid);	/* its terminal's group: SIGHUP */
	fw_mutex_lock(&proc_tree_lock);
	proc_hup_orphans_locked(p, p->parent);
	proc_reparent_locked(p);
	p->zombie = true;
	pidfd_exited(p);		/* waitable now: pidfds become readable */
	if ((parent = p->parent) != NULL) {
		if (proc_notify_exit_locked(p, parent)) {
			proc_unlink_locked(parent, p);
			reaped = p;
		}
		proc_notify_locked(parent);	/* a waiter may see ECHILD */
	}
	fw_mutex_unlock(&proc_tree_lock);
	proc_free(reaped);		/* unlinked: no one else can reach it */
}

void
signal_notify_parent_stop(struct proc *p, int code, int sig)
{
	struct linux_siginfo info;
	struct proc *parent;
	bool quiet;

	memset(&info, 0, sizeof(info));
	info.signo = LINUX_SIGCHLD;
	info.code = code;
	info.u.proc.pid = p->pid;
	info.u.proc.value = (uint64_t)sig;
	fw_mutex_lock(&proc_tree_lock);
	if ((parent = p->parent) != NULL) {
		fw_mutex_lock(&p->lock);
		info.u.proc.uid = p->cred.uid;
		fw_mutex_unlock(&p->lock);
		fw_mutex_lock(&parent->lock);
		quiet = sigaction_get_locked(parent, LINUX_SIGCHLD).flags &
		    LINUX_SA_NOCLDSTOP;
		fw_mutex_unlock(&parent->lock);
		if (!quiet)
			signal_send_kernel(parent, LINUX_SIGCHLD, &info);
		proc_notify_locked(parent);
	}
	fw_mutex_unlock(&proc_tree_lock);
}

/*
 * kernel/exit.c eligible_child: a "clone" child, one that reports its end
 * by a signal other than SIGCHLD, is waited for only with __WCLONE, and
 * the others only without it; __WALL takes both.
 */
static bool
proc_wait_kind_ok(struct proc *c, int options) FW_REQUIRES(&proc_tree_lock)
{
	bool clone_child;

	if (options & LINUX___WALL)
		return true;
	fw_mutex_lock(&c->lock);
	clone_child = c->exit_signal != LINUX_SIGCHLD;
	fw_mutex_unlock(&c->lock);
	return clone_child == ((options & LINUX___WCLONE) != 0);
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
 * A stop or continue of the living child c that the options ask for: taken
 * into *res (and consumed unless WNOWAIT).
 */
static bool
proc_wait_report_locked(struct proc *c, int options,
    struct proc_wait_result *res) FW_REQUIRES(&proc_tree_lock)
{
	bool hit;

	fw_mutex_lock(&c->lock);
	hit = c->report != 0 && !c->exiting &&
	    (((c->report & 0xff) == 0x7f && (options & LINUX_WUNTRACED)) ||
	    (c->report == 0xffff && (options & LINUX_WCONTINUED)));
	if (hit) {
		res->pid = c->pid;
		res->status = c->report;
		res->uid = c->cred.uid;
		if (!(options & LINUX_WNOWAIT))
			c->report = 0;
	}
	fw_mutex_unlock(&c->lock);
	return hit;
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
		if (!proc_wait_selects(c, kind, id) ||
		    !proc_wait_kind_ok(c, options))
			continue;
		found = true;
		if (!c->zombie) {
			if (proc_wait_report_locked(c, options, res))
				return 1;
			continue;
		}
		if (!(options & LINUX_WEXITED))
			continue;
		/* A zombie's times are final: its own and its children's. */
		res->utime = c->utime + c->cutime;
		res->stime = c->stime + c->cstime;
		res->minflt = c->minflt + c->cminflt;
		res->maxrss = c->maxrss > c->cmaxrss ? c->maxrss : c->cmaxrss;
		res->nvcsw = c->nvcsw + c->cnvcsw;
		res->nivcsw = c->nivcsw + c->cnivcsw;
		res->pid = c->pid;
		res->status = c->exit_code;
		res->uid = c->cred.uid;
		if (!(options & LINUX_WNOWAIT)) {
			proc_unlink_locked(p, c);
			*reaped = c;
			fw_mutex_lock(&p->lock);
			p->cutime += res->utime;
			p->cstime += res->stime;
			p->cminflt += res->minflt;
			p->cnvcsw += res->nvcsw;
			p->cnivcsw += res->nivcsw;
			if (res->maxrss > p->cmaxrss)
				p->cmaxrss = res->maxrss;
			fw_mutex_unlock(&p->lock);
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
