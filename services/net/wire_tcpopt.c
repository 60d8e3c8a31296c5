/*
 * net/wire_tcpopt.c: TCP options (RFC 9293 3.2: EOL, NOP, MSS; RFC 7323:
 * window scale, timestamps; RFC 2018: SACK-permitted, SACK).  Called by
 * wire_tcp.c; interface in wire.h.
 */
#include "wire.h"

#define TCPOPT_EOL	0
#define TCPOPT_NOP	1
#define TCPOPT_MSS	2
#define TCPOPT_WSCALE	3
#define TCPOPT_SACKPERM	4
#define TCPOPT_SACK	5
#define TCPOPT_TS	8

/* The option of kind p[0] and length olen (checked to fit) at p. */
static int
tcpopt_one(const uint8_t *p, size_t olen, struct wire_tcp_opt *o)
{
	size_t i;

	switch (p[0]) {
	case TCPOPT_MSS:
		if (olen != 4)
			return -EBADMSG;
		o->has_mss = true;
		o->mss = wire_get16(p + 2);
		return 0;
	case TCPOPT_WSCALE:
		if (olen != 3)
			return -EBADMSG;
		o->has_wscale = true;
		o->wscale = p[2];
		return 0;
	case TCPOPT_SACKPERM:
		if (olen != 2)
			return -EBADMSG;
		o->sack_perm = true;
		return 0;
	case TCPOPT_SACK:
		/* 40 bytes of options hold at most 4 blocks. */
		if (olen < 10 || (olen - 2) % 8 != 0 ||
		    (olen - 2) / 8 > WIRE_TCP_SACK_MAX)
			return -EBADMSG;
		o->nsack = (uint8_t)((olen - 2) / 8);
		for (i = 0; i < o->nsack; i++) {
			o->sack[i][0] = wire_get32(p + 2 + 8 * i);
			o->sack[i][1] = wire_get32(p + 6 + 8 * i);
		}
		return 0;
	case TCPOPT_TS:
		if (olen != 10)
			return -EBADMSG;
		o->has_ts = true;
		o->tsval = wire_get32(p + 2);
		o->tsecr = wire_get32(p + 6);
		return 0;
	default:
		return 0;	/* unknown: skipped */
	}
}

int
wire_tcpopt_parse(const uint8_t *p, size_t len, struct wire_tcp_opt *o)
{
	size_t i = 0, olen;
	int err;

	memset(o, 0, sizeof(*o));
	while (i < len && p[i] != TCPOPT_EOL) {
		if (p[i] == TCPOPT_NOP) {
			i++;
			continue;
		}
		if (len - i < 2)
			return -EBADMSG;
		olen = p[i + 1];
		if (olen < 2 || olen > len - i)
			return -EBADMSG;
		if ((err = tcpopt_one(p + i, olen, o)) < 0)
			return err;
		i += olen;
	}
	return 0;
}

int
wire_tcp_hdr_len(const struct wire_tcp_opt *o)
{
	size_t n = 0;

	if (o->nsack > WIRE_TCP_SACK_MAX)
		return -EINVAL;
	if (o->has_mss)
		n += 4;
	if (o->has_ts)
		n += 12;
	else if (o->sack_perm)
		n += 4;
	if (o->has_wscale)
		n += 4;
	if (o->nsack)
		n += 4 + 8 * (size_t)o->nsack;
	if (n > WIRE_TCP_OPT_MAX)
		return -EINVAL;
	return (int)(WIRE_TCP_LEN + n);
}

/* Writes the options, len bytes (as wire_tcp_hdr_len() counted), at p. */
void
wire_tcpopt_emit(uint8_t *p, size_t len, const struct wire_tcp_opt *o)
{
	size_t i;

	memset(p, TCPOPT_NOP, len);
	if (o->has_mss) {
		p[0] = TCPOPT_MSS;
		p[1] = 4;
		wire_put16(p + 2, o->mss);
		p += 4;
	}
	if (o->has_ts) {
		if (o->sack_perm) {
			p[0] = TCPOPT_SACKPERM;
			p[1] = 2;
		}
		p[2] = TCPOPT_TS;
		p[3] = 10;
		wire_put32(p + 4, o->tsval);
		wire_put32(p + 8, o->tsecr);
		p += 12;
	} else if (o->sack_perm) {
		p[2] = TCPOPT_SACKPERM;
		p[3] = 2;
		p += 4;
	}
	if (o->has_wscale) {
		p[1] = TCPOPT_WSCALE;
		p[2] = 3;
		p[3] = o->wscale;
		p += 4;
	}
	if (o->nsack) {
		p[2] = TCPOPT_SACK;
		p[3] = (uint8_t)(2 + 8 * o->nsack);
		for (i = 0; i < o->nsack && i < WIRE_TCP_SACK_MAX; i++) {
			wire_put32(p + 4 + 8 * i, o->sack[i][0]);
			wire_put32(p + 8 + 8 * i, o->sack[i][1]);
		}
	}
}
