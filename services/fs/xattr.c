/*
 * services/fs/xattr.c: the store of extended attributes (xattr.h), as
 * tmpfs's simple_xattrs keep them: each attribute one allocation holding
 * its name and value, kept in the order they were first set.  Setting
 * one allocates before it changes anything, so a failure leaves the old
 * value in place.  Setting or removing one changes the ctime.
 *
 * Locks: fs_lock, for the list in the vnode's extension (vext.h).
 */
#include <fw/alloc.h>
#include <fw/timer.h>
#include <svc/lib.h>
#include "vext.h"
#include "xattr.h"

struct xattr {
	struct xattr	*next;		/* [F] */
	size_t		 vlen;		/* [I] */
	char		*value;		/* [I] points into data */
	char		 data[];	/* [I] name, NUL, value */
};

static struct xattr **
xattr_find(struct vnode_ext *e, const char *name)
{
	struct xattr **pp;

	for (pp = &e->xattrs; *pp != NULL; pp = &(*pp)->next) {
		if (str_eq((*pp)->data, name))
			return pp;
	}
	return NULL;
}

static int
xattr_new(const char *name, const void *val, size_t len, struct xattr **out)
{
	size_t nlen = str_len(name) + 1;
	struct xattr *x;

	if ((x = fw_alloc(sizeof(*x) + nlen + len)) == NULL)
		return -ENOMEM;
	x->next = NULL;
	x->vlen = len;
	memcpy(x->data, name, nlen);
	x->value = x->data + nlen;
	memcpy(x->value, val, len);
	*out = x;
	return 0;
}

int
xattr_set_locked(struct vnode *v, const char *name, const void *val,
    size_t len, int flags)
{
	struct xattr **pp, *x;
	struct vnode_ext *e;
	int err;

	if ((err = vext_get(v, &e)) < 0)
		return err;
	pp = xattr_find(e, name);
	if (pp != NULL && (flags & LINUX_XATTR_CREATE))
		return -EEXIST;
	if (pp == NULL && (flags & LINUX_XATTR_REPLACE))
		return -ENODATA;
	if ((err = xattr_new(name, val, len, &x)) < 0)
		return err;
	if (pp != NULL) {
		struct xattr *old = *pp;

		x->next = old->next;
		*pp = x;
		e->xattr_bytes -= str_len(old->data) + old->vlen;
		fw_free(old);
	} else {
		for (pp = &e->xattrs; *pp != NULL; pp = &(*pp)->next)
			;
		*pp = x;
	}
	e->xattr_bytes += str_len(name) + len;
	v->ctime = fw_clock_realtime();
	return 0;
}

long
xattr_get_locked(const struct vnode *v, const char *name, void *buf,
    size_t size)
{
	struct vnode_ext *e = vext_peek(v);
	struct xattr **pp;

	if (e == NULL || (pp = xattr_find(e, name)) == NULL)
		return -ENODATA;
	if (size == 0)
		return (long)(*pp)->vlen;
	if ((*pp)->vlen > size)
		return -ERANGE;
	memcpy(buf, (*pp)->value, (*pp)->vlen);
	return (long)(*pp)->vlen;
}

long
xattr_list_locked(const struct vnode *v, char *buf, size_t size,
    xattr_visible_fn visible, const void *arg)
{
	struct vnode_ext *e = vext_peek(v);
	const struct xattr *x;
	size_t used = 0, n;

	for (x = e != NULL ? e->xattrs : NULL; x != NULL; x = x->next) {
		if (!visible(x->data, arg))
			continue;
		n = str_len(x->data) + 1;
		if (size != 0) {
			if (n > size - used)
				return -ERANGE;
			memcpy(buf + used, x->data, n);
		}
		used += n;
	}
	return (long)used;
}

int
xattr_remove_locked(struct vnode *v, const char *name)
{
	struct vnode_ext *e = vext_peek(v);
	struct xattr **pp, *x;

	if (e == NULL || (pp = xattr_find(e, name)) == NULL)
		return -ENODATA;
	x = *pp;
	*pp = x->next;
	e->xattr_bytes -= str_len(x->data) + x->vlen;
	fw_free(x);
	v->ctime = fw_clock_realtime();
	return 0;
}

void
xattr_free_all(struct xattr *x)
{
	struct xattr *next;

	for (; x != NULL; x = next) {
		next = x->next;
		fw_free(x);
	}
}
