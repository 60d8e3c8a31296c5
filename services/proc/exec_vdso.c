/*
 * proc/exec_vdso.c: the vDSO in every new program image (AT_SYSINFO_EHDR).
 * The framework carries the image (fw_boot_vdso_read()) and owns the time
 * page it reads (fw/timepage.h); exec maps the page read-only with the
 * image right above it, where mmap would put them, as VMAs that faults
 * never fill and mprotect never makes writable (VMA_SPECIAL).  The image
 * is copied into frames once and shared by every process; fork keeps the
 * mappings as they are (VMA_SHARED).
 *
 * Interface: exec_vdso_map (proc/exec_impl.h).  Locks: vdso_lock (a
 * mutex) while the frames are made; mm->lock while mapping.
 */
#include <fw/alloc.h>
#include <fw/boot.h>
#include <fw/errno.h>
#include <fw/frame.h>
#include <fw/mutex.h>
#include <fw/timepage.h>
#include <fw/vm.h>
#include <svc/lib.h>
#include <svc/mm.h>
#include <uapi/mman.h>

#include "exec_impl.h"

#define VDSO_MAX_PAGES	4

/*
 * Locks used to protect fields in this file:
 *	v	vdso_lock; set once, then read-only
 */
static struct fw_mutex	 vdso_lock;
static struct fw_frame	*vdso_frames[VDSO_MAX_PAGES];	/* [v] */
static size_t		 vdso_npages;			/* [v] 0: none */
static bool		 vdso_tried;			/* [v] */

/* Copies the image into new frames, once: 0 (npages 0 if none) or -errno. */
static int
vdso_load_locked(void *buf) FW_REQUIRES(&vdso_lock)
{
	size_t size = fw_boot_vdso_size(), n, i, len;
	int err;

	if (vdso_tried)
		return 0;
	n = fw_page_up(size) / FW_PAGE_SIZE;
	if (size == 0 || n > VDSO_MAX_PAGES || fw_timepage_frame() == NULL) {
		vdso_tried = true;		/* no vDSO for anyone */
		return 0;
	}
	for (i = 0; i < n; i++) {
		len = MIN(size - i * FW_PAGE_SIZE, (size_t)FW_PAGE_SIZE);
		if ((err = fw_boot_vdso_read(i * FW_PAGE_SIZE, buf, len)) < 0 ||
		    (err = fw_frame_alloc(&vdso_frames[i])) < 0 ||
		    (err = fw_frame_write(vdso_frames[i], 0, buf, len)) < 0)
			goto fail;
	}
	vdso_npages = n;
	vdso_tried = true;
	return 0;
fail:
	for (i = 0; i < n; i++) {
		fw_frame_unref(vdso_frames[i]);
		vdso_frames[i] = NULL;
	}
	return err;
}

/* The image's pages, made on first use: 0, or -ENOMEM. */
static int
vdso_pages(size_t *npages)
{
	void *buf;
	int err;

	if ((buf = fw_alloc(FW_PAGE_SIZE)) == NULL)
		return -ENOMEM;
	fw_mutex_lock(&vdso_lock);
	err = vdso_load_locked(buf);
	*npages = vdso_npages;
	fw_mutex_unlock(&vdso_lock);
	fw_free(buf);
	return err;
}

/* Maps the time page at va and the image above it, in VMAs of mm. */
static int
vdso_map_locked(struct mm *mm, uint64_t va, size_t npages)
	FW_REQUIRES(&mm->lock)
{
	uint64_t top = va + (npages + 1) * FW_PAGE_SIZE;
	size_t i;
	int err;

	if ((err = mm_insert_locked(mm, va, va + FW_PAGE_SIZE,
	    LINUX_PROT_READ, VMA_VVAR | VMA_SHARED)) < 0)
		return err;
	if ((err = mm_insert_locked(mm, va + FW_PAGE_SIZE, top,
	    LINUX_PROT_READ | LINUX_PROT_EXEC, VMA_VDSO | VMA_SHARED)) < 0)
		return err;
	if ((err = fw_vm_map(mm->vm, fw_uaddr(va), fw_timepage_frame(),
	    FW_PROT_READ)) < 0)
		return err;
	for (i = 0; i < npages; i++)
		if ((err = fw_vm_map(mm->vm,
		    fw_uaddr(va + (i + 1) * FW_PAGE_SIZE), vdso_frames[i],
		    FW_PROT_READ | FW_PROT_EXEC)) < 0)
			return err;
	return 0;
}

int
exec_vdso_map(struct mm *mm, uint64_t *ehdr)
{
	size_t npages;
	uint64_t va;
	int err;

	*ehdr = 0;
	if ((err = vdso_pages(&npages)) < 0 || npages == 0)
		return err;
	fw_mutex_lock(&mm->lock);
	err = mm_find_free_locked(mm, 0, (npages + 1) * FW_PAGE_SIZE, &va);
	if (err == 0)
		err = vdso_map_locked(mm, va, npages);
	fw_mutex_unlock(&mm->lock);
	if (err == 0)
		*ehdr = va + FW_PAGE_SIZE;
	return err;
}
