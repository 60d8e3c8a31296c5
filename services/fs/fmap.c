/*
 * services/fs/fmap.c: what the file system knows of the mappings of its
 * files (svc/file.h).  A vnode counts the VMAs mapping it (maps) and,
 * among them, the shared ones that may be made writable (writemaps):
 * F_SEAL_WRITE waits for no writable map (EBUSY, vext.c), and a file
 * that shrinks or has a hole punched has its pages taken out of every
 * mapping (vnode_unmap_pages), as Linux's truncate_pagecache does, so the
 * next touch faults: SIGBUS past the end, the file's page within it.
 *
 * Interface: svc/file.h (file_writemap_*, file_maps_*, file_map_key);
 * vnode_unmap_pages (fs.h).
 * Locks: the counts are atomic; file_writemap_begin takes fs_lock;
 * vnode_unmap_pages must run without it (it takes mm locks).
 */
#include <svc/file.h>
#include <svc/mm.h>
#include "fs.h"
#include "vext.h"

#define SEALS_NO_WRITE	(LINUX_F_SEAL_WRITE | LINUX_F_SEAL_FUTURE_WRITE)

int
file_writemap_begin(struct file *f, bool write, bool *maywrite)
{
	int err = 0;

	if (f->vnode == NULL)
		return 0;
	fw_mutex_lock(&fs_lock);
	if (*maywrite && (f->vnode->ops->flags & VOPS_NO_SHARED_WRITE)) {
		err = -EINVAL;		/* generic_file_readonly_mmap() */
	} else if (seal_of_locked(f->vnode) & SEALS_NO_WRITE) {
		if (write)
			err = -EPERM;
		*maywrite = false;
	} else if (*maywrite) {
		atomic_fetch_add(&f->vnode->writemaps, 1);
	}
	fw_mutex_unlock(&fs_lock);
	return err;
}

void
file_writemap_put(struct file *f)
{
	if (f->vnode != NULL)
		atomic_fetch_sub(&f->vnode->writemaps, 1);
}

void
file_maps_get(struct file *f, bool write)
{
	if (f->vnode == NULL)
		return;
	atomic_fetch_add(&f->vnode->maps, 1);
	if (write)
		atomic_fetch_add(&f->vnode->writemaps, 1);
}

void
file_maps_put(struct file *f, bool write)
{
	if (f->vnode == NULL)
		return;
	if (write)
		atomic_fetch_sub(&f->vnode->writemaps, 1);
	atomic_fetch_sub(&f->vnode->maps, 1);
}

const void *
file_map_key(const struct file *f)
{
	return f->vnode != NULL ? (const void *)f->vnode : (const void *)f;
}

void
vnode_unmap_pages(struct vnode *v, uint64_t first, uint64_t end)
{
	if (first < end && atomic_load(&v->maps) > 0)
		mm_unmap_file_pages(v, first, end);
}
