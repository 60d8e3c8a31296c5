/*
 * svc/mm.h: a process's memory map (services/mm): the sorted list of
 * virtual memory areas (VMAs) over its fw_vm, the page-fault handler that
 * fills them lazily, and the operations brk, mmap, munmap, mprotect, mremap
 * and madvise are built from.  A VMA's prot uses the PROT_* bits
 * (uapi/mman.h), which are the FW_PROT_* bits too.
 *
 * Locks used to protect fields in this file:
 *	I	immutable after mm_new() / exec
 *	l	mm->lock (a mutex: the fault handler may sleep)
 * Lock order: proc->lock, mm->lock, then the vm's internal lock.  Nothing
 * touches user memory while holding mm->lock (the fault handler takes it).
 */
#ifndef SVC_MM_H
#define SVC_MM_H

#include <fw/types.h>
#include <fw/mutex.h>
#include <stdatomic.h>

struct fw_vm;

#define VMA_ANON	0x01u	/* zero-filled on first touch */
#define VMA_SHARED	0x02u	/* MAP_SHARED: the same frames after fork */
#define VMA_GROWSDOWN	0x04u
#define VMA_STACK	0x08u
#define VMA_HEAP	0x10u	/* the brk area */
#define VMA_IMAGE	0x20u	/* a segment of the program's ELF file */
#define VMA_DONTFORK	0x40u	/* MADV_DONTFORK: not in a fork's child */
#define VMA_WIPEONFORK	0x80u	/* MADV_WIPEONFORK: zero in the child */
#define VMA_MAYWRITE	0x100u	/* a shared file mapping may be made
				   writable (the file was opened so) */
#define VMA_VVAR	0x200u	/* the time page (fw/timepage.h) */
#define VMA_VDSO	0x400u	/* the vDSO's image */
/* Pages mapped at exec, never filled by a fault, never writable. */
#define VMA_SPECIAL	(VMA_VVAR | VMA_VDSO)

/*
 * A mapping.  A file mapping holds its file (counted per VMA entry:
 * splitting takes another reference, removal drops one) and maps page
 * pgoff of it at start; its pages are the file's own frames (shared), or
 * those until the first write copies one (private).
 */
struct file;
struct vma {
	uint64_t	 start, end;	/* page-aligned, start < end */
	unsigned int	 prot;		/* PROT_READ | PROT_WRITE | PROT_EXEC */
	unsigned int	 flags;		/* VMA_* */
	struct file	*file;		/* counted, or NULL: anonymous */
	uint64_t	 pgoff;		/* in pages */
};

struct mm {
	struct fw_mutex	 lock;
	atomic_uint	 nref;		/* [a] processes using it */
	struct fw_vm	*vm;		/* [I] counted */
	struct vma	*vmas;		/* [l] sorted, disjoint */
	size_t		 nvma, cap;	/* [l] */
	uint64_t	 brk_start;	/* [l] */
	uint64_t	 brk;		/* [l] */
	uint64_t	 stack_top;	/* [I] */
	uint64_t	 mmap_base;	/* [I] top-down mmaps start below */
	bool		 forked;	/* [l] frames may be shared COW */
	uint64_t	 stack_rlimit;	/* [l] largest VMA_GROWSDOWN size */
	uint64_t	 as_rlimit;	/* [l] RLIMIT_AS: bytes of VMAs */
	/* Where execve put the argv and envp strings (/proc/<pid>/cmdline). */
	uint64_t	 arg_start, arg_end, env_start, env_end;	/* [l] */
	/* Where the last anonymous fault window ended, and its pages. */
	uint64_t	 fault_next, fault_pages;	/* [l] */
};

/* Linux's defaults: vm.mmap_min_addr and vm.max_map_count. */
#define MM_MIN_ADDR	0x10000ULL
#define MM_MAX_VMAS	65530
/*
 * Pages the fault handler maps around a fault, in an aligned window; an
 * anonymous fault right where the last window ended gets four times as
 * many, up to MM_FAULT_MAX (2 MiB: what Linux's transparent huge pages
 * give a sequential writer).  Four, not two: a 64-page mapping written
 * through takes two faults rather than three.
 */
