/*
 * fw/string.h: the four memory functions a freestanding C compiler may call
 * on its own (GCC's manual, "C Language Standards": memcpy, memmove, memset,
 * memcmp).  The framework provides them on every backend; services may call
 * them directly.  They touch only kernel memory the caller owns; user memory
 * goes through fw/uaccess.h.  Everything else string-like lives in services.
 */
#ifndef FW_STRING_H
#define FW_STRING_H

#include <fw/types.h>

void	*memcpy(void *restrict dst, const void *restrict src, size_t n);
void	*memmove(void *dst, const void *src, size_t n);
void	*memset(void *dst, int c, size_t n);
int	 memcmp(const void *a, const void *b, size_t n);

#endif
