/*
 * arch/heap.h: the bare-metal kernels' heap, one arena of memory handed
 * over at boot and carved into blocks (layout and invariants: heap.c).
 * Every architecture's malloc(), calloc(), realloc() and free() are these.
 * Blocks are 16-byte aligned; a freed block merges with its free
 * neighbours at once, so freeing everything gives the whole arena back.
 *
 * Locks: none.  The heap is one global object and no function here may
 * run concurrently with another; the kernel calls them with its own lock
 * held (and interrupts off, if an interrupt handler allocates).
 *
 * Faults: a pointer handed back that is not a live block (a double free,
 * a pointer into the middle of a block or out of the arena, a trampled
 * header) is caught where a few loads can tell, and reported through
 * kheap_corrupt() before the heap changes anything.
 */
#ifndef ARCH_HEAP_H
#define ARCH_HEAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Makes [base, base+size) the arena, base aligned up to 16 bytes and the
 * end down to 16.  Called before any other kheap_ function; a second call
 * starts a new, empty heap and forgets every block of the old one (the
 * unit tests do this; the kernel calls it once).  An arena too small for
 * one block gives a heap from which every allocation fails.
 */
void	 kheap_init(void *base, size_t size);
/*
 * A block of at least size bytes, 16-byte aligned and uninitialised, or
 * NULL if no free block is large enough.  Size 0 gives a minimal block,
 * unique like any other (so NULL only ever means failure).
 */
void	*kheap_alloc(size_t size);
/* As kheap_alloc(n * size), zeroed; NULL too if n * size overflows. */
void	*kheap_calloc(size_t n, size_t size);
/*
 * C's realloc(): with p NULL, kheap_alloc(size).  Otherwise p's block
 * resized to at least size bytes, keeping the first min(old, size) bytes:
 * in place when shrinking or when the next block is free and large enough,
 * else moved to a new block and p freed.  On failure NULL, and p stays
 * valid and unchanged.  Size 0 shrinks p to a minimal block (it is not a
 * free; C17 leaves that case to the implementation).
 */
void	*kheap_realloc(void *p, size_t size);
/* Gives p's block back; NULL is a no-op. */
void	 kheap_free(void *p);
/*
 * The bytes p's block may use, at least the size last asked for it; 0 for
 * NULL (and, after kheap_corrupt() returns, for a pointer that is not a
 * live block).
 */
size_t	 kheap_usable_size(const void *p);
/*
 * The arena's bytes in no live block, block headers included: the whole
 * arena after kheap_init() and again once everything is freed.
 */
size_t	 kheap_free_bytes(void);
/*
 * Walks the whole arena and the free lists and verifies every invariant
 * heap.c lists; true if all hold.  Reports nothing through kheap_corrupt().
 * O(blocks): for tests and debugging, not for every call.
 */
bool	 kheap_check(void);

/*
 * Supplied by the user of the heap (the kernel panics; a test records the
 * call): what names the fault ("double free", ...) and p is the pointer
 * given.  Called before the heap has changed anything; if it returns, the
 * call that found the fault does nothing and fails (NULL, or 0).
 */
void	 kheap_corrupt(const char *what, const void *p);

#endif
