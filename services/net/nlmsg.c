/*
 * services/net/nlmsg.c: building netlink messages (netlink(7)): headers,
 * attributes padded to 4 bytes, acknowledgements and the end of a dump;
 * cutting a dump into datagrams; and finding an attribute in a request.
 * See netlink.h.
 * Locks: none; a struct nlb is its builder's alone.
 */
#include <fw/alloc.h>
#include <fw/errno.h>
#include <fw/string.h>
#include <svc/lib.h>
#include "netlink.h"

void
nlb_init(struct nlb *b)
{
	memset(b, 0, sizeof(*b));
}

void
nlb_free(struct nlb *b)
{
	fw_free(b->buf);
	nlb_init(b);
}

/* Appends len bytes (NULL: zeros) padded to 4: their offset, or 0. */
static size_t
nlb_put(struct nlb *b, const void *data, size_t len)
{
	size_t need = LINUX_NLMSG_ALIGN(len), at = b->len, cap;
	uint8_t *nb;

	if (b->err < 0)
		return 0;
	if (b->cap - b->len < need) {
		cap = MAX(b->cap * 2, b->len + need + 256);
		if ((nb = fw_realloc(b->buf, cap)) == NULL) {
			b->err = -ENOMEM;
			return 0;
		}
		b->buf = nb;
		b->cap = cap;
	}
	memset(b->buf + at, 0, need);
	if (data != NULL)
		memcpy(b->buf + at, data, len);
	b->len += need;
	return at;
}

void
nlb_begin(struct nlb *b, uint16_t type, uint16_t flags, uint32_t seq,
    uint32_t pid, const void *hdr, size_t hlen)
{
	struct linux_nlmsghdr h = { 0, type, flags, seq, pid };

	b->msg = b->len;
	(void)nlb_put(b, &h, sizeof(h));
	if (hlen > 0)
		(void)nlb_put(b, hdr, hlen);
}

void
nlb_attr(struct nlb *b, uint16_t type, const void *data, size_t len)
{
	struct linux_rtattr a = { (uint16_t)(sizeof(a) + len), type };

	if (nlb_put(b, &a, sizeof(a)) == 0 && b->err < 0)
		return;
	(void)nlb_put(b, data, len);
}

void
nlb_attr_u8(struct nlb *b, uint16_t type, uint8_t v)
{
	nlb_attr(b, type, &v, 1);
}

void
nlb_attr_u32(struct nlb *b, uint16_t type, uint32_t v)
{
	nlb_attr(b, type, &v, 4);
}

void
nlb_attr_str(struct nlb *b, uint16_t type, const char *s)
{
	nlb_attr(b, type, s, str_len(s) + 1);
}

void
nlb_end(struct nlb *b)
{
	uint32_t len = (uint32_t)(b->len - b->msg);

	if (b->err == 0)
		memcpy(b->buf + b->msg, &len, sizeof(len));
}

void
nlb_ack(struct nlb *b, const uint8_t *req, size_t reqlen, uint32_t pid,
    int err, bool cap)
{
	struct linux_nlmsghdr h;
	bool whole = err != 0 && !cap;

	memcpy(&h, req, sizeof(h));
	nlb_begin(b, LINUX_NLMSG_ERROR, whole ? 0 : LINUX_NLM_F_CAPPED,
	    h.nlmsg_seq, pid, &err, sizeof(err));
	(void)nlb_put(b, req, whole ? reqlen : sizeof(h));
	nlb_end(b);
}

void
nlb_done(struct nlb *b, uint32_t seq, uint32_t pid)
{
	int32_t zero = 0;

	nlb_begin(b, LINUX_NLMSG_DONE, LINUX_NLM_F_MULTI, seq, pid, &zero,
	    sizeof(zero));
	nlb_end(b);
}

size_t
nl_chunk_len(const uint8_t *buf, size_t len, size_t limit)
{
	struct linux_nlmsghdr h;
	size_t n = 0, mlen;

	while (len - n >= sizeof(h)) {
		memcpy(&h, buf + n, sizeof(h));
		mlen = LINUX_NLMSG_ALIGN(h.nlmsg_len);
		if (h.nlmsg_len < sizeof(h) || mlen > len - n)
			break;
		if (n > 0 && n + mlen > limit)
			break;			/* never split a message */
		n += mlen;
	}
	return n;
}

const uint8_t *
nl_attr_find(const uint8_t *attrs, size_t len, uint16_t type, size_t *alen)
{
	struct linux_rtattr a;
	size_t off = 0;

	while (len - off >= sizeof(a)) {
		memcpy(&a, attrs + off, sizeof(a));
		if (a.rta_len < sizeof(a) || a.rta_len > len - off)
			return NULL;
		if ((a.rta_type & 0x3fff) == type) {	/* less NLA_F_ bits */
			*alen = a.rta_len - sizeof(a);
			return attrs + off + sizeof(a);
		}
		off += LINUX_NLMSG_ALIGN(a.rta_len);
		if (off > len)
			return NULL;
	}
	return NULL;
}
