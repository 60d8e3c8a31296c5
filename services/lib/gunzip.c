/*
 * services/lib/gunzip.c: gzip members (RFC 1952) of DEFLATE data (RFC
 * 1951): stored, fixed-code and dynamic-code blocks, decoded a bit at a
 * time through canonical Huffman tables (a count of codes per length and
 * the symbols in code order), and each member's CRC-32 and size checked.
 * Written for boot-time initramfs images: simple, bounded, not fast.
 *
 * Interface: svc/gunzip.h.  No locks.
 */
#include <fw/alloc.h>
#include <fw/errno.h>
#include <fw/string.h>
#include <svc/gunzip.h>
#include <svc/lib.h>

#define GZ_INBUF	4096
#define MAXBITS		15
#define NLIT		288
#define NDIST		30

/* The input, a bit at a time (least significant bit first). */
struct gz {
	const struct gz_src *src;
	size_t		 off;		/* of buf[0] in src */
	size_t		 have, pos;	/* bytes in buf, next one */
	uint8_t		 buf[GZ_INBUF];
	uint32_t	 acc;		/* bits not yet used */
	unsigned int	 nacc;
	int		 err;		/* sticky: the first error */
	uint8_t		*out;		/* the output, grown by fw_realloc */
	size_t		 len, cap, max;
};

/* A canonical Huffman code: codes per length, symbols in code order. */
struct huff {
	uint16_t	count[MAXBITS + 1];
	uint16_t	sym[NLIT];
};

static const uint16_t len_base[29] = {
	3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
	35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258 };
static const uint8_t len_extra[29] = {
	0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2,
	3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0 };
static const uint16_t dist_base[NDIST] = {
	1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193,
	257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289,
	16385, 24577 };
static const uint8_t dist_extra[NDIST] = {
	0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6,
	7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13 };
/* The order the code-length code's lengths come in. */
static const uint8_t clen_order[19] = {
	16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15 };

/* The next input byte, or -1 at the end (or on a read error). */
static int
gz_byte(struct gz *g)
{
	size_t n;

	if (g->pos == g->have) {
		g->off += g->have;
		g->pos = g->have = 0;
		if (g->off >= g->src->size)
			return -1;
		n = MIN(g->src->size - g->off, sizeof(g->buf));
		if (g->src->read(g->src->ctx, g->off, g->buf, n) < 0)
			return -1;
		g->have = n;
	}
	return g->buf[g->pos++];
}

/* n bits (n <= 24); at the end of the input, g->err and zeros. */
static uint32_t
gz_bits(struct gz *g, unsigned int n)
{
	uint32_t v;
	int c;

	while (g->nacc < n) {
		if ((c = gz_byte(g)) < 0) {
			g->err = -EINVAL;
			return 0;
		}
		g->acc |= (uint32_t)c << g->nacc;
		g->nacc += 8;
	}
	v = g->acc & ((1u << n) - 1);
	g->acc >>= n;
	g->nacc -= n;
	return v;
}

/* Drops the bits left of the current byte (stored blocks, trailers). */
static void
gz_align(struct gz *g)
{
	g->acc >>= g->nacc % 8;
	g->nacc -= g->nacc % 8;
}

/* A little-endian number of n bytes from the byte-aligned input. */
static uint32_t
gz_le(struct gz *g, unsigned int n)
{
	uint32_t v = 0;
	unsigned int i;

	for (i = 0; i < n; i++)
		v |= gz_bits(g, 8) << (8 * i);
	return v;
}

/* Appends one byte to the output. */
static int
gz_put(struct gz *g, uint8_t c)
{
	uint8_t *grown;
	size_t cap;

	if (g->len == g->cap) {
		if (g->len >= g->max)
			return -EFBIG;
		cap = g->cap < 65536 ? 65536 : g->cap * 2;
		if (cap > g->max)
			cap = g->max;
		if ((grown = fw_realloc(g->out, cap)) == NULL)
			return -ENOMEM;
		g->out = grown;
		g->cap = cap;
	}
	g->out[g->len++] = c;
	return 0;
}

/*
 * Builds h from n code lengths: 0, or -EINVAL when the lengths ask for
 * more codes than exist (an incomplete code is allowed: its unused codes
 * fail when met).
 */
