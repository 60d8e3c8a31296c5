/*
 * services/procfs/procfs.c: the proc file system (proc(5)), and sysfs
 * built the same way from its own table (sysfs(5)): their types,
 * vnodes made from the node tables by lookup, directories listed from
 * their static entries then their processes, threads or descriptors,
 * and files whose text is computed at open and read from that snapshot.
 * Writes are refused (EINVAL, as for Linux's read-only proc files).
 *
 * Interface: procfs_type (mount.h), pfs_proc_get/put (procfs.h).
 * Locks: see procfs.h; no fs_lock anywhere in this file.
 */
#include <fw/alloc.h>
#include <fw/log.h>
#include <fw/timer.h>
#include <svc/file.h>
#include <svc/lib.h>
#include <svc/proc.h>
#include <uapi/mount.h>
#include "procfs.h"

#define DYN_POS		0x10000u	/* getdents positions of dynamic ids */

static const struct vnode_ops procfs_ops;

struct proc *
pfs_proc_get(const struct pfs_ref *r)
{
	struct proc *p;
	struct thread *t;

	fw_mutex_lock(&proc_table_lock);
	p = proc_find_locked(r->pid);
	if (p == NULL || p->pid != r->pid)
		return NULL;
	if (r->tid == 0 || r->tid == r->pid)
		return p;
	fw_mutex_lock(&p->lock);
	for (t = p->threads; t != NULL && t->tid != r->tid; t = t->next_thread)
		;
	fw_mutex_unlock(&p->lock);
	return t != NULL ? p : NULL;
}

void
pfs_proc_put(void)
{
	fw_mutex_unlock(&proc_table_lock);
}

static const struct pfs_node *
node_of(const struct vnode *v)
{
	return v->u.proc.node;
}

static struct pfs_ref
ref_of(const struct vnode *v)
{
	struct pfs_ref r = { v->u.proc.node, v->u.proc.pid, v->u.proc.tid,
	    v->u.proc.fd };

	return r;
}

/* The owner of a process's entries: its euid and egid (proc(5)). */
static void
pfs_owner(const struct pfs_ref *r, uint32_t *uid, uint32_t *gid)
{
	struct proc *p;

	*uid = *gid = 0;
	if (r->pid == 0)
		return;
	if ((p = pfs_proc_get(r)) != NULL) {
		fw_mutex_lock(&p->lock);
		*uid = p->cred.euid;
		*gid = p->cred.egid;
		fw_mutex_unlock(&p->lock);
	}
	pfs_proc_put();
}

/* A vnode for node below dir, about r: 0 with *out, or -ENOMEM. */
static int
pfs_vnode(struct vnode *dir, const struct pfs_node *node,
    const struct pfs_ref *r, struct vnode **out)
{
	struct vnode *v;
	int err;

	if ((err = vnode_alloc(&procfs_ops, node->mode, &v)) < 0)
		return err;
	v->sb = dir->sb;
	v->u.proc.node = node;
	v->u.proc.pid = r->pid;
	v->u.proc.tid = r->tid;
	v->u.proc.fd = r->fd;
	v->ino = ((uint64_t)r->pid << 32) | ((uint64_t)(r->tid & 0xffff) <<
	    16) | ((uint64_t)((r->fd + 1) & 0xff) << 8) | node->id;
	v->nlink = vnode_is(v, LINUX_S_IFDIR) ? 2 : 1;
	v->parent = vnode_ref(dir);
	pfs_owner(r, &v->uid, &v->gid);
	*out = v;
	return 0;
}

/* A decimal name: its value, or -1. */
static int
name_number(const char *s, size_t len)
{
	int n = 0;
	size_t i;

	if (len == 0 || len > 9 || (s[0] == '0' && len > 1))
		return -1;
	for (i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		n = n * 10 + (s[i] - '0');
	}
	return n;
}

/* Whether the dynamic id n exists in a directory of kind dyn about r. */
static bool
dyn_exists(enum pfs_dyn dyn, const struct pfs_ref *r, int n)
{
	struct pfs_ref q = *r;
	struct proc *p;

	switch (dyn) {
	case PFS_DYN_PIDS:
		q.pid = n;
		q.tid = 0;
		break;
	case PFS_DYN_TIDS:
		q.tid = n;
		break;
	case PFS_DYN_FDS:
	case PFS_DYN_FDINFO:
		return pfs_fd_exists(r->tid != 0 ? r->tid : r->pid, n);
	default:
		return false;
	}
	p = pfs_proc_get(&q);
	pfs_proc_put();
	return p != NULL;
}

