/*
 * services/fs/open.c: opening (open(2)): the walk with O_CREAT, O_EXCL,
 * O_TRUNC, O_DIRECTORY, O_NOFOLLOW and O_PATH, the permission checks of
 * may_open(), and turning a vnode into a struct file: regular files and
 * directories on the vnode's ops, character devices dispatched by their
 * major and minor numbers to their drivers.
 *
 * Interface: vfs_open() (svc/vfs.h), vnode_open() (fs.h).
 * Locks: the walk and the create run under fs_lock; the vnode file ops
 * take fs_lock for each call and never hold it on return.
 */
#include <svc/file.h>
#include <svc/lib.h>
#include <svc/pipe.h>
#include <svc/vfs.h>
#include <uapi/inotify.h>
#include <uapi/tty.h>
#include "fs.h"
#include "overlay.h"
#include "attr.h"
#include "vext.h"

/*
 * A read of v at *off, leaving cache pages in place when frames is not
 * NULL and v's file system can (file_ops->read_frames), else copying all.
 */
static long
reg_read_frames(struct file *f, void *buf, size_t len, uint64_t *off,
    struct fw_frame **frames)
{
	struct vnode *v = f->vnode;
	size_t i;
	long n;

	fw_mutex_lock(&fs_lock);
	if (frames != NULL && v->ops->read_frames != NULL) {
		n = v->ops->read_frames(v, buf, len, *off, frames);
	} else {
		n = v->ops->read(v, buf, len, *off);
		for (i = 0; frames != NULL && i < FILE_READ_FRAMES; i++)
			frames[i] = NULL;
	}
	if (n > 0 && !(atomic_load(&f->flags) & LINUX_O_NOATIME))
		vnode_accessed_locked(v);
	if (n > 0)
		fsnotify_locked(NULL, v, LINUX_IN_ACCESS, NULL, 0);
	fw_mutex_unlock(&fs_lock);
	if (n > 0)
		*off += (uint64_t)n;
	return n;
}

static long
reg_read(struct file *f, void *buf, size_t len, uint64_t *off)
{
	return reg_read_frames(f, buf, len, off, NULL);
}

/* O_APPEND moves to the end under the lock, for pwrite too (as Linux). */
static long
reg_write(struct file *f, const void *buf, size_t len, uint64_t *off)
{
	return vnode_write(f->vnode, buf, len, off,
	    (atomic_load(&f->flags) & LINUX_O_APPEND) != 0);
}

static long
dir_getdents(struct file *f, void *buf, size_t len, uint64_t *pos)
{
	struct vnode *v = f->vnode;
	long n;

	fw_mutex_lock(&fs_lock);
	n = v->nlink == 0 ? 0 : v->ops->getdents(v, buf, len, pos);
	if (n >= 0 && !(atomic_load(&f->flags) & LINUX_O_NOATIME))
		vnode_accessed_locked(v);
	fw_mutex_unlock(&fs_lock);
	return n;
}

static int
reg_get_page(struct file *f, uint64_t idx, struct fw_frame **out)
{
	struct vnode *v = f->vnode;
	int err;

	fw_mutex_lock(&fs_lock);
	err = v->ops->get_page != NULL ? v->ops->get_page(v, idx, out) :
	    -ENODEV;
	fw_mutex_unlock(&fs_lock);
	return err;
}

static const struct file_ops reg_file_ops = {
	.read = reg_read,
	.read_frames = reg_read_frames,
	.write = reg_write,
	.get_page = reg_get_page,
};
static const struct file_ops dir_file_ops = {
	.getdents = dir_getdents,
};
static const struct file_ops path_file_ops = { 0 };

static const struct {
	uint32_t		 major, minor;
	const struct file_ops	*ops;
} chrdevs[] = {
	{ LINUX_MEM_MAJOR, 3, &dev_null_ops },
	{ LINUX_MEM_MAJOR, 5, &dev_zero_ops },
	{ LINUX_MEM_MAJOR, 7, &dev_full_ops },
	{ LINUX_MEM_MAJOR, 8, &dev_random_ops },
	{ LINUX_MEM_MAJOR, 9, &dev_urandom_ops },
	{ LINUX_TTYAUX_MAJOR, 0, &console_file_ops },
	{ LINUX_TTYAUX_MAJOR, 1, &console_file_ops },
};

