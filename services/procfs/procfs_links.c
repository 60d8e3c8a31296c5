/*
 * services/procfs/procfs_links.c: the links of /proc (self, thread-self,
 * mounts) and the "magic" ones of a process (cwd, root, exe, fd/N): their
 * text is the object's path from the reader's root, or "pipe:[ino]",
 * "socket:[ino]" and the like for objects without one, and following them
 * gives the object itself, so a removed file can still be opened through
 * them.  Also fdinfo/N and the mount tables (mounts, mountinfo).
 *
 * Interface: procfs.h.
 * Locks: proc_table_lock, proc->lock, the fdtable's lock, then fs_lock
 * to name paths; each let go before the next object is looked at.
 */
#include <fw/alloc.h>
#include <fw/log.h>
#include <svc/file.h>
#include <svc/lib.h>
#include <svc/proc.h>
#include "procfs.h"

long
pfs_link_self(const struct pfs_ref *r, const struct fsctx *c, char *buf,
    size_t size)
{
	(void)r;
	return fw_snprintf(buf, size, "%d", c->p->pid);
}

long
pfs_link_thread_self(const struct pfs_ref *r, const struct fsctx *c,
    char *buf, size_t size)
{
	(void)r;
	return fw_snprintf(buf, size, "%d/task/%d", c->p->pid, c->p->pid);
}

long
pfs_link_mounts(const struct pfs_ref *r, const struct fsctx *c, char *buf,
    size_t size)
{
	(void)r, (void)c;
	return fw_snprintf(buf, size, "self/mounts");
}

static int
fds_of(int pid, struct fdtable **out)
{
	struct pfs_ref q = { NULL, pid, 0, -1 };
	struct proc *p;

	*out = NULL;
	if ((p = pfs_proc_get(&q)) != NULL) {
		fw_mutex_lock(&p->lock);
		if (p->fds != NULL)
			*out = fdtable_ref(p->fds);
		fw_mutex_unlock(&p->lock);
	}
	pfs_proc_put();
	return *out != NULL ? 0 : -ENOENT;
}

bool
pfs_fd_exists(int pid, int fd)
{
	struct fdtable *fds;
	struct file *f;
	bool ok;

	if (fds_of(pid, &fds) < 0)
		return false;
	ok = fdtable_get(fds, fd, &f, NULL) == 0;
	if (ok)
		file_unref(f);
	fdtable_unref(fds);
	return ok;
}

int
pfs_next_fd(int pid, int from)
{
	struct fdtable *fds;
	int fd;

	if (fds_of(pid, &fds) < 0)
		return -1;
	fd = fdtable_next(fds, from);
	fdtable_unref(fds);
	return fd;
}

static int
pfs_file(const struct pfs_ref *r, struct file **out)
{
	struct fdtable *fds;
	int err;

	if ((err = fds_of(r->tid != 0 ? r->tid : r->pid, &fds)) < 0)
		return err;
	err = fdtable_get(fds, r->fd, out, NULL);
	fdtable_unref(fds);
	return err < 0 ? -ENOENT : 0;
}

/* The object a magic link names: 0 with *out held, or -ENOENT. */
int
pfs_jump(const struct pfs_ref *r, const struct fsctx *c, struct vpath *out)
{
	const char *name = r->node->name;
	struct pfs_ref q = { NULL, r->pid, r->tid, -1 };
	struct file *f = NULL;
	struct proc *p;
	int err = -ENOENT;

	(void)c;
	if (r->fd >= 0) {
		if ((err = pfs_file(r, &f)) < 0)
			return err;
	} else {
		if ((p = pfs_proc_get(&q)) != NULL) {
			fw_mutex_lock(&p->lock);
			if (p->fs != NULL && (str_eq(name, "cwd") ||
			    str_eq(name, "root"))) {
				fs_struct_get(p->fs, str_eq(name, "root") ?
				    out : NULL, str_eq(name, "cwd") ? out :
				    NULL, NULL);
				err = out->v != NULL ? 0 : -ENOENT;
			} else if (str_eq(name, "exe") && p->exe != NULL) {
				f = file_ref(p->exe);
			}
			fw_mutex_unlock(&p->lock);
		}
		pfs_proc_put();
	}
	if (f != NULL) {
		err = -ENOENT;
		if (f->vnode != NULL) {
			out->v = vnode_ref(f->vnode);
			out->mnt = f->mnt != NULL ? mount_ref(f->mnt) : NULL;
			err = 0;
		}
		file_unref(f);
	}
	return err;
}

