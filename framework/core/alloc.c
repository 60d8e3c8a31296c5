/*
 * core/alloc.c: the kernel heap (fw/alloc.h).  On the host every block is a
 * host malloc, so ASan and Valgrind see its bounds, its uses after free and
 * its leaks.  glibc's malloc aligns to 16 bytes on x86-64, as fw_alloc()
 * promises.
 *
 * This file also holds the stack protector's guard: the services are built
 * with -mstack-protector-guard=global, so they compare their canaries with
 * __stack_chk_guard, which fw_stack_guard_init() fills with entropy before
 * any service code runs.  No locks.
 */
#include <fw/alloc.h>
#include <hal/platform.h>
#include <stdlib.h>

#include "core/core_impl.h"

uintptr_t __stack_chk_guard;

void *
fw_alloc(size_t size)
{
	/* A zero size still gets a unique block, so NULL only means failure. */
	return malloc(size == 0 ? 1 : size);
}

void *
fw_zalloc(size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size)
		return NULL;
	if (n == 0 || size == 0)
		n = size = 1;
	return calloc(n, size);
}

void *
fw_realloc(void *p, size_t size)
{
	return realloc(p, size == 0 ? 1 : size);
}

void
fw_free(void *p)
{
	free(p);
}

void
fw_stack_guard_init(void)
{
	uintptr_t g;

	hal_random_bytes(&g, sizeof(g));
	/* A zero low byte stops string overflows from copying the guard. */
	__stack_chk_guard = g & ~(uintptr_t)0xff;
}
