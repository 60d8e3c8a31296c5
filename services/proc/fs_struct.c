/*
 * proc/fs_struct.c: the file-system context (root, working directory,
 * umask), one per process or shared by processes (clone(CLONE_FS)).
 *
 * Interface: fs_struct_new, fs_struct_copy, fs_struct_ref, fs_struct_unref,
 * proc_fs, fs_struct_get, fs_struct_set_root, fs_struct_set_cwd,
 * fs_struct_set_umask, fs_struct_unshare (svc/proc.h).
 * Locks: proc->lock guards p->fs; the context's own lock, a leaf, its
 * fields.  Held vpaths are dropped only after that lock is released.
 */
#include <fw/alloc.h>
#include <fw/errno.h>
#include <svc/proc.h>
#include <svc/vfs.h>

int
fs_struct_new(const struct vpath *root, const struct vpath *cwd,
    uint32_t umask, struct fs_struct **out)
{
	struct fs_struct *fs;

	if ((fs = fw_zalloc(1, sizeof(*fs))) == NULL)
		return -ENOMEM;
	atomic_init(&fs->nref, 1);
	fw_mutex_init(&fs->lock);
	vpath_copy(&fs->root, root);
	vpath_copy(&fs->cwd, cwd);
	fs->umask = umask;
	*out = fs;
	return 0;
}

int
fs_struct_copy(struct fs_struct *fs, struct fs_struct **out)
{
	struct vpath root, cwd;
	uint32_t umask;
	int err;

	fs_struct_get(fs, &root, &cwd, &umask);
	err = fs_struct_new(&root, &cwd, umask, out);
	vpath_drop(&root);
	vpath_drop(&cwd);
	return err;
}

struct fs_struct *
fs_struct_ref(struct fs_struct *fs)
{
	atomic_fetch_add(&fs->nref, 1);
	return fs;
}

void
fs_struct_unref(struct fs_struct *fs)
{
	if (fs == NULL || atomic_fetch_sub(&fs->nref, 1) != 1)
		return;
	vpath_drop(&fs->root);
	vpath_drop(&fs->cwd);
	fw_free(fs);
}

struct fs_struct *
proc_fs(struct proc *p)
{
	struct thread *t = thread_current();
	struct fs_struct *fs;

	if (t != NULL && t->proc == p && t->fs != NULL)
		return fs_struct_ref(t->fs);
	fw_mutex_lock(&p->lock);
	fs = p->fs != NULL ? fs_struct_ref(p->fs) : NULL;
	fw_mutex_unlock(&p->lock);
	return fs;
}

void
fs_struct_get(struct fs_struct *fs, struct vpath *root, struct vpath *cwd,
    uint32_t *umask)
{
	fw_mutex_lock(&fs->lock);
	if (root != NULL)
		vpath_copy(root, &fs->root);
	if (cwd != NULL)
		vpath_copy(cwd, &fs->cwd);
	if (umask != NULL)
		*umask = fs->umask;
	fw_mutex_unlock(&fs->lock);
}

/* Swaps *slot and *v under fs's lock, then drops the old one. */
static void
fs_struct_swap(struct fs_struct *fs, struct vpath *slot, struct vpath *v)
{
	struct vpath old;

	fw_mutex_lock(&fs->lock);
	old = *slot;
	*slot = *v;
	fw_mutex_unlock(&fs->lock);
	*v = (struct vpath){ 0 };
	vpath_drop(&old);
}

void
fs_struct_set_root(struct fs_struct *fs, struct vpath *v)
{
	fs_struct_swap(fs, &fs->root, v);
}

void
fs_struct_set_cwd(struct fs_struct *fs, struct vpath *v)
{
	fs_struct_swap(fs, &fs->cwd, v);
}

uint32_t
fs_struct_set_umask(struct fs_struct *fs, uint32_t umask)
{
	uint32_t old;

	fw_mutex_lock(&fs->lock);
	old = fs->umask;
	fs->umask = umask;
	fw_mutex_unlock(&fs->lock);
	return old;
}

int
fs_struct_unshare(struct proc *p)
{
	struct thread *t = thread_current();
	struct fs_struct *fs, *old;
	bool alone;
	int err;

	alone = thread_alone(t, p);
	if (!alone) {
		/* Threads share p->fs without counting: copy it. */
		if (t->fs != NULL && atomic_load(&t->fs->nref) == 1)
			return 0;
		old = proc_fs(p);
		err = fs_struct_copy(old, &fs);
		fs_struct_unref(old);
		if (err < 0)
			return err;
		old = t->fs;
		t->fs = fs;
		fs_struct_unref(old);
		return 0;
	}
	if (t != NULL)
		thread_settle_own(t);
	fw_mutex_lock(&p->lock);
	old = p->fs;
	fw_mutex_unlock(&p->lock);
	if (atomic_load(&old->nref) == 1)
		return 0;		/* only p can share it out again */
	if ((err = fs_struct_copy(old, &fs)) < 0)
		return err;
	fw_mutex_lock(&p->lock);
	p->fs = fs;
	fw_mutex_unlock(&p->lock);
	fs_struct_unref(old);
	return 0;
}