static void
dyn_ref(enum pfs_dyn dyn, const struct pfs_ref *r, int n, struct pfs_ref *q)
{
	*q = *r;
	if (dyn == PFS_DYN_PIDS) {
		q->pid = n;
		q->tid = 0;
	} else if (dyn == PFS_DYN_TIDS) {
		q->tid = n;
	} else {
		q->fd = n;
	}
}

static int
pfs_lookup(struct vnode *dir, const char *name, size_t len,
    struct vnode **out)
{
	const struct pfs_node *node = node_of(dir), *s;
	struct pfs_ref r = ref_of(dir), q;
	int n, err;

	for (s = node->sub; s != NULL && s->name != NULL; s++) {
		if (str_len(s->name) == len && memcmp(s->name, name, len) == 0)
			return pfs_vnode(dir, s, &r, out);
	}
	if (node->dyn == PFS_DYN_NONE || (n = name_number(name, len)) < 0 ||
	    (node->dyn != PFS_DYN_FDS && node->dyn != PFS_DYN_FDINFO &&
	    n == 0) || !dyn_exists(node->dyn, &r, n))
		return -ENOENT;
	dyn_ref(node->dyn, &r, n, &q);
	if ((err = pfs_vnode(dir, node->dyn_node, &q, out)) == 0) {
		memcpy((*out)->u.proc.name, name, len);
		(*out)->u.proc.name[len] = '\0';
	}
	return err;
}

/* The name v has in dir (getcwd, link texts): 0, or -ENOENT. */
static int
pfs_name_of(struct vnode *dir, const struct vnode *v, const char **name,
    size_t *len)
{
	const struct pfs_node *node = node_of(v);

	if (v->parent != dir)
		return -ENOENT;
	*name = v->u.proc.name[0] != '\0' ? v->u.proc.name : node->name;
	*len = str_len(*name);
	return 0;
}

static long
pfs_readlink(struct vnode *v, const struct fsctx *c, char *buf, size_t size)
{
	const struct pfs_node *node = node_of(v);
	struct pfs_ref r = ref_of(v);

	if (node->link == NULL)
		return -EINVAL;
	return node->link(&r, c, buf, size);
}

static int
pfs_follow(struct vnode *v, const struct fsctx *c, struct vpath *out)
{
	const struct pfs_node *node = node_of(v);
	struct pfs_ref r = ref_of(v);

	if (node->jump == NULL)
		return VFOLLOW_TEXT;
	return node->jump(&r, c, out);
}

static void
pfs_release(struct vnode *v)
{
	vnode_unref(v->parent);
}

static bool
pid_at_least(struct proc *p, void *arg)
{
	return p->pid >= *(int *)arg;
}

/* The lowest thread id >= from of the process r names, or -1. */
static int
next_tid(const struct pfs_ref *r, int from)
{
	struct pfs_ref q = { NULL, r->pid, 0, -1 };
	struct thread *t;
	struct proc *p;
	int best = -1;

	if ((p = pfs_proc_get(&q)) != NULL) {
		fw_mutex_lock(&p->lock);
		for (t = p->threads; t != NULL; t = t->next_thread) {
			if (t->tid >= from && (best < 0 || t->tid < best))
				best = t->tid;
		}
		fw_mutex_unlock(&p->lock);
	}
	pfs_proc_put();
	return best;
}

/* The next dynamic id >= from in a directory about r, or -1. */
static int
dyn_next(enum pfs_dyn dyn, const struct pfs_ref *r, int from)
{
	struct proc *p;
	int pid;

	switch (dyn) {
	case PFS_DYN_PIDS:
		fw_mutex_lock(&proc_table_lock);
		p = proc_search_locked(pid_at_least, &from);
		pid = p != NULL ? p->pid : -1;
		fw_mutex_unlock(&proc_table_lock);
		return pid;
	case PFS_DYN_TIDS:
		return next_tid(r, from);
	case PFS_DYN_FDS:
	case PFS_DYN_FDINFO:
		return pfs_next_fd(r->tid != 0 ? r->tid : r->pid, from);
	default:
		return -1;
	}
}