#define MM_FAULT_WINDOW	16
#define MM_FAULT_MAX	512
/* Linux's stack_guard_gap (256 pages) and default RLIMIT_STACK (8 MiB). */
#define MM_STACK_GUARD_GAP	(256ULL * FW_PAGE_SIZE)
#define MM_STACK_RLIMIT		(8ULL << 20)

/*
 * Wraps vm (taking a reference) with an empty map and installs mm_fault as
 * its fault handler; the stack top and mmap base follow fw_vm_user_top().
 * *out gets the mm.  -ENOMEM.
 */
FW_MUST_CHECK int	mm_new(struct fw_vm *vm, struct mm **out);
/*
 * mm_new's caller holds the one reference; a process sharing the memory
 * (clone with CLONE_VM, vfork) takes another.  mm_free drops one and frees
 * the map with the last.  NULL ok.
 */
struct mm		*mm_ref(struct mm *mm);
void			mm_free(struct mm *mm);
/*
 * Whether a reference besides the caller's exists: another process, or a
 * reader of /proc, holds mm.
 */
bool			mm_shared(struct mm *mm);
/* The fw_fault_fn: owner is the mm. */
int			mm_fault(void *owner, struct fw_vm *vm,
			    fw_uaddr_t addr, unsigned int access);
/*
 * fork(2)'s memory (services/mm/cow.c): a new vm and mm with parent's VMAs.
 * Present pages of private VMAs: the first MM_FORK_COPY_PAGES the parent
 * may write (in address order) are copied for the child, the others are
 * shared copy-on-write (read-only in both, counted in the frame's metadata
 * word).  Pages of shared VMAs are populated and shared as they are.  *out
 * gets the mm.  -ENOMEM, -EAGAIN.
 */
#define MM_FORK_COPY_PAGES	64
FW_MUST_CHECK int	mm_fork(struct mm *parent, struct mm **out);
/*
 * A write fault on the present, read-only page va of a private writable
 * VMA: takes the frame over when no other vm shares it, else copies it.
 * 0, or -ENOMEM.
 */
FW_MUST_CHECK int	mm_cow_break_locked(struct mm *mm, uint64_t va,
			    unsigned int prot) FW_REQUIRES(&mm->lock);
/* The prot present pages of v get: without write if they may be shared. */
unsigned int		mm_page_prot_locked(const struct mm *mm,
			    const struct vma *v) FW_REQUIRES(&mm->lock);
/* Whether some VMA covers addr (SEGV_ACCERR rather than SEGV_MAPERR). */
bool			mm_has_vma(struct mm *mm, uint64_t addr);
/*
 * RLIMIT_STACK for growing VMA_GROWSDOWN areas on a fault below them (as
 * Linux's acct_stack_growth); mm_new sets MM_STACK_RLIMIT, mm_fork copies.
 */
void			mm_set_stack_rlimit(struct mm *mm, uint64_t lim);
/*
 * RLIMIT_AS (Linux's may_expand_vm): the VMAs may span at most lim bytes;
 * a mapping, a break, a mremap or a stack growth past it fails with
 * ENOMEM (SIGSEGV for the stack).  mm_new sets none (RLIM_INFINITY),
 * mm_fork copies, execve and setrlimit(2) set the process's.
 */
void			mm_set_as_rlimit(struct mm *mm, uint64_t lim);
/*
 * Whether [start, end) may be mapped under RLIMIT_AS, counting what is
 * mapped there already as replaced.
 */
bool			mm_may_expand_locked(struct mm *mm, uint64_t start,
			    uint64_t end) FW_REQUIRES(&mm->lock);
/* The VMA holding addr, or NULL; valid until the list changes. */
struct vma		*mm_find_locked(struct mm *mm, uint64_t addr)
			    FW_REQUIRES(&mm->lock);

/*
 * The VMA operations, on page-aligned ranges, with mm->lock held.  They
 * validate and reserve first, so an error leaves the map unchanged.
 */
