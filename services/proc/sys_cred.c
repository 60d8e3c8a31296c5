/*
 * proc/sys_cred.c: changing credentials: setuid(2), setgid(2), setreuid(2),
 * setregid(2), setresuid(2), setresgid(2), setfsuid(2), setfsgid(2),
 * getresuid(2), getresgid(2), getgroups(2) and setgroups(2), with the rules
 * of Linux's kernel/sys.c.  There are no capability sets: a process has
 * CAP_SETUID and CAP_SETGID exactly when its euid is 0, which is what
 * Linux's capability fix-ups (cap_emulate_setxuid) give a root process.
 * Ids are 32 bits and (uid_t)-1 means "leave it" where Linux says so.
 *
 * A change of euid, egid, fsuid or fsgid makes the process not dumpable
 * (fs.suid_dumpable's default) and clears its parent-death signal, as
 * commit_creds() does.  The supplementary groups are kept sorted, so file
 * permission checks (fsctx_in_group, services/fs/path.c) search them.
 *
 * Locks: proc->lock, held across each read-check-write.
 */
#include <fw/alloc.h>
#include <fw/errno.h>
#include <fw/uaccess.h>
#include <svc/proc.h>
#include <svc/syscall.h>

#define CRED_KEEP	0xffffffffU		/* (uid_t)-1 */
#define NGROUPS_MAX	65536			/* Linux's NGROUPS_MAX */

/* Computes new from old for ids[3]: 0 or -errno (new is then unused). */
typedef int (*cred_fn)(const struct cred *old, struct cred *new,
    const uint32_t *ids);

static bool
cred_privileged(const struct cred *c)
{
	return c->euid == 0;
}

/* Installs new in p, with commit_creds()'s side effects. */
static void
cred_commit_locked(struct proc *p, const struct cred *new)
	FW_REQUIRES(&p->lock)
{
	const struct cred *old = &p->cred;

	if (old->euid != new->euid || old->egid != new->egid ||
	    old->fsuid != new->fsuid || old->fsgid != new->fsgid) {
		p->dumpable = false;
		p->pdeath_signal = 0;
	}
	p->cred = *new;
}

/* Runs fn on t's credentials and commits the result: 0 or -errno. */
static long
cred_change(struct thread *t, cred_fn fn, const struct syscall_args *a)
{
	struct proc *p = t->proc;
	uint32_t ids[3] = { (uint32_t)a->a[0], (uint32_t)a->a[1],
	    (uint32_t)a->a[2] };
	struct cred new;
	int err;

	fw_mutex_lock(&p->lock);
	new = p->cred;
	if ((err = fn(&p->cred, &new, ids)) == 0)
		cred_commit_locked(p, &new);
	fw_mutex_unlock(&p->lock);
	return err;
}

/* setuid(uid): root sets all four; others only euid and fsuid. */
static int
cred_setuid(const struct cred *old, struct cred *new, const uint32_t *ids)
{
	uint32_t uid = ids[0];

	if (uid == CRED_KEEP)
		return -EINVAL;
	if (cred_privileged(old))
		new->uid = new->suid = uid;
	else if (uid != old->uid && uid != old->suid)
		return -EPERM;
	new->euid = new->fsuid = uid;
	return 0;
}

static int
cred_setgid(const struct cred *old, struct cred *new, const uint32_t *ids)
{
	uint32_t gid = ids[0];

	if (gid == CRED_KEEP)
		return -EINVAL;
	if (cred_privileged(old))
		new->gid = new->sgid = gid;
	else if (gid != old->gid && gid != old->sgid)
		return -EPERM;
	new->egid = new->fsgid = gid;
	return 0;
}

/*
 * setreuid(ruid, euid): the real id may become the old real or effective
 * one, the effective id any of the three; the saved id follows the new
 * effective one when the real id is set or the effective one moves away
 * from the old real id.
 */
static int
cred_setreuid(const struct cred *old, struct cred *new, const uint32_t *ids)
{
	uint32_t r = ids[0], e = ids[1];
	bool priv = cred_privileged(old);

	if (r != CRED_KEEP) {
		if (r != old->uid && r != old->euid && !priv)
			return -EPERM;
		new->uid = r;
	}
	if (e != CRED_KEEP) {
		if (e != old->uid && e != old->euid && e != old->suid && !priv)
			return -EPERM;
		new->euid = e;
	}
	if (r != CRED_KEEP || (e != CRED_KEEP && e != old->uid))
		new->suid = new->euid;
	new->fsuid = new->euid;
	return 0;
}

