/*
 * mm/filemap.c: faults in file mappings.  A file's pages are its own
 * frames (file_ops->get_page; ramfs keeps every page in one): a shared
 * mapping maps them as they are, so writes reach the file and read(2)
 * sees them; a private one maps them read-only and copies a page at its
 * first write.  A page past the file's end is SIGBUS (-EIO here).
 * Private file pages are never mapped writable (mm_page_prot_locked), so
 * every write to one comes here first.
 *
 * Interface: mm_fault_file_locked (mm_impl.h).
 * Locks: mm->lock, then the file system's lock inside get_page.
 */
#include <fw/errno.h>
#include <fw/frame.h>
#include <fw/vm.h>
#include <svc/file.h>
#include <svc/mm.h>
#include <uapi/mman.h>
#include "mm_impl.h"

/* The file's frame for page (referenced): 0, -EIO past the end, -ENOMEM. */
static int
file_page(const struct vma *v, uint64_t page, struct fw_frame **out)
{
	uint64_t idx = v->pgoff + (page - v->start) / FW_PAGE_SIZE;
	int err;

	if (v->file->ops->get_page == NULL)
		return -EIO;
	err = v->file->ops->get_page(v->file, idx, out);
	return err == -ENXIO ? -EIO : err;
}

/* Maps a private copy of f at page, writable. */
static int
map_copy(struct mm *mm, const struct vma *v, uint64_t page,
    struct fw_frame *f)
{
	struct fw_frame *copy;
	int err;

	if ((err = fw_frame_alloc(&copy)) < 0)
		return err;
	fw_frame_copy(copy, f);
	err = fw_vm_map(mm->vm, fw_uaddr(page), copy, v->prot);
	fw_frame_unref(copy);			/* the mapping holds its own */
	return err;
}

int
mm_fault_file_locked(struct mm *mm, const struct vma *v, uint64_t page,
    unsigned int access, bool present)
{
	bool shared = v->flags & VMA_SHARED;
	struct fw_frame *f, *cur = NULL;
	unsigned int prot;
	int err;

	if ((err = file_page(v, page, &f)) < 0)
		return err;
	if (present) {
		if (fw_vm_query(mm->vm, fw_uaddr(page), &prot, &cur) < 0)
			cur = NULL;
		fw_frame_unref(cur);
		if (cur != f) {			/* a copy of its own */
			fw_frame_unref(f);
			return MM_FAULT_ANON;
		}
	}
	if (shared)
		err = fw_vm_map(mm->vm, fw_uaddr(page), f,
		    mm_page_prot_locked(mm, v));
	else if (access & FW_ACCESS_WRITE)
		err = map_copy(mm, v, page, f);
	else if (present)
		fw_vm_protect(mm->vm, fw_uaddr(page), FW_PAGE_SIZE,
		    v->prot & ~LINUX_PROT_WRITE);
	else
		err = fw_vm_map(mm->vm, fw_uaddr(page), f,
		    v->prot & ~LINUX_PROT_WRITE);
	fw_frame_unref(f);
	return err;
}
