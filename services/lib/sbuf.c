/*
 * services/lib/sbuf.c: growing text buffers (svc/sbuf.h).  The capacity
 * doubles, from 256 bytes; the text stays NUL-terminated.
 */
#include <fw/alloc.h>
#include <fw/errno.h>
#include <fw/log.h>
#include <fw/string.h>
#include <svc/sbuf.h>

/* Room for need more bytes and a NUL: true, or false (sb->oom set). */
static bool
sbuf_grow(struct sbuf *sb, size_t need)
{
	size_t cap = sb->cap != 0 ? sb->cap : 256;
	char *n;

	if (sb->oom)
		return false;
	if (sb->len + need + 1 <= sb->cap)
		return true;
	while (cap < sb->len + need + 1)
		cap *= 2;
	if ((n = fw_realloc(sb->buf, cap)) == NULL) {
		sb->oom = true;
		return false;
	}
	sb->buf = n;
	sb->cap = cap;
	return true;
}

void
sbuf_put(struct sbuf *sb, const void *p, size_t len)
{
	if (!sbuf_grow(sb, len))
		return;
	memcpy(sb->buf + sb->len, p, len);
	sb->len += len;
	sb->buf[sb->len] = '\0';
}

void
sbuf_printf(struct sbuf *sb, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = fw_vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || !sbuf_grow(sb, (size_t)n))
		return;
	va_start(ap, fmt);
	fw_vsnprintf(sb->buf + sb->len, sb->cap - sb->len, fmt, ap);
	va_end(ap);
	sb->len += (size_t)n;
}

int
sbuf_error(const struct sbuf *sb)
{
	return sb->oom ? -ENOMEM : 0;
}

void
sbuf_free(struct sbuf *sb)
{
	fw_free(sb->buf);
	sb->buf = NULL;
	sb->len = sb->cap = 0;
	sb->oom = false;
}
