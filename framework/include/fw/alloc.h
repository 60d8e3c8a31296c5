/*
 * fw/alloc.h: the kernel heap.  On the host backend every allocation is a
 * host malloc, so ASan and Valgrind see each object, its bounds and its
 * leaks.  Memory is for kernel objects only: it is never mapped to a guest
 * (guest memory is frames, fw/frame.h).  Never sleeps; safe under spinlocks.
 */
#ifndef FW_ALLOC_H
#define FW_ALLOC_H

#include <fw/types.h>

/* Returns size bytes aligned to 16, or NULL when memory is short. */
FW_MUST_CHECK void	*fw_alloc(size_t size);
/* As fw_alloc, zero-filled; n*size overflowing returns NULL. */
FW_MUST_CHECK void	*fw_zalloc(size_t n, size_t size);
/*
 * Resizes p (NULL acts as fw_alloc); on NULL the old block is untouched and
 * still owned by the caller.
 */
FW_MUST_CHECK void	*fw_realloc(void *p, size_t size);
/* Frees p; NULL is a no-op. */
void			 fw_free(void *p);

/*
 * What the heap holds now: bytes (as the allocator rounds them) and
 * blocks in use, for /proc/meminfo's Slab line and leak tests.  A snapshot:
 * other CPUs may allocate meanwhile.
 */
struct fw_heap_usage {
	size_t	bytes;
	size_t	blocks;
};
void			 fw_heap_usage(struct fw_heap_usage *u);

#endif