static int
chrdev_open(struct vnode *v, unsigned int flags, struct file **out)
{
	size_t i;
	int err;

	if (v->rmajor == LINUX_PTY_SLAVE_MAJOR)
		return pty_slave_open(v, flags, out);
	for (i = 0; i < ARRAY_SIZE(chrdevs); i++) {
		if (chrdevs[i].major != v->rmajor ||
		    chrdevs[i].minor != v->rminor)
			continue;
		if (chrdevs[i].ops != &console_file_ops)
			return file_alloc(chrdevs[i].ops, v, flags, true, out);
		if ((err = file_alloc(&console_file_ops, v, flags, false,
		    out)) < 0)
			return err;
		return console_file_init(*out);
	}
	return -ENXIO;
}

static int
vnode_open_file(struct vnode *v, unsigned int flags, struct file **out)
{
	if (flags & LINUX_O_PATH)
		return file_alloc(&path_file_ops, v, flags, false, out);
	if (v->ops->open != NULL)
		return v->ops->open(v, flags, out);
	switch (v->mode & LINUX_S_IFMT) {
	case LINUX_S_IFREG:
		return file_alloc(&reg_file_ops, v, flags, true, out);
	case LINUX_S_IFDIR:
		return file_alloc(&dir_file_ops, v, flags, true, out);
	case LINUX_S_IFCHR:
		return chrdev_open(v, flags, out);
	case LINUX_S_IFIFO:
		return fifo_open(v, flags, out);
	default:
		return -ENXIO;
	}
}

int
vnode_open(const struct vpath *p, unsigned int flags, struct file **out)
{
	int err;

	flags &= ~(unsigned int)(LINUX_O_CREAT | LINUX_O_EXCL |
	    LINUX_O_NOCTTY | LINUX_O_TRUNC | LINUX_O_CLOEXEC);
	if ((err = vnode_open_file(p->v, flags, out)) < 0)
		return err;
	if (p->mnt != NULL)
		(*out)->mnt = mount_ref(p->mnt);
	return 0;
}

/* may_open(): the checks on an existing object. */
static int
open_check_locked(const struct fsctx *c, const struct walk *w, int flags)
    FW_REQUIRES(&fs_lock)
{
	int acc = flags & LINUX_O_ACCMODE, mask = 0, err;
	struct vnode *v = w->v;

	if ((flags & LINUX_O_CREAT) && (flags & LINUX_O_EXCL))
		return -EEXIST;
	if (vnode_is(v, LINUX_S_IFLNK))
		return (flags & LINUX_O_PATH) ? 0 : -ELOOP;
	if ((flags & LINUX_O_DIRECTORY) && !vnode_is(v, LINUX_S_IFDIR))
		return -ENOTDIR;
	if (flags & LINUX_O_PATH)
		return 0;
	if (vnode_is(v, LINUX_S_IFDIR) && (acc != LINUX_O_RDONLY ||
	    (flags & (LINUX_O_CREAT | LINUX_O_TRUNC))))
		return -EISDIR;
	if (acc == LINUX_O_RDONLY || acc == LINUX_O_RDWR)
		mask |= LINUX_R_OK;
	if (acc == LINUX_O_WRONLY || acc == LINUX_O_RDWR ||
	    (flags & LINUX_O_TRUNC))
		mask |= LINUX_W_OK;
	if ((mask & LINUX_W_OK) && mount_rdonly(w->mnt) &&
	    (vnode_is(v, LINUX_S_IFREG) || vnode_is(v, LINUX_S_IFDIR)))
		return -EROFS;
	if ((err = vnode_permission(v, c, mask)) < 0)
		return err;
	/* O_NOATIME is for the owner (or CAP_FOWNER) only. */
	if ((flags & LINUX_O_NOATIME) && c->cred.fsuid != 0 &&
	    c->cred.fsuid != v->uid)
		return -EPERM;
	return 0;
}

