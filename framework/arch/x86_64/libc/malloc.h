/*
 * malloc.h for the bare-metal kernel (-nostdinc): malloc_usable_size(),
 * which the framework core's heap accounting uses (core/alloc.c).
 */
#ifndef KERNEL_MALLOC_H
#define KERNEL_MALLOC_H

#include <stddef.h>

size_t	malloc_usable_size(void *p);

#endif
