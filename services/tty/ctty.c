/*
 * services/tty/ctty.c: controlling terminals and job control
 * (credentials(7), termios(3) "Controlling terminal", tty_ioctl(4)).
 * A pty is the controlling terminal of at most one session (pty->session)
 * and has a foreground process group (pty->pgrp); a session has at most
 * one.  The machine console counts as the controlling terminal of the
 * boot session (sid 1), which therefore never acquires a pty, and whose
 * /dev/tty is the console.
 *
 * A session leader without one acquires a slave it opens without
 * O_NOCTTY, or by TIOCSCTTY.  /dev/tty opens the caller's controlling
 * terminal, ENXIO without one.  A background group reading its terminal
 * gets SIGTTIN; writing with TOSTOP, SIGTTOU; EIO if the group is
 * orphaned or (reading) ignores or blocks the signal.  When a master
 * closes, its session's leader gets SIGHUP and SIGCONT; when a session
 * leader exits, its terminal's foreground group gets SIGHUP.
 *
 * Interface: tty.h (tty_*), svc/tty.h, tty_dev_open() (fs.h).
 * Locks: pty_list_lock, then pty->lock; proc_table_lock and proc->lock are
 * taken only with neither held.
 */
#include <fw/uaccess.h>
#include <svc/file.h>
#include <svc/signal.h>
#include <svc/tty.h>
#include "tty.h"

#define CONSOLE_SID	1

struct pgrp_sig {
	int	pgid, sig;
};

static bool
pgrp_send(struct proc *q, void *arg)
{
	const struct pgrp_sig *s = arg;
	struct linux_siginfo info;
	int pgid;

	fw_mutex_lock(&q->lock);
	pgid = q->pgid;
	fw_mutex_unlock(&q->lock);
	if (pgid == s->pgid) {
		memset(&info, 0, sizeof(info));
		info.code = LINUX_SI_KERNEL;
		signal_send_kernel(q, s->sig, &info);
	}
	return false;
}

void
tty_signal_pgrp(int pgid, int sig)
{
	struct pgrp_sig s = { pgid, sig };

	if (pgid <= 0)
		return;
	fw_mutex_lock(&proc_table_lock);
	(void)proc_search_locked(pgrp_send, &s);
	fw_mutex_unlock(&proc_table_lock);
}

void
tty_send_sigs(int pgid, const struct tty_sigs *s)
{
	int i;

	for (i = 0; i < s->n; i++)
		tty_signal_pgrp(pgid, s->sig[i]);
}

void
tty_hangup_session(int sid, int pgrp)
{
	struct linux_siginfo info;
	struct proc *q;

	(void)pgrp;
	memset(&info, 0, sizeof(info));
	info.code = LINUX_SI_KERNEL;
	fw_mutex_lock(&proc_table_lock);
	if ((q = proc_find_locked(sid)) != NULL) {
		signal_send_kernel(q, LINUX_SIGHUP, &info);
		signal_send_kernel(q, LINUX_SIGCONT, &info);
	}
	fw_mutex_unlock(&proc_table_lock);
}

/* A process's ids, read under its lock. */
struct ctty_ids {
	int		pid, pgid, sid;
	uint32_t	euid;
};

static struct ctty_ids
ctty_ids(struct proc *p)
{
	struct ctty_ids ids;

	fw_mutex_lock(&p->lock);
	ids.pid = p->pid;
	ids.pgid = p->pgid;
	ids.sid = p->sid;
	ids.euid = p->cred.euid;
	fw_mutex_unlock(&p->lock);
	return ids;
}

/* The pty session sid controls, or NULL. */
static struct pty *
ctty_of_locked(int sid) FW_REQUIRES(&pty_list_lock)
{
	struct pty *t;
	int s;

	for (t = pty_list; t != NULL; t = t->next) {
		fw_mutex_lock(&t->lock);
		s = t->session;
		fw_mutex_unlock(&t->lock);
		if (s == sid)
			return t;
	}
	return NULL;
}

/* Makes t the controlling terminal of ids' session, if it may be. */
static int
ctty_set(struct pty *t, const struct ctty_ids *ids, bool steal)
{
	struct pty *cur;
	int err = 0;

	if (ids->pid != ids->sid || ids->sid == CONSOLE_SID)
		return -EPERM;
	fw_mutex_lock(&pty_list_lock);
	if ((cur = ctty_of_locked(ids->sid)) != NULL) {
		fw_mutex_unlock(&pty_list_lock);
		return cur == t ? 0 : -EPERM;
	}
	fw_mutex_lock(&t->lock);
	if (t->session != 0 && !(steal && ids->euid == 0))
		err = -EPERM;
	else if (!t->master_open)
		err = -EIO;
	else {
		t->session = ids->sid;
		t->pgrp = ids->pgid;
	}
	fw_mutex_unlock(&t->lock);
	fw_mutex_unlock(&pty_list_lock);
	return err;
}

