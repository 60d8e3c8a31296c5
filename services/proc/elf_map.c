/*
 * proc/elf_map.c: mapping a validated ELF image's PT_LOAD segments into a
 * new address space.  The whole pages of a read-only segment (text,
 * rodata) are the file's own frames, mapped private from its page cache
 * as mmap(2) would: every exec of a program shares them.  Other pages
 * holding file bytes are filled now, by copy: a writable segment's (it is
 * written at once: relocations, .data), and a page the file shares with
 * a neighbour or with .bss.  The rest of each segment (.bss) is a
 * zero-fill VMA; its first fault window (MM_FAULT_WINDOW pages, what the
 * program's first touch would map) is backed now, as start-up code writes
 * .bss at once and each fault would cost a round trip to the host.  The
 * rest is backed on first touch.  Two segments may
 * share a page (the file puts one right after the other): that page gets
 * both contents and both prots.
 *
 * Interface: elf_map, elf_map_image (svc/elf.h).  Locks: takes mm->lock
 * (and the file system's, inside get_page); the mm is new and not yet
 * visible to any thread.
 */
#include <fw/alloc.h>
#include <fw/errno.h>
#include <fw/frame.h>
#include <fw/vm.h>
#include <svc/elf.h>
#include <svc/file.h>
#include <svc/lib.h>
#include <svc/mm.h>
#include <uapi/mman.h>

struct elf_seg {
	uint64_t	vstart, fend, mend;	/* biased user addresses */
	uint64_t	offset;			/* file offset of vstart */
	unsigned int	prot;
};

static unsigned int
elf_prot(uint32_t pflags)
{
	unsigned int prot = 0;

	if (pflags & LINUX_PF_R)
		prot |= LINUX_PROT_READ;
	if (pflags & LINUX_PF_W)
		prot |= LINUX_PROT_WRITE;
	if (pflags & LINUX_PF_X)
		prot |= LINUX_PROT_EXEC;
	return prot;
}

/* Copies the segment's file bytes that fall in the page pg: 0 or -errno. */
static int
elf_load_page(struct mm *mm, const struct elf_source *src,
    const struct elf_seg *s, uint64_t pg, void *buf)
{
	uint64_t from = MAX(pg, s->vstart), to = MIN(pg + FW_PAGE_SIZE, s->fend);
	struct fw_frame *f = NULL;
	unsigned int prot = 0;
	long n;
	int err;

	if (fw_vm_query(mm->vm, fw_uaddr(pg), &prot, &f) < 0) {
		prot = 0;
		if ((err = fw_frame_alloc(&f)) < 0)
			return err;
	}
	n = src->pread(src->ctx, buf, to - from, s->offset + (from - s->vstart));
	if (n < 0 || (uint64_t)n != to - from) {
		err = n < 0 ? (int)n : -ENOEXEC;	/* the file shrank */
		goto out;
	}
	if ((err = fw_frame_write(f, from - pg, buf, to - from)) < 0)
		goto out;
	err = fw_vm_map(mm->vm, fw_uaddr(pg), f, prot | s->prot);
out:
	fw_frame_unref(f);
	return err;
}

/*
 * The pages [*lo, *hi) of s that can be the file's own: whole pages of
 * file bytes, above start, of a read-only segment whose file offset is
 * congruent with its address, from a file with a page cache.  *lo == *hi
 * if none.
 */
static void
elf_file_span(const struct elf_source *src, const struct elf_seg *s,
    uint64_t start, uint64_t *lo, uint64_t *hi)
{
	*lo = MAX(fw_page_up(s->vstart), start);
	*hi = fw_page_down(s->fend);
	if (src->file == NULL || src->file->ops->get_page == NULL ||
	    (s->prot & LINUX_PROT_WRITE) ||
	    (s->vstart - s->offset) % FW_PAGE_SIZE != 0 || *lo >= *hi)
		*lo = *hi = start;
}

/* Maps the file's pages at [lo, hi) of s read-only (a private mapping). */
static int
elf_map_file_pages(struct mm *mm, const struct elf_source *src,
    const struct elf_seg *s, uint64_t lo, uint64_t hi)
	FW_REQUIRES(&mm->lock)
{
	uint64_t pgoff = (s->offset + (lo - s->vstart)) / FW_PAGE_SIZE, pg;
	struct fw_frame *f;
	int err;

	for (pg = lo; pg < hi; pg += FW_PAGE_SIZE, pgoff++) {
		err = src->file->ops->get_page(src->file, pgoff, &f);
		if (err < 0)
			return err == -ENXIO ? -ENOEXEC : err;	/* it shrank */
		err = fw_vm_map(mm->vm, fw_uaddr(pg), f, s->prot);
		fw_frame_unref(f);
		if (err < 0)
			return err;
	}
	return 0;
}