/* A new regular file for O_CREAT, owned by the caller's fsuid. */
static int
open_create_locked(const struct fsctx *c, struct walk *w, unsigned int mode)
    FW_REQUIRES(&fs_lock)
{
	int err;

	if (w->slash)
		return -EISDIR;
	if (mount_rdonly(w->dmnt))
		return -EROFS;
	if ((err = vnode_permission(w->dir, c,
	    LINUX_W_OK | LINUX_X_OK)) < 0)
		return err;
	mode = LINUX_S_IFREG | (mode & ~c->umask & LINUX_S_IALLUGO);
	if ((err = w->dir->ops->create(w->dir, w->name, str_len(w->name),
	    mode, NULL, &w->v)) < 0)
		return err;
	w->mnt = mount_ref(w->dmnt);
	fsnotify_locked(w->dir, w->v, LINUX_IN_CREATE, w->name, 0);
	w->v->uid = c->cred.fsuid;
	w->v->gid = (w->dir->mode & LINUX_S_ISGID) ? w->dir->gid :
	    c->cred.fsgid;
	return 0;
}

/*
 * Through an overlay, a regular file opened for writing (or O_TRUNC) is
 * copied up first, as ovl_open() does: w->v becomes the upper file.
 */
static int
open_copy_up_locked(struct walk *w, int flags) FW_REQUIRES(&fs_lock)
{
	int acc = flags & LINUX_O_ACCMODE, err;
	struct vnode *shown;

	if (!ovl_mount(w->mnt) || !vnode_is(w->v, LINUX_S_IFREG) ||
	    (flags & LINUX_O_PATH) || (acc == LINUX_O_RDONLY &&
	    !(flags & LINUX_O_TRUNC)))
		return 0;
	err = ovl_copy_up_locked(w->mnt, w->dir, w->name, &w->v, &shown);
	vnode_unref(shown);
	return err;
}

/*
 * Resolves path for open(2), creating or truncating as flags ask.  An
 * existing regular file opened for writing or truncation gets a writer's
 * hold first (*held; ETXTBSY while a process runs it), which the caller
 * passes to the file or gives back.
 */
static int
open_walk_locked(const struct fsctx *c, const struct vpath *start,
    const char *path, int flags, unsigned int mode, int wscope,
    struct walk *w, bool *held) FW_REQUIRES(&fs_lock)
{
	int wflags = WALK_FOLLOW | wscope, err;

	if ((flags & LINUX_O_NOFOLLOW) ||
	    ((flags & LINUX_O_CREAT) && (flags & LINUX_O_EXCL)))
		wflags = wscope;
	if ((err = walk_path_locked(c, start, path, wflags, w)) < 0)
		return err;
	if (w->v == NULL) {
		if (!(flags & LINUX_O_CREAT) || (flags & LINUX_O_PATH))
			return -ENOENT;
		return open_create_locked(c, w, mode);
	}
	if ((err = open_check_locked(c, w, flags)) < 0)
		return err;
	if ((err = open_copy_up_locked(w, flags)) < 0)
		return err;
	if (vnode_is(w->v, LINUX_S_IFREG) && !(flags & LINUX_O_PATH) &&
	    ((flags & LINUX_O_ACCMODE) != LINUX_O_RDONLY ||
	    (flags & LINUX_O_TRUNC))) {
		if ((err = vnode_get_write(w->v)) < 0)
			return err;
		*held = true;
	}
	if ((flags & LINUX_O_TRUNC) && !(flags & LINUX_O_PATH) &&
	    vnode_is(w->v, LINUX_S_IFREG)) {
		if ((err = seal_check_size_locked(w->v, 0)) < 0)
			return err;
		fsnotify_locked(NULL, w->v, LINUX_IN_MODIFY, NULL, 0);
		return w->v->ops->truncate(w->v, 0);
	}
	return 0;
}

