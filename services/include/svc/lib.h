/*
 * svc/lib.h: the small string and number helpers the services share
 * (services/lib).  Pure functions on kernel memory; none sleeps.
 */
#ifndef SVC_LIB_H
#define SVC_LIB_H

#include <fw/types.h>
#include <fw/string.h>

size_t	 str_len(const char *s);
size_t	 str_nlen(const char *s, size_t max);
int	 str_cmp(const char *a, const char *b);
int	 str_ncmp(const char *a, const char *b, size_t n);
bool	 str_eq(const char *a, const char *b);
/* Copies with truncation; dst is always terminated (if n > 0); returns str_len(src). */
size_t	 str_lcpy(char *dst, const char *src, size_t n);
char	*str_chr(const char *s, int c);		/* NULL if absent */
char	*str_rchr(const char *s, int c);
/* A heap copy (fw_alloc) of s, or NULL. */
char	*str_dup(const char *s);
/* Parses an unsigned number in base (8, 10, 16; 0 detects the prefix): 0, or -EINVAL. */
int	 str_to_u64(const char *s, unsigned int base, uint64_t *out);

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#define MIN(a, b)	((a) < (b) ? (a) : (b))
#define MAX(a, b)	((a) > (b) ? (a) : (b))

#endif