static int
cred_setregid(const struct cred *old, struct cred *new, const uint32_t *ids)
{
	uint32_t r = ids[0], e = ids[1];
	bool priv = cred_privileged(old);

	if (r != CRED_KEEP) {
		if (r != old->gid && r != old->egid && !priv)
			return -EPERM;
		new->gid = r;
	}
	if (e != CRED_KEEP) {
		if (e != old->gid && e != old->egid && e != old->sgid && !priv)
			return -EPERM;
		new->egid = e;
	}
	if (r != CRED_KEEP || (e != CRED_KEEP && e != old->gid))
		new->sgid = new->egid;
	new->fsgid = new->egid;
	return 0;
}

/* Whether id (not CRED_KEEP) is none of the three ids in cur. */
static bool
cred_is_new(uint32_t id, const uint32_t *cur)
{
	return id != CRED_KEEP && id != cur[0] && id != cur[1] &&
	    id != cur[2];
}

/*
 * setresuid(2) and setresgid(2) on the real, effective, saved and fs ids
 * in *ids4 of new: unprivileged, each new id must be one of the old three.
 */
static int
cred_setres(bool priv, uint32_t *ids4, const uint32_t *want)
{
	const uint32_t cur[3] = { ids4[0], ids4[1], ids4[2] };
	int i;

	if (!priv && (cred_is_new(want[0], cur) || cred_is_new(want[1], cur) ||
	    cred_is_new(want[2], cur)))
		return -EPERM;
	for (i = 0; i < 3; i++)
		if (want[i] != CRED_KEEP)
			ids4[i] = want[i];
	ids4[3] = ids4[1];			/* fs follows effective */
	return 0;
}

static int
cred_setresuid(const struct cred *old, struct cred *new, const uint32_t *ids)
{
	uint32_t v[4] = { old->uid, old->euid, old->suid, old->fsuid };
	int err;

	if ((err = cred_setres(cred_privileged(old), v, ids)) < 0)
		return err;
	new->uid = v[0], new->euid = v[1], new->suid = v[2], new->fsuid = v[3];
	return 0;
}

static int
cred_setresgid(const struct cred *old, struct cred *new, const uint32_t *ids)
{
	uint32_t v[4] = { old->gid, old->egid, old->sgid, old->fsgid };
	int err;

	if ((err = cred_setres(cred_privileged(old), v, ids)) < 0)
		return err;
	new->gid = v[0], new->egid = v[1], new->sgid = v[2], new->fsgid = v[3];
	return 0;
}

SYSCALL(setuid)
{
	return cred_change(t, cred_setuid, a);
}

SYSCALL(setgid)
{
	return cred_change(t, cred_setgid, a);
}

SYSCALL(setreuid)
{
	return cred_change(t, cred_setreuid, a);
}

SYSCALL(setregid)
{
	return cred_change(t, cred_setregid, a);
}

SYSCALL(setresuid)
{
	return cred_change(t, cred_setresuid, a);
}

SYSCALL(setresgid)
{
	return cred_change(t, cred_setresgid, a);
}

/*
 * setfsuid(2) and setfsgid(2): the new fs id must be one of the four
 * (or the caller privileged); the old one is returned, changed or not.
 */
static long
cred_setfs(struct proc *p, uint32_t id, bool gid)
{
	struct cred new;
	uint32_t old, r, e, s;

	fw_mutex_lock(&p->lock);
	new = p->cred;
	old = gid ? new.fsgid : new.fsuid;
	r = gid ? new.gid : new.uid;
	e = gid ? new.egid : new.euid;
	s = gid ? new.sgid : new.suid;
	if (id != CRED_KEEP && id != old && (id == r || id == e || id == s ||
	    cred_privileged(&new))) {
		if (gid)
			new.fsgid = id;
		else
			new.fsuid = id;
		cred_commit_locked(p, &new);
	}
	fw_mutex_unlock(&p->lock);
	return old;
}