/* Adds the VMAs of [start, end): anonymous, but [lo, hi) of the file. */
static int
elf_insert_vmas(struct mm *mm, const struct elf_source *src,
    const struct elf_seg *s, uint64_t start, uint64_t end, uint64_t lo,
    uint64_t hi) FW_REQUIRES(&mm->lock)
{
	int err;

	if (lo == hi)
		return mm_insert_locked(mm, start, end, s->prot,
		    VMA_ANON | VMA_IMAGE);
	if (start < lo && (err = mm_insert_locked(mm, start, lo, s->prot,
	    VMA_ANON | VMA_IMAGE)) < 0)
		return err;
	if ((err = mm_insert_file_locked(mm, lo, hi, s->prot, VMA_IMAGE,
	    src->file, (s->offset + (lo - s->vstart)) / FW_PAGE_SIZE)) < 0)
		return err;
	if (hi < end && (err = mm_insert_locked(mm, hi, end, s->prot,
	    VMA_ANON | VMA_IMAGE)) < 0)
		return err;
	return 0;
}

/* Copies the file bytes of s in the pages [from, to). */
static int
elf_load_pages(struct mm *mm, const struct elf_source *src,
    const struct elf_seg *s, uint64_t from, uint64_t to, void *buf)
	FW_REQUIRES(&mm->lock)
{
	int err;

	for (; from < MIN(to, s->fend); from += FW_PAGE_SIZE)
		if ((err = elf_load_page(mm, src, s, from, buf)) < 0)
			return err;
	return 0;
}

/* Maps one segment above *covered (what earlier segments took). */
static int
elf_map_seg(struct mm *mm, const struct elf_source *src,
    const struct elf_seg *s, uint64_t *covered, void *buf)
	FW_REQUIRES(&mm->lock)
{
	uint64_t start = MAX(fw_page_down(s->vstart), *covered);
	uint64_t end = fw_page_up(s->mend), lo, hi;
	int err;

	elf_file_span(src, s, start, &lo, &hi);
	if (start < end &&
	    (err = elf_insert_vmas(mm, src, s, start, end, lo, hi)) < 0)
		return err;
	*covered = MAX(*covered, end);
	/* The file's own pages in [lo, hi), copies around them. */
	if ((err = elf_map_file_pages(mm, src, s, lo, hi)) < 0 ||
	    (err = elf_load_pages(mm, src, s, fw_page_down(s->vstart), lo,
	    buf)) < 0 ||
	    (err = elf_load_pages(mm, src, s, hi, UINT64_MAX, buf)) < 0)
		return err;
	/* .bss's first window (only pages the segment's VMAs cover). */
	lo = MAX(fw_page_up(s->fend), start);
	if ((s->prot & LINUX_PROT_WRITE) && lo < end)
		mm_prepopulate_locked(mm, lo,
		    MIN(end, lo + MM_FAULT_WINDOW * FW_PAGE_SIZE));
	return 0;	/* exec_build() hands the backend the whole image */
}

int
elf_map(struct mm *mm, const struct elf_source *src,
    const struct elf_info *info, uint64_t bias)
{
	int err;

	if ((err = elf_map_image(mm, src, info, bias)) < 0)
		return err;
	fw_mutex_lock(&mm->lock);
	mm->brk_start = mm->brk = info->hi + bias;
	fw_mutex_unlock(&mm->lock);
	return 0;
}

int
elf_map_image(struct mm *mm, const struct elf_source *src,
    const struct elf_info *info, uint64_t bias)
{
	uint64_t covered = 0;
	void *buf;
	size_t i;
	int err = 0;

	if ((buf = fw_alloc(FW_PAGE_SIZE)) == NULL)
		return -ENOMEM;
	fw_mutex_lock(&mm->lock);
	for (i = 0; i < info->eh.e_phnum && err == 0; i++) {
		const struct linux_elf64_phdr *ph = &info->ph[i];
		struct elf_seg s;

		if (ph->p_type != LINUX_PT_LOAD || ph->p_memsz == 0)
			continue;
		s.vstart = ph->p_vaddr + bias;
		s.fend = s.vstart + ph->p_filesz;
		s.mend = s.vstart + ph->p_memsz;
		s.offset = ph->p_offset;
		s.prot = elf_prot(ph->p_flags);
		err = elf_map_seg(mm, src, &s, &covered, buf);
	}
	fw_mutex_unlock(&mm->lock);
	fw_free(buf);
	return err;
}
