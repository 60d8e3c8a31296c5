/*
 * arch/x86_64/malloc.c: malloc() and its family (libc/stdlib.h,
 * libc/malloc.h), which the core's heap (core/alloc.c) is written on, over
 * the shared kernel heap (arch/heap.h).  One CPU, and no interrupt handler
 * allocates, so the heap needs no lock yet; SMP will add a spinlock here.
 */
#include <fw/panic.h>
#include <malloc.h>
#include <stdlib.h>

#include "arch/heap.h"

void
kheap_corrupt(const char *what, const void *p)
{
	fw_panic("heap: %s at %p", what, p);
}

void *
malloc(size_t size)
{
	return kheap_alloc(size);
}

void *
calloc(size_t n, size_t size)
{
	return kheap_calloc(n, size);
}

void *
realloc(void *p, size_t size)
{
	return kheap_realloc(p, size);
}

void
free(void *p)
{
	kheap_free(p);
}

size_t
malloc_usable_size(void *p)
{
	return kheap_usable_size(p);
}
