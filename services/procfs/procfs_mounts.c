/*
 * services/procfs/procfs_mounts.c: /proc/<pid>/mounts and mountinfo
 * (proc(5)): the mount table as the process sees it from its root;
 * mounts outside that root are left out, as Linux does.
 *
 * Interface: pfs_show_mounts, pfs_show_mountinfo (procfs.h).
 * Locks: the process's lock to copy its root, then fs_lock for the table.
 */
#include <fw/alloc.h>
#include <svc/lib.h>
#include <svc/proc.h>
#include "procfs.h"

struct mounts_ctx {
	struct sbuf	*sb;
	struct vpath	 root;
	char		*buf;		/* LINUX_PATH_MAX */
	bool		 info;		/* mountinfo's format */
};

static void
show_flags(struct sbuf *sb, uint32_t fl)
{
	sbuf_printf(sb, "%s", (fl & LINUX_MS_RDONLY) ? "ro" : "rw");
	if (fl & LINUX_MS_NOSUID)
		sbuf_printf(sb, ",nosuid");
	if (fl & LINUX_MS_NODEV)
		sbuf_printf(sb, ",nodev");
	if (fl & LINUX_MS_NOEXEC)
		sbuf_printf(sb, ",noexec");
	sbuf_printf(sb, (fl & LINUX_MS_NOATIME) ? ",noatime" : ",relatime");
}

/* The file system's own options (",size=...,mode=..."), as Linux's
 * show_options, which /proc/mounts and mountinfo both print. */
static void
show_fs_opts(struct sbuf *sb, const struct superblock *s)
{
	char opts[128];

	if (s->type->show != NULL && s->type->show(s, opts, sizeof(opts)) > 0)
		sbuf_printf(sb, "%s", opts);
}

static void
show_super(struct sbuf *sb, const struct superblock *s)
{
	sbuf_printf(sb, "%s", (s->flags & LINUX_MS_RDONLY) ? "ro" : "rw");
	show_fs_opts(sb, s);
}

/* The path of m->root inside its file system ("/" for the fs root). */
static const char *
fs_path_locked(const struct mount *m, char *buf, size_t size)
    FW_REQUIRES(&fs_lock)
{
	struct vnode *v = m->root, *up;
	size_t at = size - 1, len;
	const char *name;

	buf[at] = '\0';
	while (v != m->sb->root && (up = v->parent) != NULL &&
	    up->ops->name_of != NULL && up->ops->name_of(up, v, &name,
	    &len) == 0 && len + 1 <= at) {
		at -= len;
		memcpy(buf + at, name, len);
		buf[--at] = '/';
		v = up;
	}
	if (at == size - 1)
		buf[--at] = '/';
	return buf + at;
}

static void
show_one(struct mount *m, void *arg) FW_REQUIRES(&fs_lock)
{
	struct mounts_ctx *x = arg;
	struct vpath at = { .mnt = m, .v = m->root };
	bool reachable;
	long off;

	off = vpath_name_locked(&x->root, &at, x->buf, LINUX_PATH_MAX,
	    &reachable);
	if (off < 0 || !reachable)
		return;
	if (!x->info) {
		sbuf_printf(x->sb, "%s %s %s ", m->sb->source, x->buf + off,
		    m->sb->type->name);
		show_flags(x->sb, m->flags | (m->sb->flags & LINUX_MS_RDONLY));
		show_fs_opts(x->sb, m->sb);
		sbuf_printf(x->sb, " 0 0\n");
		return;
	}
	sbuf_printf(x->sb, "%d %d 0:%u ", m->id,
	    m->parent != NULL ? m->parent->id : 1, m->sb->dev);
	sbuf_printf(x->sb, "%s %s ", fs_path_locked(m, x->buf, 2048),
	    x->buf + off);
	show_flags(x->sb, m->flags);
	sbuf_printf(x->sb, " - %s %s ", m->sb->type->name, m->sb->source);
	show_super(x->sb, m->sb);
	sbuf_printf(x->sb, "\n");
}

static int
show_table(struct sbuf *sb, const struct pfs_ref *r, bool info)
{
	struct pfs_ref q = { NULL, r->pid, r->tid, -1 };
	struct mounts_ctx x = { sb, { 0 }, NULL, info };
	struct proc *p;

	if ((p = pfs_proc_get(&q)) != NULL) {
		fw_mutex_lock(&p->lock);
		if (p->fs != NULL)
			fs_struct_get(p->fs, &x.root, NULL, NULL);
		fw_mutex_unlock(&p->lock);
	}
	pfs_proc_put();
	if (x.root.v == NULL)
		return -ESRCH;
	if ((x.buf = fw_alloc(LINUX_PATH_MAX)) == NULL) {
		vpath_drop(&x.root);
		return -ENOMEM;
	}
	fw_mutex_lock(&fs_lock);
	mount_each_locked(show_one, &x);
	fw_mutex_unlock(&fs_lock);
	fw_free(x.buf);
	vpath_drop(&x.root);
	return 0;
}

int
pfs_show_mounts(struct sbuf *sb, const struct pfs_ref *r,
    const struct fsctx *c)
{
	(void)c;
	return show_table(sb, r, false);
}

int
pfs_show_mountinfo(struct sbuf *sb, const struct pfs_ref *r,
    const struct fsctx *c)
{
	(void)c;
	return show_table(sb, r, true);
}