void
tty_maybe_acquire(struct pty *t, struct proc *p)
{
	struct ctty_ids ids = ctty_ids(p);

	(void)ctty_set(t, &ids, false);
}

/* Whether sig would not reach th: ignored or blocked. */
static bool
sig_refused(struct thread *th, int sig)
{
	struct proc *p = th->proc;
	bool r;

	fw_mutex_lock(&p->lock);
	r = sigaction_get_locked(p, sig).handler == LINUX_SIG_IGN ||
	    (th->sigmask & LINUX_SIGBIT(sig));
	fw_mutex_unlock(&p->lock);
	return r;
}

int
tty_job_check(struct pty *t, struct thread *th, bool ttin)
{
	struct ctty_ids ids = ctty_ids(th->proc);
	int sig = ttin ? LINUX_SIGTTIN : LINUX_SIGTTOU;
	int session, fg;
	bool tostop;

	fw_mutex_lock(&t->lock);
	session = t->session;
	fg = t->pgrp;
	tostop = (t->tio.c_lflag & LINUX_TOSTOP) != 0;
	fw_mutex_unlock(&t->lock);
	if (session == 0 || session != ids.sid || fg == ids.pgid ||
	    (!ttin && !tostop))
		return 0;
	if (sig_refused(th, sig))
		return ttin ? -EIO : 0;
	if (proc_pgrp_orphaned(ids.pgid))
		return -EIO;
	tty_signal_pgrp(ids.pgid, sig);
	return -ERESTARTSYS;
}

struct pgrp_key {
	int	pgid, sid;
};

static bool
pgrp_in_session(struct proc *q, void *arg)
{
	const struct pgrp_key *k = arg;
	struct ctty_ids ids = ctty_ids(q);

	return ids.pgid == k->pgid && (k->sid < 0 || ids.sid == k->sid);
}

/* TIOCSPGRP: pgid becomes the foreground group of th's session's t. */
static long
ctty_set_pgrp(struct pty *t, struct thread *th, uint64_t arg)
{
	struct ctty_ids ids = ctty_ids(th->proc);
	struct pgrp_key k;
	int32_t pgid;
	int err;

	if ((err = tty_job_check(t, th, false)) < 0)
		return err;
	fw_mutex_lock(&t->lock);
	err = t->session == 0 || t->session != ids.sid ? -ENOTTY : 0;
	fw_mutex_unlock(&t->lock);
	if (err < 0)
		return err;
	if ((err = fw_copy_from_user(th->proc->vm, &pgid, fw_uaddr(arg),
	    sizeof(pgid))) < 0)
		return err;
	if (pgid < 0)
		return -EINVAL;
	k.pgid = pgid;
	k.sid = -1;
	fw_mutex_lock(&proc_table_lock);
	if (proc_search_locked(pgrp_in_session, &k) == NULL)
		err = -ESRCH;
	k.sid = ids.sid;
	if (err == 0 && proc_search_locked(pgrp_in_session, &k) == NULL)
		err = -EPERM;
	fw_mutex_unlock(&proc_table_lock);
	if (err < 0)
		return err;
	fw_mutex_lock(&t->lock);
	t->pgrp = pgid;
	fw_mutex_unlock(&t->lock);
	return 0;
}

/* TIOCNOTTY: a session leader gives its terminal up (its group: SIGHUP). */
static long
ctty_drop(struct pty *t, const struct ctty_ids *ids)
{
	int pgrp = 0;
	long err = 0;

	fw_mutex_lock(&t->lock);
	if (t->session == 0 || t->session != ids->sid)
		err = -ENOTTY;
	else if (ids->pid == ids->sid) {
		pgrp = t->pgrp;
		t->session = t->pgrp = 0;
	}
	fw_mutex_unlock(&t->lock);
	if (pgrp != 0) {
		tty_signal_pgrp(pgrp, LINUX_SIGHUP);
		tty_signal_pgrp(pgrp, LINUX_SIGCONT);
	}
	return err;
}

long
tty_ctty_ioctl(struct pty *t, bool master, struct thread *th,
    unsigned int cmd, uint64_t arg)
{
	struct ctty_ids ids = ctty_ids(th->proc);
	int32_t v;
	int session, pgrp;

	if (cmd == LINUX_TIOCSCTTY)
		return ctty_set(t, &ids, arg == 1);
	if (cmd == LINUX_TIOCNOTTY)
		return ctty_drop(t, &ids);
	if (cmd == LINUX_TIOCSPGRP)
		return ctty_set_pgrp(t, th, arg);
	fw_mutex_lock(&t->lock);
	session = t->session;
	pgrp = t->pgrp;
	fw_mutex_unlock(&t->lock);
	if (!master && (session == 0 || session != ids.sid))
		return -ENOTTY;
	if (cmd == LINUX_TIOCGSID && session == 0)
		return -ENOTTY;
	v = cmd == LINUX_TIOCGSID ? session : pgrp;
	return fw_copy_to_user(th->proc->vm, fw_uaddr(arg), &v, sizeof(v));
}