/* Adds [start, end): -EEXIST if any of it is in use, -ENOMEM. */
FW_MUST_CHECK int	mm_insert_locked(struct mm *mm, uint64_t start,
			    uint64_t end, unsigned int prot,
			    unsigned int flags) FW_REQUIRES(&mm->lock);
/* The same for page pgoff on of file f (the VMA takes a reference). */
FW_MUST_CHECK int	mm_insert_file_locked(struct mm *mm, uint64_t start,
			    uint64_t end, unsigned int prot,
			    unsigned int flags, struct file *f, uint64_t pgoff)
			    FW_REQUIRES(&mm->lock);
/* Removes [start, end) from the map and the vm, splitting VMAs; -ENOMEM. */
FW_MUST_CHECK int	mm_remove_locked(struct mm *mm, uint64_t start,
			    uint64_t end) FW_REQUIRES(&mm->lock);
/* Sets prot on [start, end): -ENOMEM when part of it is unmapped. */
FW_MUST_CHECK int	mm_protect_locked(struct mm *mm, uint64_t start,
			    uint64_t end, unsigned int prot)
			    FW_REQUIRES(&mm->lock);
/* The index of the first VMA that ends above addr (nvma if none). */
size_t			vma_lower_bound(const struct mm *mm, uint64_t addr);
/* Whether any VMA intersects [start, end). */
bool			mm_busy_locked(struct mm *mm, uint64_t start,
			    uint64_t end) FW_REQUIRES(&mm->lock);
/*
 * Finds a free range of len bytes: the hint if it is free, else the
 * highest one below mmap_base, else the lowest one above MM_MIN_ADDR.
 * 0 with *addr set, or -ENOMEM.
 */
FW_MUST_CHECK int	mm_find_free_locked(struct mm *mm, uint64_t hint,
			    uint64_t len, uint64_t *addr)
			    FW_REQUIRES(&mm->lock);
/* Maps every absent page of the VMAs in [start, end) now; -ENOMEM. */
FW_MUST_CHECK int	mm_populate_locked(struct mm *mm, uint64_t start,
			    uint64_t end) FW_REQUIRES(&mm->lock);
/*
 * The same as a hint: maps what it can of [start, end) now and leaves a
 * page it cannot have to the fault handler (a window a program is about
 * to touch, backed to spare it the fault).
 */
void			mm_prepopulate_locked(struct mm *mm, uint64_t start,
			    uint64_t end) FW_REQUIRES(&mm->lock);
/*
 * mremap's half: adds at the free [new, new + nlen) a copy of each VMA (or
 * part) in [old, old + olen), at the same offset, the last one stretched
 * to nlen >= olen; no pages move.  Also reserves the slot a later
 * mm_remove_locked of either range needs, so that one cannot fail.
 * 0, or -ENOMEM with the list unchanged.
 */
FW_MUST_CHECK int	mm_copy_vmas_locked(struct mm *mm, uint64_t old,
			    uint64_t olen, uint64_t new, uint64_t nlen)
			    FW_REQUIRES(&mm->lock);
/*
 * Sets the VMA_* bits set and clears clear on the mapped parts of
 * [start, end), splitting and merging VMAs; holes are skipped.  -ENOMEM.
 */
FW_MUST_CHECK int	mm_set_flags_locked(struct mm *mm, uint64_t start,
			    uint64_t end, unsigned int set, unsigned int clear)
			    FW_REQUIRES(&mm->lock);
/*
 * Takes the pages at page offsets [first, end) of the file whose
 * file_map_key() is key out of every process's mappings (shared pages
 * and private copies alike), so the next touch faults again.  For the
 * file system after a truncation or a punched hole; no locks held.
 */
void			mm_unmap_file_pages(const void *key, uint64_t first,
			    uint64_t end);
/* Whether VMAs cover [start, end) without a hole. */
bool			mm_covers_locked(struct mm *mm, uint64_t start,
			    uint64_t end) FW_REQUIRES(&mm->lock);
/* Merges adjacent VMAs with equal prot and flags. */
void			mm_merge_locked(struct mm *mm) FW_REQUIRES(&mm->lock);

#endif