/*
 * The text of a vpath for a link, from the reader's root; a file whose
 * name is gone is named by the one it was opened by, and " (deleted)".
 */
static long
path_text(const struct fsctx *c, const struct vpath *o, struct file *f,
    char *buf, size_t size)
{
	bool reachable, gone;
	long at, n;

	if (o->v == NULL)
		return -ENOENT;
	fw_mutex_lock(&fs_lock);
	gone = o->v->nlink == 0 && !vnode_is(o->v, LINUX_S_IFDIR);
	if (f != NULL && f->name != NULL && (gone || o->v->parent == NULL))
		at = vpath_name_locked(&c->root, &f->dir, buf, size,
		    &reachable);
	else
		at = vpath_name_locked(&c->root, o, buf, size, &reachable);
	fw_mutex_unlock(&fs_lock);
	if (at < 0)
		return at;
	n = (long)(size - 1 - (size_t)at);
	memmove(buf, buf + at, (size_t)n + 1);
	if (f != NULL && f->name != NULL && (gone || o->v->parent == NULL))
		n += fw_snprintf(buf + n, size - (size_t)n, "%s%s",
		    n == 1 ? "" : "/", f->name);
	if (gone && (size_t)n < size)
		n += fw_snprintf(buf + n, size - (size_t)n, " (deleted)");
	return MIN(n, (long)size - 1);
}

/* The open file a link is about (fd/N or exe), referenced, or NULL. */
static struct file *
link_file(const struct pfs_ref *r)
{
	struct pfs_ref q = { NULL, r->pid, r->tid, -1 };
	struct file *f = NULL;
	struct proc *p;

	if (r->fd >= 0)
		return pfs_file(r, &f) == 0 ? f : NULL;
	if (!str_eq(r->node->name, "exe"))
		return NULL;
	if ((p = pfs_proc_get(&q)) != NULL) {
		fw_mutex_lock(&p->lock);
		if (p->exe != NULL)
			f = file_ref(p->exe);
		fw_mutex_unlock(&p->lock);
	}
	pfs_proc_put();
	return f;
}

long
pfs_link_text(const struct pfs_ref *r, const struct fsctx *c, char *buf,
    size_t size)
{
	struct file *f = link_file(r);
	struct vpath o = { 0 };
	long n;
	int err;

	if (f != NULL && f->mnt == NULL) {
		/* Objects of no file system, as Linux names them. */
		if (f->vnode != NULL && vnode_is(f->vnode, LINUX_S_IFCHR))
			n = fw_snprintf(buf, size, "/dev/console");
		else if (f->ops->anon_name != NULL &&
		    (str_eq(f->ops->anon_name, "pipe") ||
		    str_eq(f->ops->anon_name, "socket"))) {
			struct linux_stat st;

			file_stat(f, &st);
			n = fw_snprintf(buf, size, "%s:[%llu]",
			    f->ops->anon_name, (unsigned long long)st.st_ino);
		}
		else
			n = fw_snprintf(buf, size, "anon_inode:[%s]",
			    f->ops->anon_name != NULL ? f->ops->anon_name :
			    "unknown");
		file_unref(f);
		return MIN(n, (long)size - 1);
	}
	if ((err = pfs_jump(r, c, &o)) < 0) {
		file_unref(f);
		return err;
	}
	n = path_text(c, &o, f, buf, size);
	vpath_drop(&o);
	file_unref(f);
	return n;
}

int
pfs_show_fdinfo(struct sbuf *sb, const struct pfs_ref *r,
    const struct fsctx *c)
{
	struct fdtable *fds;
	struct file *f;
	bool cloexec;
	int err;

	(void)c;
	if ((err = fds_of(r->tid != 0 ? r->tid : r->pid, &fds)) < 0)
		return err;
	err = fdtable_get(fds, r->fd, &f, &cloexec);
	fdtable_unref(fds);
	if (err < 0)
		return -ENOENT;
	fw_mutex_lock(&f->lock);
	sbuf_printf(sb, "pos:\t%llu\n", (unsigned long long)f->pos);
	fw_mutex_unlock(&f->lock);
	sbuf_printf(sb, "flags:\t0%o\nmnt_id:\t%d\nino:\t%llu\n",
	    atomic_load(&f->flags) | (cloexec ? LINUX_O_CLOEXEC : 0u),
	    f->mnt != NULL ? f->mnt->id : 0,
	    (unsigned long long)(f->vnode != NULL ? f->vnode->ino : 0));
	file_unref(f);
	return 0;
}
