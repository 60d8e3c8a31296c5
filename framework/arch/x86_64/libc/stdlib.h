/*
 * stdlib.h for the bare-metal kernel (-nostdinc): the allocation functions
 * the framework core's heap (core/alloc.c) is written on.  The kernel
 * defines them over framework/arch/heap.c (arch/x86_64/platform.c).
 */
#ifndef KERNEL_STDLIB_H
#define KERNEL_STDLIB_H

#include <stddef.h>

void	*malloc(size_t size);
void	*calloc(size_t n, size_t size);
void	*realloc(void *p, size_t size);
void	 free(void *p);

#endif
