/*
 * services/fs/ramfs_dir.c: the index of a ramfs directory's entries.
 * Entries sit on a list in cookie (creation) order, which getdents
 * follows, and, once the directory holds more than a few, on the chains
 * of a hash table of their names, so a lookup in a directory of 100k
 * entries costs a chain, not a list.  The table grows with the count
 * (best effort: when memory is short the chains just get longer) and is
 * freed when the directory empties.  A hint remembers where the last
 * getdents stopped, so reading a large directory through is linear.
 *
 * Interface: rdir_* (fs.h).
 * Locks: fs_lock for every call, or a directory no one else can reach.
 */
#include <fw/alloc.h>
#include <svc/lib.h>
#include "fs.h"

/* Below this many entries a list scan beats hashing. */
#define RDIR_HASH_MIN	16

static uint32_t
name_hash(const char *name, size_t len)
{
	uint32_t h = 2166136261u;		/* FNV-1a */
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= (uint8_t)name[i];
		h *= 16777619u;
	}
	return h;
}

static void
hash_add(struct ramfs_dirent **buckets, size_t n, struct ramfs_dirent *d)
{
	struct ramfs_dirent **b = &buckets[d->hash & (n - 1)];

	d->hnext = *b;
	*b = d;
}

/* Grows the table to fit the count; keeps the old one if memory is short. */
static void
rdir_grow(struct vnode *dir)
{
	size_t n = dir->u.dir.nbuckets ? dir->u.dir.nbuckets * 4 : 64;
	struct ramfs_dirent **nb, *d;

	/* NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers */
	if ((nb = fw_zalloc(n, sizeof(*nb))) == NULL)
		return;
	for (d = dir->u.dir.head; d != NULL; d = d->next)
		hash_add(nb, n, d);
	fw_free(dir->u.dir.buckets);
	dir->u.dir.buckets = nb;
	dir->u.dir.nbuckets = n;
}

struct ramfs_dirent *
rdir_find(struct vnode *dir, const char *name, size_t len)
{
	struct ramfs_dirent *d;
	uint32_t h;

	if (dir->u.dir.buckets == NULL) {
		for (d = dir->u.dir.head; d != NULL; d = d->next)
			if (d->len == len && memcmp(d->name, name, len) == 0)
				return d;
		return NULL;
	}
	h = name_hash(name, len);
	for (d = dir->u.dir.buckets[h & (dir->u.dir.nbuckets - 1)]; d != NULL;
	    d = d->hnext)
		if (d->hash == h && d->len == len &&
		    memcmp(d->name, name, len) == 0)
			return d;
	return NULL;
}

int
rdir_entry_new(struct vnode *dir, const char *name, size_t len,
    struct ramfs_dirent **out)
{
	struct ramfs_dirent *d;

	if ((d = fw_alloc(sizeof(*d) + len + 1)) == NULL)
		return -ENOMEM;
	d->next = d->prev = d->hnext = NULL;
	d->v = NULL;
	d->cookie = dir->u.dir.next_cookie++;
	d->hash = name_hash(name, len);
	d->len = len;
	memcpy(d->name, name, len);
	d->name[len] = '\0';
	*out = d;
	return 0;
}

void
rdir_insert(struct vnode *dir, struct ramfs_dirent *d)
{
	d->next = NULL;
	d->prev = dir->u.dir.tail;
	if (d->prev != NULL)
		d->prev->next = d;
	else
		dir->u.dir.head = d;
	dir->u.dir.tail = d;
	dir->u.dir.count++;
	if (dir->u.dir.count >= RDIR_HASH_MIN &&
	    dir->u.dir.count > 2 * dir->u.dir.nbuckets)
		rdir_grow(dir);		/* hashes d too */
	else if (dir->u.dir.buckets != NULL)
		hash_add(dir->u.dir.buckets, dir->u.dir.nbuckets, d);
}

void
rdir_remove(struct vnode *dir, struct ramfs_dirent *d)
{
	struct ramfs_dirent **pp;

	if (dir->u.dir.buckets != NULL) {
		pp = &dir->u.dir.buckets[d->hash & (dir->u.dir.nbuckets - 1)];
		while (*pp != d)
			pp = &(*pp)->hnext;
		*pp = d->hnext;
	}
	if (d->prev != NULL)
		d->prev->next = d->next;
	else
		dir->u.dir.head = d->next;
	if (d->next != NULL)
		d->next->prev = d->prev;
	else
		dir->u.dir.tail = d->prev;
	if (dir->u.dir.hint == d)
		dir->u.dir.hint = d->next;
	d->next = d->prev = d->hnext = NULL;
	if (--dir->u.dir.count == 0)
		rdir_index_free(dir);
}

struct ramfs_dirent *
rdir_seek(struct vnode *dir, uint64_t cookie)
{
	struct ramfs_dirent *d = dir->u.dir.hint;

	if (d != NULL && d->cookie >= cookie &&
	    (d->prev == NULL || d->prev->cookie < cookie))
		return d;
	for (d = dir->u.dir.head; d != NULL && d->cookie < cookie; d = d->next)
		;
	return d;
}

void
rdir_index_free(struct vnode *dir)
{
	fw_free(dir->u.dir.buckets);
	dir->u.dir.buckets = NULL;
	dir->u.dir.nbuckets = 0;
}

/*
 * Moves every entry of sub to the end of dir's list, for
 * ramfs_destroy_tree, which has dropped dir's table: a tree of any depth
 * comes apart in a loop, with no recursion.  The moved entries' parent
 * pointers to sub are cleared, as sub may go first.
 */
void
rdir_adopt_all(struct vnode *dir, struct vnode *sub)
{
	struct ramfs_dirent *d;

	rdir_index_free(sub);
	while ((d = sub->u.dir.head) != NULL) {
		rdir_remove(sub, d);
		if (d->v->parent == sub)
			d->v->parent = NULL;
		rdir_insert(dir, d);
	}
}
