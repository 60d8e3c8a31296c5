/*
 * p9wire.h: reading and writing 9P messages' fields, bounds-checked.
 *
 * A p9_in reads fields from a received message; a read past its end
 * returns zeros and sets `bad`, so a decoder reads every field first and
 * checks `bad` once before acting.  A p9_out writes into a reply buffer of
 * fixed capacity; a write past it is dropped and sets `over`.  Neither
 * allocates.  No locks: a reader or writer belongs to one call.
 */
#ifndef P9WIRE_H
#define P9WIRE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct p9_in {
	const uint8_t	*p;
	size_t		 len, off;
	bool		 bad;		/* a read went past len */
};

struct p9_out {
	uint8_t		*p;
	size_t		 cap, off;
	bool		 over;		/* a write went past cap */
};

/* A counted string inside a message: not NUL-terminated. */
struct p9_str {
	const char	*s;
	uint16_t	 len;
};

struct p9_qid {
	uint8_t		 type;
	uint32_t	 version;
	uint64_t	 path;
};

void		 p9_in_init(struct p9_in *in, const uint8_t *p, size_t len);
uint8_t		 p9_get8(struct p9_in *in);
uint16_t	 p9_get16(struct p9_in *in);
uint32_t	 p9_get32(struct p9_in *in);
uint64_t	 p9_get64(struct p9_in *in);
struct p9_str	 p9_getstr(struct p9_in *in);
/* The next n bytes, or NULL (and `bad`) if fewer remain. */
const uint8_t	*p9_getbytes(struct p9_in *in, size_t n);

void		 p9_out_init(struct p9_out *out, uint8_t *p, size_t cap);
void		 p9_put8(struct p9_out *out, uint8_t v);
void		 p9_put16(struct p9_out *out, uint16_t v);
void		 p9_put32(struct p9_out *out, uint32_t v);
void		 p9_put64(struct p9_out *out, uint64_t v);
void		 p9_putstr(struct p9_out *out, const char *s, size_t len);
void		 p9_putqid(struct p9_out *out, const struct p9_qid *q);
/* Room for n bytes at the current offset, or NULL (and `over`). */
uint8_t		*p9_reserve(struct p9_out *out, size_t n);

#endif /* P9WIRE_H */
