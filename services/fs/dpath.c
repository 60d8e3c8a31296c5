/*
 * services/fs/dpath.c: the name of a place in the tree, as getcwd(2),
 * /proc/<pid>/fd/N, /proc/<pid>/cwd and /proc/mounts show it: each
 * directory named by its entry in its parent, climbing out of mounts
 * through their mountpoints, up to the caller's root.
 *
 * Interface: vpath_name_locked() (fs.h).
 * Locks: fs_lock held throughout.
 */
#include <svc/lib.h>
#include "fs.h"

/* The name v has in dir: 0 with *name, *len set, or -ENOENT. */
static int
name_in(struct vnode *dir, const struct vnode *v, const char **name,
    size_t *len) FW_REQUIRES(&fs_lock)
{
	if (dir->ops->name_of != NULL)
		return dir->ops->name_of(dir, v, name, len);
	return -ENOENT;
}

long
vpath_name_locked(const struct vpath *root, const struct vpath *p,
    char *buf, size_t size, bool *reachable)
{
	struct vnode *v = p->v, *up;
	struct mount *m = p->mnt;
	size_t at = size - 1, len;
	const char *name;

	buf[at] = '\0';
	*reachable = true;
	while (!(v == root->v && m == root->mnt)) {
		if (m != NULL && v == m->root) {
			if (m->parent == NULL) {
				*reachable = false;
				break;
			}
			v = m->mountpoint;
			m = m->parent;
			continue;
		}
		if ((up = v->parent) == NULL || name_in(up, v, &name,
		    &len) < 0) {
			*reachable = false;
			break;
		}
		if (len + 1 > at)
			return -ENAMETOOLONG;
		at -= len;
		memcpy(buf + at, name, len);
		buf[--at] = '/';
		v = up;
	}
	if (at == size - 1) {
		if (at == 0)
			return -ENAMETOOLONG;
		buf[--at] = '/';
	}
	return (long)at;
}
