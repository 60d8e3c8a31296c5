/*
 * mm/sys_mmap.c: mmap(2) and munmap(2).
 *
 * A file mapping maps the file's own frames (mm/filemap.c): shared ones
 * write through to the file, private ones copy at the first write; a file
 * without pages (a pipe, a directory) is ENODEV; /dev/zero is anonymous
 * memory.  MAP_SHARED anonymous memory is one set of frames for every
 * process that inherits it (mm/cow.c populates it at fork).  MAP_GROWSDOWN
 * areas grow on a fault below them (mm/mm.c), and placement keeps Linux's
 * stack_guard_gap free under them (mm/vma.c).  MAP_FIXED_NOREPLACE fails
 * with EEXIST on any overlap.  MAP_32BIT is accepted but not honoured yet.
 * Checks follow mm/mmap.c's order.
 * Locks: mm->lock.
 */
#include <fw/errno.h>
#include <fw/vm.h>
#include <svc/file.h>
#include <svc/mm.h>
#include <svc/proc.h>
#include <svc/syscall.h>
#include <svc/vfs.h>
#include <uapi/fcntl.h>
#include <uapi/mman.h>

struct mmap_req {
	uint64_t	 addr, len;
	unsigned int	 prot, vflags;
	bool		 fixed, noreplace, populate;
	struct file	*file;		/* borrowed, or NULL */
	uint64_t	 pgoff;
};

/* Decodes and validates mmap's arguments into r: 0 or -errno. */
static int
mmap_decode(const struct syscall_args *a, struct mmap_req *r)
{
	uint64_t flags = a->a[3], type = flags & LINUX_MAP_TYPE;

	if (a->a[5] % FW_PAGE_SIZE != 0)
		return -EINVAL;
	if (a->a[1] == 0)
		return -EINVAL;
	if (type != LINUX_MAP_SHARED && type != LINUX_MAP_PRIVATE &&
	    type != LINUX_MAP_SHARED_VALIDATE)
		return -EINVAL;
	r->len = fw_page_up(a->a[1]);
	if (r->len == 0 || r->len > fw_vm_user_top())
		return -ENOMEM;
	r->addr = a->a[0];
	r->prot = a->a[2] & (LINUX_PROT_READ | LINUX_PROT_WRITE |
	    LINUX_PROT_EXEC);
	r->vflags = VMA_ANON;
	if (type != LINUX_MAP_PRIVATE)
		r->vflags |= VMA_SHARED;
	if (flags & LINUX_MAP_GROWSDOWN) {
		if (type != LINUX_MAP_PRIVATE)
			return -EINVAL;
		r->vflags |= VMA_GROWSDOWN;
	}
	r->noreplace = (flags & LINUX_MAP_FIXED_NOREPLACE) != 0;
	r->fixed = r->noreplace || (flags & LINUX_MAP_FIXED);
	r->populate = (flags & LINUX_MAP_LOCKED) ||
	    (flags & (LINUX_MAP_POPULATE | LINUX_MAP_NONBLOCK)) ==
	    LINUX_MAP_POPULATE;
	if (r->fixed) {
		if (r->addr % FW_PAGE_SIZE != 0)
			return -EINVAL;
		if (r->addr > fw_vm_user_top() - r->len)
			return -ENOMEM;
		if (r->addr < MM_MIN_ADDR)
			return -EPERM;
	}
	return 0;
}

/* Places and records the mapping: its address, or -errno. */
static long
mmap_locked(struct mm *mm, const struct mmap_req *r) FW_REQUIRES(&mm->lock)
{
	uint64_t addr = r->addr;
	int err;

	if (r->noreplace && mm_busy_locked(mm, addr, addr + r->len))
		return -EEXIST;
	/* Before MAP_FIXED takes anything away (mmap_region). */
	if (r->fixed && !mm_may_expand_locked(mm, addr, addr + r->len))
		return -ENOMEM;
	if (!r->fixed && (err = mm_find_free_locked(mm, addr, r->len,
	    &addr)) < 0)
		return err;
	if (r->fixed && (err = mm_remove_locked(mm, addr, addr + r->len)) < 0)
		return err;
	if ((err = mm_insert_file_locked(mm, addr, addr + r->len, r->prot,
	    r->vflags, r->file, r->pgoff)) < 0)
		return err;
	/* Like Linux, a failed MAP_POPULATE leaves the lazy mapping. */
	if (r->populate && mm_populate_locked(mm, addr, addr + r->len) < 0)
		return (long)addr;
	return (long)addr;
}

/*
 * The file side of a file mapping, as do_mmap() checks it: the file must
 * be readable (EACCES), and writable for a shared writable mapping; a
 * file without pages is ENODEV; /dev/zero gives anonymous memory; the
 * seals have their say on shared maps (file_writemap_begin), whose
 * count the caller drops once the VMA holds one.
 */
static int
mmap_file_check(struct file *f, struct mmap_req *r, uint64_t off)
{
	bool shared = r->vflags & VMA_SHARED, maywrite;
	int err;

	if (f->ops->mmap_zero) {
		r->file = NULL;
		return 0;
	}
	if (f->ops->get_page == NULL)
		return -ENODEV;
	if (!file_readable(f))
		return -EACCES;
	if (shared && (r->prot & LINUX_PROT_WRITE) && !file_writable(f))
		return -EACCES;
	if (off / FW_PAGE_SIZE + r->len / FW_PAGE_SIZE < off / FW_PAGE_SIZE)
		return -EOVERFLOW;
	r->vflags &= ~VMA_ANON;
	r->pgoff = off / FW_PAGE_SIZE;
	if (!shared)
		return 0;
	maywrite = file_writable(f);
	if ((err = file_writemap_begin(f, r->prot & LINUX_PROT_WRITE,
	    &maywrite)) < 0)
		return err;
	if (maywrite)
		r->vflags |= VMA_MAYWRITE;
	return 0;
}

SYSCALL(mmap)
{
	struct mm *mm = t->proc->mm;
	struct file *f = NULL;
	struct mmap_req r;
	long ret;
	int err;

	if (a->a[5] % FW_PAGE_SIZE != 0)
		return -EINVAL;
	/* The descriptor first, as ksys_mmap_pgoff() does. */
	if (!(a->a[3] & LINUX_MAP_ANONYMOUS) &&
	    (fd_get(t->proc, (int)a->a[4], &f) < 0 ||
	    (atomic_load(&f->flags) & LINUX_O_PATH))) {
		file_unref(f);
		return -EBADF;
	}
	err = mmap_decode(a, &r);
	r.file = f;
	r.pgoff = 0;
	if (err == 0 && f != NULL)
		err = mmap_file_check(f, &r, a->a[5]);
	if (err == 0) {
		fw_mutex_lock(&mm->lock);
		ret = mmap_locked(mm, &r);
		fw_mutex_unlock(&mm->lock);
		/* The VMA, if made, holds its own count. */
		if (r.file != NULL && (r.vflags & VMA_MAYWRITE))
			file_writemap_put(r.file);
	} else
		ret = err;
	file_unref(f);
	return ret;
}

SYSCALL(munmap)
{
	struct mm *mm = t->proc->mm;
	uint64_t start = a->a[0], len = a->a[1], top = fw_vm_user_top();
	int err;

	if (start % FW_PAGE_SIZE != 0 || start > top || len > top - start)
		return -EINVAL;
	len = fw_page_up(len);
	if (len == 0)
		return -EINVAL;
	fw_mutex_lock(&mm->lock);
	err = mm_remove_locked(mm, start, start + len);
	fw_mutex_unlock(&mm->lock);
	return err;
}
