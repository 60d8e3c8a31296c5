/*
 * services/fs/overlay_readdir.c: listing a merged directory: ".", "..",
 * then the upper directory's entries, then each lower one's that no
 * layer above names (a whiteout there hides it too); whiteouts are never
 * listed.  A position is the layer (upper 0, lowers 1...) in the top
 * byte, above the real directory's own position, so a listing resumes
 * where it stopped without a copy of the merged list.
 *
 * Interface: ovl_getdents(), ovl_empty() (overlay.h).
 * Locks: runs with fs_lock held.
 */
#include <fw/alloc.h>
#include <svc/lib.h>
#include <uapi/stat.h>
#include "overlay.h"

#define OVL_POS_SHIFT	56
#define OVL_POS_INNER	((1ULL << OVL_POS_SHIFT) - 1)

static uint64_t
ovl_pos(size_t layer, uint64_t inner)
{
	return ((uint64_t)(layer + 1) << OVL_POS_SHIFT) |
	    (inner & OVL_POS_INNER);
}

static struct vnode *
ovl_layer(const struct ovl_node *n, size_t layer)
{
	return layer == 0 ? n->upper : n->lower[layer - 1];
}

/* Whether name in layer is not to be listed: a whiteout, or above. */
static bool
ovl_hidden_locked(const struct ovl_node *n, size_t layer, const char *name,
    size_t len, uint8_t type) FW_REQUIRES(&fs_lock)
{
	struct vnode *x;
	size_t i;
	bool wh;

	if ((len == 1 && name[0] == '.') ||
	    (len == 2 && name[0] == '.' && name[1] == '.'))
		return true;
	if (type == LINUX_DT_CHR &&
	    ovl_real_lookup_locked(ovl_layer(n, layer), name, len, &x) == 0) {
		wh = ovl_whiteout(x);
		vnode_unref(x);
		if (wh)
			return true;
	}
	for (i = 0; i < layer; i++) {
		if (ovl_real_lookup_locked(ovl_layer(n, i), name, len,
		    &x) == 0) {
			vnode_unref(x);
			return true;
		}
	}
	return false;
}

/* What to do with one listed name: 0 goes on, 1 stops before it. */
typedef int (*ovl_each_fn)(void *arg, uint64_t ino, uint64_t next,
    uint8_t type, const char *name, size_t len);

/* The entries of one batch of layer's real listing in buf. */
static int
ovl_each_batch_locked(const struct ovl_node *n, size_t layer,
    const uint8_t *buf, size_t got, uint64_t *pos, ovl_each_fn fn,
    void *arg) FW_REQUIRES(&fs_lock)
{
	struct linux_dirent64 h;
	const char *name;
	uint64_t next;
	size_t off, len;
	int r;

	for (off = 0; off < got; off += h.d_reclen) {
		memcpy(&h, buf + off, sizeof(h));
		name = (const char *)buf + off +
		    offsetof(struct linux_dirent64, d_name);
		len = str_nlen(name, h.d_reclen);
		next = ovl_pos(layer, (uint64_t)h.d_off);
		if (!ovl_hidden_locked(n, layer, name, len, h.d_type) &&
		    (r = fn(arg, h.d_ino, next, h.d_type, name, len)) != 0)
			return r;
		*pos = next;
	}
	return 0;
}

/*
 * Calls fn for each name dir shows from *pos on, moving *pos past each:
 * 0 at the end, fn's 1, or -errno.
 */
static int
ovl_each_locked(struct vnode *dir, uint64_t *pos, ovl_each_fn fn, void *arg)
    FW_REQUIRES(&fs_lock)
{
	const struct ovl_node *n = dir->u.ovl;
	struct vnode *up = dir->parent != NULL ? dir->parent : dir, *r;
	uint64_t inner;
	uint8_t *buf;
	size_t layer;
	long got;
	int err = 0;

	if (*pos == 0 && (err = fn(arg, dir->ino, 1, LINUX_DT_DIR, ".", 1)))
		return err;
	if (*pos == 0)
		*pos = 1;
	if (*pos == 1 && (err = fn(arg, up->ino, 2, LINUX_DT_DIR, "..", 2)))
		return err;
	if (*pos <= 2)
		*pos = ovl_pos(0, 0);
	if ((buf = fw_alloc(FW_PAGE_SIZE)) == NULL)
		return -ENOMEM;
	while (err == 0 && (layer = (size_t)(*pos >> OVL_POS_SHIFT) - 1) <=
	    n->nlower) {
		inner = *pos & OVL_POS_INNER;
		r = ovl_layer(n, layer);
		if (r == NULL || (got = r->ops->getdents(r, buf, FW_PAGE_SIZE,
		    &inner)) == 0) {
			*pos = ovl_pos(layer + 1, 0);
			continue;
		}
		if (got < 0)
			err = (int)got;
		else
			err = ovl_each_batch_locked(n, layer, buf, (size_t)got,
			    pos, fn, arg);
	}
	fw_free(buf);
	return err;
}

/* Where getdents puts the records. */
struct ovl_put {
	void	*buf;
	size_t	 len, off;
};

static int
ovl_put_one(void *arg, uint64_t ino, uint64_t next, uint8_t type,
    const char *name, size_t len)
{
	struct ovl_put *p = arg;
	size_t n = dirent_put(p->buf, p->len, p->off, ino, (int64_t)next,
	    type, name, len);

	p->off += n;
	return n == 0 ? 1 : 0;
}

long
ovl_getdents(struct vnode *dir, void *buf, size_t len, uint64_t *pos)
{
	struct ovl_put p = { .buf = buf, .len = len, .off = 0 };
	int err = ovl_each_locked(dir, pos, ovl_put_one, &p);

	if (err < 0)
		return p.off > 0 ? (long)p.off : err;
	if (err == 1 && p.off == 0)
		return -EINVAL;			/* the first did not fit */
	return (long)p.off;
}

static int
ovl_any(void *arg, uint64_t ino, uint64_t next, uint8_t type,
    const char *name, size_t len)
{
	(void)arg, (void)ino, (void)next, (void)type, (void)name, (void)len;
	return 1;
}

int
ovl_empty(struct vnode *dir)
{
	uint64_t pos = 2;
	int err = ovl_each_locked(dir, &pos, ovl_any, NULL);

	return err == 1 ? -ENOTEMPTY : err;
}