static int
huff_build(struct huff *h, const uint8_t *lens, unsigned int n)
{
	uint16_t next[MAXBITS + 1];
	int left = 1;
	unsigned int i, l;

	memset(h->count, 0, sizeof(h->count));
	for (i = 0; i < n; i++)
		h->count[lens[i]]++;
	h->count[0] = 0;
	for (l = 1; l <= MAXBITS; l++) {
		left = left * 2 - h->count[l];
		if (left < 0)
			return -EINVAL;
	}
	next[1] = 0;
	for (l = 1; l < MAXBITS; l++)
		next[l + 1] = (uint16_t)(next[l] + h->count[l]);
	for (i = 0; i < n; i++)
		if (lens[i] != 0)
			h->sym[next[lens[i]]++] = (uint16_t)i;
	return 0;
}

/*
 * The next symbol: codes of each length are consecutive numbers, so a
 * code read so far is of this length when it falls below the first code
 * of the length plus their count.
 */
static int
huff_decode(struct gz *g, const struct huff *h)
{
	int code = 0, first = 0, index = 0, count;
	unsigned int l;

	for (l = 1; l <= MAXBITS; l++) {
		code |= (int)gz_bits(g, 1);
		if (g->err < 0)
			return g->err;
		count = h->count[l];
		if (code - first < count)
			return h->sym[index + code - first];
		index += count;
		first = (first + count) << 1;
		code <<= 1;
	}
	return -EINVAL;
}

/* Literals and matches up to the end-of-block symbol. */
static int
gz_codes(struct gz *g, const struct huff *lit, const struct huff *dist)
{
	int sym, err;
	size_t len, d, i;

	for (;;) {
		if ((sym = huff_decode(g, lit)) < 0)
			return sym;
		if (sym < 256) {
			if ((err = gz_put(g, (uint8_t)sym)) < 0)
				return err;
			continue;
		}
		if (sym == 256)
			return 0;
		if ((sym -= 257) >= 29)
			return -EINVAL;
		len = len_base[sym] + gz_bits(g, len_extra[sym]);
		if ((sym = huff_decode(g, dist)) < 0)
			return sym;
		if (sym >= NDIST)
			return -EINVAL;
		d = dist_base[sym] + gz_bits(g, dist_extra[sym]);
		if (g->err < 0)
			return g->err;
		if (d > g->len)
			return -EINVAL;		/* before the start */
		for (i = 0; i < len; i++)
			if ((err = gz_put(g, g->out[g->len - d])) < 0)
				return err;
	}
}

static int
gz_stored(struct gz *g)
{
	uint32_t len, nlen;
	int c, err;

	/*
	 * gz_bits never holds a whole byte beyond what it was asked for, so
	 * once aligned the bit buffer is empty and the data is gz_byte's.
	 */
	gz_align(g);
	len = gz_le(g, 2);
	nlen = gz_le(g, 2);
	if (g->err < 0 || (len ^ 0xffff) != nlen)
		return -EINVAL;
	for (; len > 0; len--) {
		if ((c = gz_byte(g)) < 0)
			return -EINVAL;
		if ((err = gz_put(g, (uint8_t)c)) < 0)
			return err;
	}
	return 0;
}

static int
gz_fixed(struct gz *g, struct huff *lit, struct huff *dist)
{
	uint8_t lens[NLIT];
	unsigned int i;

	for (i = 0; i < NLIT; i++)
		lens[i] = i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8;
	(void)huff_build(lit, lens, NLIT);
	for (i = 0; i < NDIST; i++)
		lens[i] = 5;
	(void)huff_build(dist, lens, NDIST);
	return gz_codes(g, lit, dist);
}

/* The literal/length and distance code lengths of a dynamic block. */
static int
gz_lengths(struct gz *g, uint8_t *lens, unsigned int n, const struct huff *h)
{
	unsigned int i = 0, rep;
	uint8_t val;
	int sym;

	while (i < n) {
		if ((sym = huff_decode(g, h)) < 0)
			return sym;
		if (sym < 16) {
			lens[i++] = (uint8_t)sym;
			continue;
		}
		val = 0;
		if (sym == 16) {
			if (i == 0)
				return -EINVAL;
			val = lens[i - 1];
			rep = 3 + gz_bits(g, 2);
		} else if (sym == 17) {
			rep = 3 + gz_bits(g, 3);
		} else {
			rep = 11 + gz_bits(g, 7);
		}
		if (g->err < 0 || rep > n - i)
			return -EINVAL;
		while (rep-- > 0)
			lens[i++] = val;
	}
	return 0;
}

