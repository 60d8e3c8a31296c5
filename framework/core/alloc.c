/*
 * core/alloc.c: the kernel heap (fw/alloc.h).  On the host every block is a
 * host malloc, so ASan and Valgrind see its bounds, its uses after free and
 * its leaks.  glibc's malloc aligns to 16 bytes on x86-64, as fw_alloc()
 * promises.  Two counters keep what is in use (fw_heap_usage), sized
 * with malloc_usable_size, which ASan and Valgrind answer too.  The
 * simulator tunes when glibc gives freed memory back to the host
 * (heap_tune() in sim/main.c).
 *
 * This file also holds the stack protector's guard: the services are built
 * with -mstack-protector-guard=global, so they compare their canaries with
 * __stack_chk_guard, which fw_stack_guard_init() fills with entropy before
 * any service code runs.  No locks.
 */
#include <fw/alloc.h>
#include <hal/platform.h>
#include <malloc.h>
#include <stdatomic.h>
#include <stdlib.h>

#include "core/core_impl.h"

uintptr_t __stack_chk_guard;

static atomic_size_t heap_bytes, heap_blocks;

static void *
counted(void *p)
{
	if (p != NULL) {
		atomic_fetch_add_explicit(&heap_bytes, malloc_usable_size(p),
		    memory_order_relaxed);
		atomic_fetch_add_explicit(&heap_blocks, 1,
		    memory_order_relaxed);
	}
	return p;
}

static void
uncount(void *p)
{
	if (p != NULL) {
		atomic_fetch_sub_explicit(&heap_bytes, malloc_usable_size(p),
		    memory_order_relaxed);
		atomic_fetch_sub_explicit(&heap_blocks, 1,
		    memory_order_relaxed);
	}
}

void *
fw_alloc(size_t size)
{
	/* A zero size still gets a unique block, so NULL only means failure. */
	return counted(malloc(size == 0 ? 1 : size));
}

void *
fw_zalloc(size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size)
		return NULL;
	if (n == 0 || size == 0)
		n = size = 1;
	return counted(calloc(n, size));
}

void *
fw_realloc(void *p, size_t size)
{
	size_t old = p != NULL ? malloc_usable_size(p) : 0;
	void *n = realloc(p, size == 0 ? 1 : size);

	if (n == NULL)
		return NULL;
	if (p == NULL)
		return counted(n);
	atomic_fetch_sub_explicit(&heap_bytes, old, memory_order_relaxed);
	atomic_fetch_add_explicit(&heap_bytes, malloc_usable_size(n),
	    memory_order_relaxed);
	return n;
}

void
fw_free(void *p)
{
	uncount(p);
	free(p);
}

void
fw_heap_usage(struct fw_heap_usage *u)
{
	u->bytes = atomic_load_explicit(&heap_bytes, memory_order_relaxed);
	u->blocks = atomic_load_explicit(&heap_blocks, memory_order_relaxed);
}

void
fw_stack_guard_init(void)
{
	uintptr_t g;

	hal_random_bytes(&g, sizeof(g));
	/* A zero low byte stops string overflows from copying the guard. */
	__stack_chk_guard = g & ~(uintptr_t)0xff;
}
