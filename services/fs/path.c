/*
 * services/fs/path.c: what every path syscall does first: copy the path in
 * from user memory (PATH_MAX with its NUL, ENAMETOOLONG past it) and take
 * a snapshot of the process's file-system context.
 *
 * Locks: fsctx_get() takes proc->lock and the fs_struct lock briefly.
 */
#include <fw/alloc.h>
#include <fw/uaccess.h>
#include "fs.h"

/* An empty path is returned as is; callers decide (ENOENT, AT_EMPTY_PATH). */
int
path_get(struct fw_vm *vm, uint64_t upath, char **out)
{
	char *buf;
	long n;

	if ((buf = fw_alloc(LINUX_PATH_MAX)) == NULL)
		return -ENOMEM;
	n = fw_strncpy_from_user(vm, buf, fw_uaddr(upath), LINUX_PATH_MAX);
	if (n < 0) {
		fw_free(buf);
		return (int)n;
	}
	if (n >= LINUX_PATH_MAX) {
		fw_free(buf);
		return -ENAMETOOLONG;
	}
	*out = buf;
	return 0;
}

void
path_put(char *path)
{
	fw_free(path);
}

void
fsctx_get(struct proc *p, struct fsctx *c)
{
	struct fs_struct *fs = proc_fs(p);

	fw_mutex_lock(&p->lock);
	c->cred = p->cred;
	c->groups = proc_groups_ref(p->groups);
	c->vm = p->vm;
	c->p = p;
	fw_mutex_unlock(&p->lock);
	fs_struct_get(fs, &c->root, &c->cwd, &c->umask);
	fs_struct_unref(fs);
}

void
fsctx_put(struct fsctx *c)
{
	vpath_drop(&c->root);
	vpath_drop(&c->cwd);
	proc_groups_unref(c->groups);
	c->groups = NULL;
}

/* The groups are sorted (setgroups sorts them): a binary search. */
bool
fsctx_in_group(const struct fsctx *c, uint32_t gid)
{
	uint32_t lo = 0, hi, mid;

	if (c->cred.fsgid == gid)
		return true;
	if (c->groups == NULL)
		return false;
	hi = c->groups->n;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (c->groups->gid[mid] == gid)
			return true;
		if (c->groups->gid[mid] < gid)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}
