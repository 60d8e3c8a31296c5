/*
 * mm/filemap.c: faults in file mappings.  A file's pages are its own
 * frames (file_ops->get_page; ramfs keeps every page in one): a shared
 * mapping maps them as they are, so writes reach the file and read(2)
 * sees them; a private one maps them read-only and copies a page at its
 * first write.  A page past the file's end is SIGBUS (-EIO here).
 * Private file pages are never mapped writable (mm_page_prot_locked), so
 * every write to one comes here first.  When a file shrinks or has a
 * hole punched, mm_unmap_file_pages takes its pages out of every process's
 * mappings, private copies too (Linux's truncate_pagecache, even_cows).
 *
 * Interface: mm_fault_file_locked (mm_impl.h), mm_unmap_file_pages
 * (svc/mm.h).
 * Locks: mm->lock, then the file system's lock inside get_page;
 * mm_unmap_file_pages takes proc_table_lock and each proc->lock to gather
 * the memories, then each mm->lock alone.
 */
#include <fw/alloc.h>
#include <fw/errno.h>
#include <fw/frame.h>
#include <fw/log.h>
#include <fw/vm.h>
#include <svc/file.h>
#include <svc/mm.h>
#include <svc/proc.h>
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

/* The memories of every process, each once, referenced. */
struct mm_list {
	struct mm	**mms;
	size_t		  n, cap;
	bool		  short_of_memory;
};

static bool
mm_list_add(struct proc *q, void *arg)
{
	struct mm_list *l = arg;
	struct mm **grown;
	struct mm *mm;
	size_t i, cap;

	fw_mutex_lock(&q->lock);
	mm = q->mm;
	for (i = 0; mm != NULL && i < l->n && l->mms[i] != mm; i++)
		;
	if (mm != NULL && i == l->n) {
		if (l->n == l->cap) {
			cap = l->cap * 2 + 8;
			/* NOLINTNEXTLINE(bugprone-sizeof-expression): pointers */
			grown = fw_realloc(l->mms, cap * sizeof(*grown));
			if (grown == NULL) {
				l->short_of_memory = true;
				fw_mutex_unlock(&q->lock);
				return true;		/* stop */
			}
			l->mms = grown;
			l->cap = cap;
		}
		l->mms[l->n++] = mm_ref(mm);
	}
	fw_mutex_unlock(&q->lock);
	return false;
}

/* Unmaps mm's pages of key at page offsets [first, end). */
static void
unmap_file_pages_in(struct mm *mm, const void *key, uint64_t first,
    uint64_t end)
{
	uint64_t vfirst, vend, s, e;
	struct vma *v;
	size_t i;

	fw_mutex_lock(&mm->lock);
	for (i = 0; i < mm->nvma; i++) {
		v = &mm->vmas[i];
		if (v->file == NULL || file_map_key(v->file) != key)
			continue;
		vfirst = v->pgoff;
		vend = v->pgoff + (v->end - v->start) / FW_PAGE_SIZE;
		if (vend <= first || vfirst >= end)
			continue;
		s = v->start + ((first > vfirst ? first : vfirst) - vfirst) *
		    FW_PAGE_SIZE;
		e = v->start + ((end < vend ? end : vend) - vfirst) *
		    FW_PAGE_SIZE;
		fw_vm_unmap(mm->vm, fw_uaddr(s), e - s);
	}
	fw_mutex_unlock(&mm->lock);
}

void
mm_unmap_file_pages(const void *key, uint64_t first, uint64_t end)
{
	struct mm_list l = { NULL, 0, 0, false };
	size_t i;

	fw_mutex_lock(&proc_table_lock);
	(void)proc_search_locked(mm_list_add, &l);
	fw_mutex_unlock(&proc_table_lock);
	if (l.short_of_memory)
		fw_log(FW_LOG_WARN, "mm: out of memory: mappings of a "
		    "truncated file keep pages");
	for (i = 0; i < l.n; i++) {
		unmap_file_pages_in(l.mms[i], key, first, end);
		mm_free(l.mms[i]);
	}
	fw_free(l.mms);
}
