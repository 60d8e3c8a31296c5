/*
 * p9wire.c: bounds-checked little-endian fields of 9P messages (see
 * p9wire.h).  Every length is checked against the buffer before a byte
 * is touched.
 */
#include <string.h>

#include "p9wire.h"

void
p9_in_init(struct p9_in *in, const uint8_t *p, size_t len)
{
	in->p = p;
	in->len = len;
	in->off = 0;
	in->bad = false;
}

const uint8_t *
p9_getbytes(struct p9_in *in, size_t n)
{
	const uint8_t *b;

	if (in->bad || n > in->len - in->off) {
		in->bad = true;
		return NULL;
	}
	b = in->p + in->off;
	in->off += n;
	return b;
}

static uint64_t
get_le(struct p9_in *in, size_t n)
{
	const uint8_t *b = p9_getbytes(in, n);
	uint64_t v = 0;

	if (b == NULL)
		return 0;
	while (n-- > 0)
		v = (v << 8) | b[n];
	return v;
}

uint8_t
p9_get8(struct p9_in *in)
{
	return (uint8_t)get_le(in, 1);
}

uint16_t
p9_get16(struct p9_in *in)
{
	return (uint16_t)get_le(in, 2);
}

uint32_t
p9_get32(struct p9_in *in)
{
	return (uint32_t)get_le(in, 4);
}

uint64_t
p9_get64(struct p9_in *in)
{
	return get_le(in, 8);
}

struct p9_str
p9_getstr(struct p9_in *in)
{
	struct p9_str s = { "", 0 };
	uint16_t len = p9_get16(in);
	const uint8_t *b = p9_getbytes(in, len);

	if (b != NULL) {
		s.s = (const char *)b;
		s.len = len;
	}
	return s;
}

void
p9_out_init(struct p9_out *out, uint8_t *p, size_t cap)
{
	out->p = p;
	out->cap = cap;
	out->off = 0;
	out->over = false;
}

uint8_t *
p9_reserve(struct p9_out *out, size_t n)
{
	uint8_t *b;

	if (out->over || n > out->cap - out->off) {
		out->over = true;
		return NULL;
	}
	b = out->p + out->off;
	out->off += n;
	return b;
}

static void
put_le(struct p9_out *out, uint64_t v, size_t n)
{
	uint8_t *b = p9_reserve(out, n);

	if (b == NULL)
		return;
	for (size_t i = 0; i < n; i++, v >>= 8)
		b[i] = (uint8_t)v;
}

void
p9_put8(struct p9_out *out, uint8_t v)
{
	put_le(out, v, 1);
}

void
p9_put16(struct p9_out *out, uint16_t v)
{
	put_le(out, v, 2);
}

void
p9_put32(struct p9_out *out, uint32_t v)
{
	put_le(out, v, 4);
}

void
p9_put64(struct p9_out *out, uint64_t v)
{
	put_le(out, v, 8);
}

/* The caller bounds len to 65535 (a 9P string's length is 16 bits). */
void
p9_putstr(struct p9_out *out, const char *s, size_t len)
{
	uint8_t *b;

	p9_put16(out, (uint16_t)len);
	if ((b = p9_reserve(out, len)) != NULL)
		memcpy(b, s, len);
}

void
p9_putqid(struct p9_out *out, const struct p9_qid *q)
{
	p9_put8(out, q->type);
	p9_put32(out, q->version);
	p9_put64(out, q->path);
}