SYSCALL(setfsuid)
{
	return cred_setfs(t->proc, (uint32_t)a->a[0], false);
}

SYSCALL(setfsgid)
{
	return cred_setfs(t->proc, (uint32_t)a->a[0], true);
}

/* Stores three ids at the user addresses u[0..2], stopping at a fault. */
static long
cred_put3(struct proc *p, const uint64_t *u, const uint32_t *ids)
{
	int i, err;

	for (i = 0; i < 3; i++)
		if ((err = fw_copy_to_user(p->vm, fw_uaddr(u[i]), &ids[i],
		    sizeof(ids[i]))) < 0)
			return err;
	return 0;
}

SYSCALL(getresuid)
{
	struct proc *p = t->proc;
	uint32_t ids[3];

	fw_mutex_lock(&p->lock);
	ids[0] = p->cred.uid, ids[1] = p->cred.euid, ids[2] = p->cred.suid;
	fw_mutex_unlock(&p->lock);
	return cred_put3(p, a->a, ids);
}

SYSCALL(getresgid)
{
	struct proc *p = t->proc;
	uint32_t ids[3];

	fw_mutex_lock(&p->lock);
	ids[0] = p->cred.gid, ids[1] = p->cred.egid, ids[2] = p->cred.sgid;
	fw_mutex_unlock(&p->lock);
	return cred_put3(p, a->a, ids);
}

/*
 * getgroups(size, list): the number of supplementary groups; with size
 * non-zero also the list, which must fit (-EINVAL).  -EINVAL for size < 0.
 */
SYSCALL(getgroups)
{
	struct proc *p = t->proc;
	int size = (int)a->a[0];
	struct proc_groups *g;
	long n;

	if (size < 0)
		return -EINVAL;
	fw_mutex_lock(&p->lock);
	g = proc_groups_ref(p->groups);
	fw_mutex_unlock(&p->lock);
	n = g != NULL ? g->n : 0;
	if (size != 0 && n > size)
		n = -EINVAL;
	else if (size != 0 && n > 0 && fw_copy_to_user(p->vm,
	    fw_uaddr(a->a[1]), g->gid, (size_t)n * sizeof(g->gid[0])) < 0)
		n = -EFAULT;
	proc_groups_unref(g);
	return n;
}

/* Sorts g's ids in place, as Linux does (a Shell sort: n <= 65536). */
static void
cred_sort_groups(struct proc_groups *g)
{
	uint32_t gap, i, j, v;

	for (gap = g->n / 2; gap > 0; gap /= 2)
		for (i = gap; i < g->n; i++) {
			v = g->gid[i];
			for (j = i; j >= gap && g->gid[j - gap] > v; j -= gap)
				g->gid[j] = g->gid[j - gap];
			g->gid[j] = v;
		}
}

/*
 * setgroups(size, list): replaces the supplementary groups (root only:
 * -EPERM).  -EINVAL for a size beyond NGROUPS_MAX or the id -1, -EFAULT,
 * -ENOMEM.
 */
SYSCALL(setgroups)
{
	struct proc *p = t->proc;
	uint32_t size = (uint32_t)a->a[0], i;
	struct proc_groups *g, *old;
	bool priv;

	fw_mutex_lock(&p->lock);
	priv = cred_privileged(&p->cred);
	fw_mutex_unlock(&p->lock);
	if (!priv)
		return -EPERM;
	if (size > NGROUPS_MAX)
		return -EINVAL;
	if ((g = fw_zalloc(1, sizeof(*g) + size * sizeof(g->gid[0]))) == NULL)
		return -ENOMEM;
	atomic_init(&g->nref, 1);
	g->n = size;
	if (size > 0 && fw_copy_from_user(p->vm, g->gid, fw_uaddr(a->a[1]),
	    size * sizeof(g->gid[0])) < 0) {
		proc_groups_unref(g);
		return -EFAULT;
	}
	for (i = 0; i < size; i++)
		if (g->gid[i] == CRED_KEEP) {
			proc_groups_unref(g);
			return -EINVAL;
		}
	cred_sort_groups(g);
	fw_mutex_lock(&p->lock);
	old = p->groups;
	p->groups = g;
	fw_mutex_unlock(&p->lock);
	proc_groups_unref(old);
	return 0;
}