int
vfs_reopen(struct file *f, int flags, struct file **out)
{
	struct vpath obj = { .mnt = f->mnt, .v = f->vnode };

	if (f->vnode == NULL)
		return -EACCES;			/* not a file: not executable */
	return vnode_open(&obj, (unsigned int)flags & LINUX_O_ACCMODE, out);
}

/*
 * open(2) and openat2(2): resolve holds RESOLVE_* flags.  A scoped walk
 * (RESOLVE_BENEATH, RESOLVE_IN_ROOT) starts at dirfd even for an
 * absolute path, and takes dirfd as its root.
 */
static int
open_at(struct proc *p, int dirfd, const char *path, int flags,
    unsigned int mode, uint64_t resolve, struct file **out)
{
	bool scoped = resolve & (LINUX_RESOLVE_BENEATH | LINUX_RESOLVE_IN_ROOT);
	bool held = false;
	int wscope = 0, err;
	struct vpath start, obj;
	struct fsctx c;
	struct walk w;

	if ((flags & LINUX_O_TMPFILE & ~LINUX_O_DIRECTORY) &&
	    !(flags & LINUX_O_PATH))
		return open_tmpfile(p, dirfd, path, flags, mode, out);
	if ((flags & LINUX_O_CREAT) && (flags & LINUX_O_DIRECTORY))
		return -EINVAL;
	if (path[0] == '\0')
		return -ENOENT;
	fsctx_get(p, &c);
	if ((err = dirfd_start(&c, dirfd, scoped ? "." : path, &start)) < 0)
		goto out;
	if (scoped) {
		vpath_drop(&c.root);
		vpath_copy(&c.root, &start);
	}
	if (resolve & LINUX_RESOLVE_NO_SYMLINKS)
		wscope |= WALK_NO_SYMLINKS;
	if (resolve & LINUX_RESOLVE_BENEATH)
		wscope |= WALK_BENEATH;
	if (resolve & LINUX_RESOLVE_NO_XDEV)
		wscope |= WALK_NO_XDEV;
	fw_mutex_lock(&fs_lock);
	err = open_walk_locked(&c, &start, path, flags, mode, wscope, &w,
	    &held);
	fw_mutex_unlock(&fs_lock);
	if (err == 0 && (flags & LINUX_O_TRUNC) && !(flags & LINUX_O_PATH) &&
	    vnode_is(w.v, LINUX_S_IFREG))
		truncate_unmap(w.v, 0);
	if (err == 0) {
		obj.v = w.v;
		obj.mnt = w.mnt;
		err = tty_dev_open(p, &obj, (unsigned int)flags, out);
		if (err == 1)
			err = vnode_open(&obj, (unsigned int)flags, out);
	}
	/* A file open for writing keeps the writer's hold until it goes. */
	if (held && err == 0 && (*out)->vnode == w.v && file_writable(*out))
		(*out)->write_held = true;
	else if (held)
		vnode_put_write(w.v);
	if (err == 0 && !(flags & LINUX_O_PATH) && fsnotify_active()) {
		fw_mutex_lock(&fs_lock);
		fsnotify_locked(NULL, w.v, LINUX_IN_OPEN, NULL, 0);
		fw_mutex_unlock(&fs_lock);
	}
	if (err == 0 && w.dir != NULL && !vnode_is(w.v, LINUX_S_IFDIR) &&
	    (*out)->vnode == w.v) {
		/* Remembered for /proc/<pid>/fd/N; without memory, no name. */
		if (((*out)->name = str_dup(w.name)) != NULL) {
			(*out)->dir.v = vnode_ref(w.dir);
			(*out)->dir.mnt = mount_ref(w.dmnt);
		}
	}
	walk_done(&w);
	vpath_drop(&start);
out:
	fsctx_put(&c);
	return err;
}

int
vfs_open(struct proc *p, int dirfd, const char *path, int flags,
    unsigned int mode, struct file **out)
{
	return open_at(p, dirfd, path, flags, mode, 0, out);
}

int
vfs_openat2(struct proc *p, int dirfd, const char *path, int flags,
    unsigned int mode, uint64_t resolve, struct file **out)
{
	return open_at(p, dirfd, path, flags, mode, resolve, out);
}
