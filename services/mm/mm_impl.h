/*
 * services/mm/mm_impl.h: what the files of services/mm share beyond
 * svc/mm.h.  Locks: as svc/mm.h.
 */
#ifndef MM_MM_IMPL_H
#define MM_MM_IMPL_H

#include <svc/mm.h>

/* mm_fault_file_locked's answer: the page is anonymous, go on as such. */
#define MM_FAULT_ANON	1

/*
 * A fault at page of file VMA v (filemap.c): maps the file's frame, or a
 * private copy for a write.  present: the page is mapped already (a write
 * to a private page), and may be a copy of its own (MM_FAULT_ANON).
 * 0, -EIO (past the end: SIGBUS), -ENOMEM.
 */
FW_MUST_CHECK int	mm_fault_file_locked(struct mm *mm,
			    const struct vma *v, uint64_t page,
			    unsigned int access, bool present)
			    FW_REQUIRES(&mm->lock);

/*
 * What a VMA holds on its file (vma.c): a reference, and for a shared
 * VMA that may be made writable a shared-write count (svc/file.h
 * file_writemap_get).  Every copy of a VMA holds, every removal drops.
 */
void			vma_file_hold(const struct vma *v);
void			vma_file_drop(const struct vma *v);

#endif