static long
pfs_getdents(struct file *f, void *buf, size_t len, uint64_t *pos)
{
	struct vnode *dir = f->vnode;
	const struct pfs_node *node = node_of(dir), *s;
	struct pfs_ref r = ref_of(dir);
	size_t off = 0, n, nsub = 0;
	char name[16];
	int id;

	while (node->sub != NULL && node->sub[nsub].name != NULL)
		nsub++;
	if (*pos < 2) {
		if ((n = dirent_put(buf, len, off, dir->ino, 1, LINUX_DT_DIR,
		    ".", 1)) == 0)
			goto full;
		off += n;
		*pos = 1;
		if ((n = dirent_put(buf, len, off, dir->parent != NULL ?
		    dir->parent->ino : dir->ino, 2,
		    LINUX_DT_DIR, "..", 2)) == 0)
			goto full;
		off += n;
		*pos = 2;
	}
	for (; *pos - 2 < nsub; (*pos)++) {
		s = &node->sub[*pos - 2];
		if ((n = dirent_put(buf, len, off, dir->ino + s->id + 1,
		    (int64_t)*pos + 1, (uint8_t)((s->mode >> 12) & 15),
		    s->name, str_len(s->name))) == 0)
			goto full;
		off += n;
	}
	if (node->dyn == PFS_DYN_NONE)
		return (long)off;
	if (*pos < DYN_POS)
		*pos = DYN_POS;
	while ((id = dyn_next(node->dyn, &r, (int)(*pos - DYN_POS))) >= 0) {
		int nl = fw_snprintf(name, sizeof(name), "%d", id);

		if ((n = dirent_put(buf, len, off, dir->ino + (uint64_t)id,
		    (int64_t)(DYN_POS + (uint64_t)id + 1),
		    (uint8_t)((node->dyn_node->mode >> 12) & 15), name,
		    (size_t)nl)) == 0)
			goto full;
		off += n;
		*pos = DYN_POS + (uint64_t)id + 1;
	}
	return (long)off;
full:
	return off == 0 ? -EINVAL : (long)off;
}

static long
pfs_read(struct file *f, void *buf, size_t len, uint64_t *off)
{
	const struct sbuf *sb = f->priv;

	if (*off >= sb->len)
		return 0;
	len = MIN(len, (size_t)(sb->len - *off));
	memcpy(buf, sb->buf + *off, len);
	*off += len;
	return (long)len;
}

static long
pfs_write(struct file *f, const void *buf, size_t len, uint64_t *off)
{
	(void)f, (void)buf, (void)len, (void)off;
	return -EINVAL;
}

static void
pfs_file_release(struct file *f)
{
	struct sbuf *sb = f->priv;

	if (sb != NULL) {
		sbuf_free(sb);
		fw_free(sb);
	}
}

static const struct file_ops pfs_file_ops = {
	.read = pfs_read,
	.write = pfs_write,
	.release = pfs_file_release,
};

static const struct file_ops pfs_dir_ops = {
	.getdents = pfs_getdents,
};

/* Opens a directory, or a file with its text computed now. */
static int
pfs_open(struct vnode *v, unsigned int flags, struct file **out)
{
	const struct pfs_node *node = node_of(v);
	struct pfs_ref r = ref_of(v);
	struct fsctx c = { 0 };
	struct sbuf *sb;
	int err;

	if (vnode_is(v, LINUX_S_IFDIR))
		return file_alloc(&pfs_dir_ops, v, flags, true, out);
	if (node->show == NULL)
		return -ENXIO;
	if ((sb = fw_zalloc(1, sizeof(*sb))) == NULL)
		return -ENOMEM;
	err = node->show(sb, &r, &c);
	if (err == 0)
		err = sbuf_error(sb);
	if (err == 0)
		err = file_alloc(&pfs_file_ops, v, flags, true, out);
	if (err < 0) {
		sbuf_free(sb);
		fw_free(sb);
		return err == -ESRCH ? -ENOENT : err;
	}
	(*out)->priv = sb;
	return 0;
}

static const struct vnode_ops procfs_ops = {
	.flags = VOPS_UNLOCKED,
	.lookup = pfs_lookup,
	.release = pfs_release,
	.open = pfs_open,
	.readlink = pfs_readlink,
	.follow = pfs_follow,
	.name_of = pfs_name_of,
};

/* A root vnode for a tree of nodes (procfs, sysfs). */
static int
pfs_fill_root(struct superblock *sb, const struct pfs_node *root)
{
	struct vnode *v;
	int err;

	if ((err = vnode_alloc(&procfs_ops, root->mode, &v)) < 0)
		return err;
	v->sb = sb;
	v->ino = 1;
	v->nlink = 2;
	v->u.proc.node = root;
	v->u.proc.fd = -1;
	sb->root = v;
	return 0;
}

static int
procfs_fill(struct superblock *sb, const char *data)
{
	(void)data;
	return pfs_fill_root(sb, &pfs_root_node);
}

static int
sysfs_fill(struct superblock *sb, const char *data)
{
	(void)data;
	return pfs_fill_root(sb, &sysfs_root_node);
}

const struct fstype procfs_type = {
	.name = "proc",
	.magic = LINUX_PROC_SUPER_MAGIC,
	.nodev = true,
	.fill = procfs_fill,
};

const struct fstype sysfs_type = {
	.name = "sysfs",
	.magic = LINUX_SYSFS_MAGIC,
	.nodev = true,
	.fill = sysfs_fill,
};