/* /dev/tty: the caller's pty, 1 for the console, or -ENXIO. */
static int
dev_tty_open(struct proc *p, unsigned int flags, struct file **out)
{
	struct ctty_ids ids = ctty_ids(p);
	struct pty *t;
	int err;

	fw_mutex_lock(&pty_list_lock);
	if ((t = ctty_of_locked(ids.sid)) == NULL)
		err = ids.sid == CONSOLE_SID ? 1 : -ENXIO;
	else
		err = pty_slave_file_locked(t, flags, out);
	fw_mutex_unlock(&pty_list_lock);
	return err;
}

/* The devpts instance a ptmx (obj) makes pairs in: "pts" beside it. */
static struct superblock *
ptmx_devpts(const struct vpath *obj)
{
	struct superblock *sb = NULL;
	struct ramfs_dirent *d;
	struct vpath pts;
	struct vnode *dir;

	if (obj->v->sb != NULL && obj->v->sb->type == &devpts_type) {
		atomic_fetch_add(&obj->v->sb->nref, 1);
		return obj->v->sb;
	}
	fw_mutex_lock(&fs_lock);
	dir = obj->v->parent;
	if (dir != NULL && dir->ops == &ramfs_ops && obj->mnt != NULL &&
	    (d = rdir_find(dir, "pts", 3)) != NULL) {
		pts.v = vnode_ref(d->v);
		pts.mnt = mount_ref(obj->mnt);
		mount_cross_locked(&pts);
		if (pts.mnt->sb->type == &devpts_type) {
			sb = pts.mnt->sb;
			atomic_fetch_add(&sb->nref, 1);
		}
		vpath_drop(&pts);
	}
	fw_mutex_unlock(&fs_lock);
	return sb;
}

static int
ptmx_open(struct proc *p, const struct vpath *obj, unsigned int flags,
    struct file **out)
{
	struct superblock *sb;
	struct cred cr;
	int err;

	if ((sb = ptmx_devpts(obj)) == NULL)
		return -ENODEV;
	fw_mutex_lock(&p->lock);
	cr = p->cred;
	fw_mutex_unlock(&p->lock);
	err = pty_master_open(sb, obj->v, &cr, flags, out);
	sb_unref(sb);
	return err;
}

int
tty_dev_open(struct proc *p, const struct vpath *obj, unsigned int flags,
    struct file **out)
{
	struct vnode *v = obj->v;
	unsigned int fflags = flags & ~(unsigned int)(LINUX_O_CREAT |
	    LINUX_O_EXCL | LINUX_O_NOCTTY | LINUX_O_TRUNC | LINUX_O_CLOEXEC);
	int err;

	if (!vnode_is(v, LINUX_S_IFCHR) || (flags & LINUX_O_PATH))
		return 1;
	if (v->rmajor == LINUX_PTY_SLAVE_MAJOR) {
		if ((err = pty_slave_open(v, fflags, out)) == 0 &&
		    !(flags & LINUX_O_NOCTTY))
			tty_maybe_acquire(pty_of(*out), p);
	} else if (v->rmajor == LINUX_TTYAUX_MAJOR &&
	    v->rminor == LINUX_PTMX_MINOR) {
		err = ptmx_open(p, obj, fflags, out);
	} else if (v->rmajor == LINUX_TTYAUX_MAJOR && v->rminor == 0) {
		return dev_tty_open(p, fflags, out);
	} else {
		return 1;
	}
	if (err == 0 && obj->mnt != NULL)
		(*out)->mnt = mount_ref(obj->mnt);
	return err;
}

int
tty_session_info(int sid, uint32_t *tty_nr, int *tpgid)
{
	struct pty *t;
	uint32_t n;

	fw_mutex_lock(&pty_list_lock);
	if ((t = ctty_of_locked(sid)) != NULL) {
		n = (uint32_t)t->index;
		*tty_nr = (n & 0xff) | (LINUX_PTY_SLAVE_MAJOR << 8) |
		    ((n & ~0xffU) << 12);
		fw_mutex_lock(&t->lock);
		*tpgid = t->pgrp;
		fw_mutex_unlock(&t->lock);
	}
	fw_mutex_unlock(&pty_list_lock);
	return t != NULL ? 0 : -ENOENT;
}

void
tty_session_end(int sid)
{
	struct pty *t;
	int pgrp = 0;

	if (sid == CONSOLE_SID)
		return;
	fw_mutex_lock(&pty_list_lock);
	if ((t = ctty_of_locked(sid)) != NULL) {
		fw_mutex_lock(&t->lock);
		pgrp = t->pgrp;
		t->session = t->pgrp = 0;
		fw_mutex_unlock(&t->lock);
	}
	fw_mutex_unlock(&pty_list_lock);
	tty_signal_pgrp(pgrp, LINUX_SIGHUP);
}