static int
gz_dynamic(struct gz *g, struct huff *lit, struct huff *dist)
{
	uint8_t lens[NLIT + NDIST + 2];
	unsigned int nlit, ndist, nclen, i;
	int err;

	nlit = gz_bits(g, 5) + 257;
	ndist = gz_bits(g, 5) + 1;
	nclen = gz_bits(g, 4) + 4;
	if (g->err < 0 || nlit > NLIT - 2 || ndist > NDIST)
		return -EINVAL;
	memset(lens, 0, sizeof(lens));
	for (i = 0; i < nclen; i++)
		lens[clen_order[i]] = (uint8_t)gz_bits(g, 3);
	if (g->err < 0 || huff_build(lit, lens, 19) < 0)
		return -EINVAL;
	if ((err = gz_lengths(g, lens, nlit + ndist, lit)) < 0)
		return err;
	if (lens[256] == 0)
		return -EINVAL;			/* no end of block */
	if (huff_build(lit, lens, nlit) < 0 ||
	    huff_build(dist, &lens[nlit], ndist) < 0)
		return -EINVAL;
	return gz_codes(g, lit, dist);
}

/* The DEFLATE blocks of one member. */
static int
gz_inflate(struct gz *g)
{
	struct huff *lit, *dist;
	uint32_t last, type;
	int err = 0;

	lit = fw_alloc(sizeof(*lit));
	dist = fw_alloc(sizeof(*dist));
	if (lit == NULL || dist == NULL) {
		err = -ENOMEM;
		goto out;
	}
	do {
		last = gz_bits(g, 1);
		type = gz_bits(g, 2);
		if (g->err < 0)
			err = g->err;
		else if (type == 0)
			err = gz_stored(g);
		else if (type == 1)
			err = gz_fixed(g, lit, dist);
		else if (type == 2)
			err = gz_dynamic(g, lit, dist);
		else
			err = -EINVAL;
	} while (err == 0 && !last);
out:
	fw_free(lit);
	fw_free(dist);
	return err;
}

static uint32_t
crc32_of(const uint8_t *p, size_t n)
{
	uint32_t crc = 0xffffffffu;
	size_t i;
	int k;

	for (i = 0; i < n; i++) {
		crc ^= p[i];
		for (k = 0; k < 8; k++)
			crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
	}
	return ~crc;
}

/* Skips a zero-terminated field of the header. */
static void
gz_skip_string(struct gz *g)
{
	while (g->err == 0 && gz_bits(g, 8) != 0)
		;
}

/* One member from the current (byte-aligned) position. */
static int
gz_member(struct gz *g)
{
	uint32_t flags, crc, size;
	size_t start = g->len;
	int err;

	if (gz_bits(g, 8) != 0x1f || gz_bits(g, 8) != 0x8b ||
	    gz_bits(g, 8) != 8)
		return -EINVAL;			/* not gzip, or not deflate */
	flags = gz_bits(g, 8);
	(void)gz_le(g, 4);			/* mtime */
	(void)gz_le(g, 2);			/* extra flags, OS */
	if (flags & 0xe0)
		return -EINVAL;			/* reserved bits */
	if (flags & 0x04)			/* FEXTRA */
		for (size = gz_le(g, 2); size > 0 && g->err == 0; size--)
			(void)gz_bits(g, 8);
	if (flags & 0x08)			/* FNAME */
		gz_skip_string(g);
	if (flags & 0x10)			/* FCOMMENT */
		gz_skip_string(g);
	if (flags & 0x02)			/* FHCRC */
		(void)gz_le(g, 2);
	if (g->err < 0)
		return g->err;
	if ((err = gz_inflate(g)) < 0)
		return err;
	gz_align(g);
	crc = gz_le(g, 4);
	size = gz_le(g, 4);
	if (g->err < 0 || crc != crc32_of(&g->out[start], g->len - start) ||
	    size != (uint32_t)(g->len - start))
		return -EINVAL;
	return 0;
}

bool
gz_is_gzip(const struct gz_src *src)
{
	uint8_t m[2];

	return src->size >= 2 && src->read(src->ctx, 0, m, 2) == 0 &&
	    m[0] == 0x1f && m[1] == 0x8b;
}

int
gunzip(const struct gz_src *src, size_t cap, uint8_t **out, size_t *outlen)
{
	struct gz *g;
	int err = 0, c;

	if ((g = fw_zalloc(1, sizeof(*g))) == NULL)
		return -ENOMEM;
	g->src = src;
	g->max = cap;
	do {
		if ((err = gz_member(g)) < 0)
			break;
		/* Zero padding, then maybe another member. */
		while ((c = gz_byte(g)) == 0)
			;
		if (c >= 0)
			g->pos--;		/* the next member's first byte */
	} while (c >= 0);
	if (err == 0) {
		*out = g->out;
		*outlen = g->len;
	} else {
		fw_free(g->out);
	}
	fw_free(g);
	return err;
}
