/*
 * services/fs/sock_node.c: the file-system half of AF_UNIX path names
 * (unix(7)).  bind(2) makes a socket node as mknod(2) would, with mode
 * 0777 less the umask, where an existing name (a dangling symlink
 * included) is EADDRINUSE; connect(2) and sendto(2) find the node by a
 * walk that follows symlinks and need write permission on it.  The socket
 * is then found by the node's identity (vfs_sock_node_id()); the node
 * itself holds nothing of it.
 * Locks: fs_lock from the walk to the create.
 */
#include <svc/lib.h>
#include <svc/vfs.h>
#include <uapi/inotify.h>
#include "fs.h"

static int
sock_mknod_locked(const struct fsctx *c, struct walk *w, struct vnode **out)
    FW_REQUIRES(&fs_lock)
{
	uint32_t mode = LINUX_S_IFSOCK | (0777 & ~c->umask);
	struct vnode *v;
	int err;

	if (w->v != NULL)
		return -EADDRINUSE;
	if (mount_rdonly(w->dmnt))
		return -EROFS;
	if ((err = vnode_permission(w->dir, c, LINUX_W_OK | LINUX_X_OK)) < 0)
		return err;
	if ((err = w->dir->ops->create(w->dir, w->name, str_len(w->name),
	    mode, NULL, &v)) < 0)
		return err;
	v->uid = c->cred.fsuid;
	v->gid = (w->dir->mode & LINUX_S_ISGID) ? w->dir->gid : c->cred.fsgid;
	if (v->ops->attr_set != NULL)
		v->ops->attr_set(v);
	fsnotify_locked(w->dir, v, LINUX_IN_CREATE, w->name, 0);
	*out = v;
	return 0;
}

int
vfs_sock_mknod(struct proc *p, const char *path, struct vnode **out)
{
	struct vpath start;
	struct fsctx c;
	struct walk w;
	int err;

	fsctx_get(p, &c);
	if (path[0] == '\0')
		err = -ENOENT;
	else if ((err = dirfd_start(&c, LINUX_AT_FDCWD, path, &start)) == 0) {
		fw_mutex_lock(&fs_lock);
		if ((err = walk_path_locked(&c, &start, path, 0, &w)) == 0) {
			err = w.slash && w.v == NULL ? -ENOENT :
			    sock_mknod_locked(&c, &w, out);
			walk_done(&w);
		}
		fw_mutex_unlock(&fs_lock);
		vpath_drop(&start);
	}
	fsctx_put(&c);
	return err;
}

int
vfs_sock_lookup(struct proc *p, const char *path, struct vnode **out)
{
	struct fsctx c;
	struct walk w;
	int err;

	fsctx_get(p, &c);
	if ((err = lookup_at(&c, LINUX_AT_FDCWD, path, 0, WALK_FOLLOW,
	    &w)) == 0) {
		fw_mutex_lock(&fs_lock);
		err = vnode_permission(w.v, &c, LINUX_W_OK);
		if (err == 0 && !vnode_is(w.v, LINUX_S_IFSOCK))
			err = -ECONNREFUSED;
		if (err == 0)
			*out = vnode_ref(w.v);
		fw_mutex_unlock(&fs_lock);
		walk_done(&w);
	}
	fsctx_put(&c);
	return err;
}

void
vfs_sock_node_id(const struct vnode *v, const void **sb, uint64_t *ino)
{
	*sb = v->sb;
	*ino = v->ino;
}
