/*
 * svc/sbuf.h: a growing text buffer on the kernel heap, for generated
 * files (procfs).  Formatting is fw_vsnprintf's (fw/log.h).  Running out
 * of memory is sticky: later appends do nothing and sbuf_error() says
 * -ENOMEM.  Not shared: the owner needs no lock.
 */
#ifndef SVC_SBUF_H
#define SVC_SBUF_H

#include <fw/types.h>

struct sbuf {
	char	*buf;		/* fw_alloc'd, NUL-terminated when len > 0 */
	size_t	 len, cap;
	bool	 oom;
};

/* Appends formatted text / bytes. */
void	sbuf_printf(struct sbuf *sb, const char *fmt, ...) FW_PRINTF(2, 3);
void	sbuf_put(struct sbuf *sb, const void *p, size_t len);
/* 0, or -ENOMEM if an append failed. */
FW_MUST_CHECK int	sbuf_error(const struct sbuf *sb);
/* Frees the text; sb is empty again. */
void	sbuf_free(struct sbuf *sb);

#endif
