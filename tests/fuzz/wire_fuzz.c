/*
 * tests/fuzz/wire_fuzz.c: the wire layer of the TCP/IP stack
 * (services/net/wire*.c) over arbitrary bytes.  The input is an Ethernet
 * frame walked down the layers as the stack will (checksums not verified,
 * so the fuzzer reaches the L4 parsers); every layer that parses is
 * emitted again, with checksums, and the emitted bytes must parse, with
 * checksums verified, to the same fields.  Every parser also sees the raw
 * input as its own layer.  Any disagreement aborts; ASan and UBSan catch
 * the rest.  Seeds: the unit tests' golden frames (corpus/wire/).
 */
#include <stdlib.h>
#include <string.h>

#include "wire.h"

#define CHECK(c)	do { if (!(c)) abort(); } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n);

static uint8_t out[70000];

static void
in_bounds(size_t off, size_t len, size_t n)
{
	CHECK(off <= n && len <= n - off);
}

static bool
opt_eq(const struct wire_tcp_opt *a, const struct wire_tcp_opt *b)
{
	int i;

	if (a->has_mss != b->has_mss || a->has_wscale != b->has_wscale ||
	    a->sack_perm != b->sack_perm || a->has_ts != b->has_ts ||
	    a->nsack != b->nsack)
		return false;
	if ((a->has_mss && a->mss != b->mss) ||
	    (a->has_wscale && a->wscale != b->wscale) ||
	    (a->has_ts && (a->tsval != b->tsval || a->tsecr != b->tsecr)))
		return false;
	for (i = 0; i < a->nsack; i++)
		if (a->sack[i][0] != b->sack[i][0] ||
		    a->sack[i][1] != b->sack[i][1])
			return false;
	return true;
}

static void
rt_tcp(const uint8_t *seg, const struct wire_tcp *t,
    const struct wire_pseudo *ph)
{
	struct wire_csum cs = { .mode = WIRE_CSUM_FULL };
	struct wire_tcp b;
	int h = wire_tcp_hdr_len(&t->opt);

	if (h < 0 || (size_t)h + t->len > 0xffff)
		return;		/* options that fit only unpadded */
	memcpy(out + h, seg + t->off, t->len);
	CHECK(wire_tcp_emit(out, sizeof(out), 0, t->len, t, ph, &cs) == h);
	CHECK(wire_tcp_parse(out, (size_t)h + t->len, ph, true, &b) == 0);
	CHECK(b.sport == t->sport && b.dport == t->dport && b.seq == t->seq &&
	    b.ack == t->ack && b.flags == t->flags && b.win == t->win &&
	    b.urg == t->urg && b.len == t->len && opt_eq(&b.opt, &t->opt));
}

static void
rt_udp(const uint8_t *seg, const struct wire_udp *u,
    const struct wire_pseudo *ph)
{
	struct wire_csum cs = { .mode = WIRE_CSUM_FULL };
	struct wire_udp b;

	memcpy(out + WIRE_UDP_LEN, seg + u->off, u->len);
	CHECK(wire_udp_emit(out, sizeof(out), 0, u->len, u, ph, &cs) == 8);
	CHECK(wire_udp_parse(out, 8 + u->len, ph, true, &b) == 0);
	CHECK(b.sport == u->sport && b.dport == u->dport && b.len == u->len);
}

static void
rt_icmp(const uint8_t *seg, const struct wire_icmp *m)
{
	struct wire_icmp b;

	memcpy(out + 8, seg + m->off, m->len);
	CHECK(wire_icmp_emit(out, sizeof(out), 0, m->len, m) == 8);
	CHECK(wire_icmp_parse(out, 8 + m->len, true, &b) == 0);
	CHECK(b.type == m->type && b.code == m->code && b.id == m->id &&
	    b.seq == m->seq && b.mtu == m->mtu && b.len == m->len);
	CHECK(memcmp(&b.q, &m->q, sizeof(b.q)) == 0);
}

static void
rt_icmp6(const uint8_t *seg, const struct wire_icmp6 *m,
    const struct wire_pseudo *ph)
{
	struct wire_csum cs = { .mode = WIRE_CSUM_FULL };
	size_t h = wire_icmp6_hdr_len(m);
	bool nd = m->type >= WIRE_ND_RS && m->type <= WIRE_ND_NA;
	size_t plen = nd ? 0 : m->len;
	struct wire_icmp6 b;

	memcpy(out + h, seg + m->off, plen);
	CHECK(wire_icmp6_emit(out, sizeof(out), 0, plen, m, ph, &cs) ==
	    (int)h);
	CHECK(wire_icmp6_parse(out, h + plen, ph, true, &b) == 0);
	CHECK(b.type == m->type && b.code == m->code && b.id == m->id &&
	    b.seq == m->seq && b.mtu == m->mtu);
	CHECK(memcmp(&b.q, &m->q, sizeof(b.q)) == 0);
	CHECK(memcmp(&b.nd, &m->nd, sizeof(b.nd)) == 0);
}

/* The transport layer in seg[0..n); verify must only ever refuse more. */
static void
l4(const uint8_t *seg, size_t n, uint8_t proto, const struct wire_pseudo *ph)
{
	struct wire_icmp6 m6;
	struct wire_icmp m4;
	struct wire_tcp t;
	struct wire_udp u;

	if (proto == WIRE_IP_TCP &&
	    wire_tcp_parse(seg, n, ph, false, &t) == 0) {
		in_bounds(t.off, t.len, n);
		rt_tcp(seg, &t, ph);
	} else if (proto == WIRE_IP_TCP) {
		CHECK(wire_tcp_parse(seg, n, ph, true, &t) < 0);
	}
	if (proto == WIRE_IP_UDP &&
	    wire_udp_parse(seg, n, ph, false, &u) == 0) {
		in_bounds(u.off, u.len, n);
		rt_udp(seg, &u, ph);
	}
	if (proto == WIRE_IP_ICMP && ph->family == 4 &&
	    wire_icmp_parse(seg, n, false, &m4) == 0) {
		in_bounds(m4.off, m4.len, n);
		rt_icmp(seg, &m4);
	}
	if (proto == WIRE_IP_ICMP6 && ph->family == 6 &&
	    wire_icmp6_parse(seg, n, ph, false, &m6) == 0) {
		in_bounds(m6.off, m6.len, n);
		rt_icmp6(seg, &m6, ph);
	}
}

static void
ip4(const uint8_t *p, size_t n)
{
	struct wire_pseudo ph;
	struct wire_ip4 ip, b;

	if (wire_ip4_parse(p, n, false, &ip) < 0)
		return;
	in_bounds(ip.off, ip.len, n);
	memcpy(out + 20, p + ip.off, ip.len);
	CHECK(wire_ip4_emit(out, sizeof(out), 0, ip.len, &ip) == 20);
	CHECK(wire_ip4_parse(out, 20 + ip.len, true, &b) == 0);
	CHECK(b.tos == ip.tos && b.ttl == ip.ttl && b.proto == ip.proto &&
	    b.id == ip.id && b.df == ip.df && b.mf == ip.mf &&
	    b.frag_off == ip.frag_off && b.len == ip.len &&
	    memcmp(b.src, ip.src, 4) == 0 && memcmp(b.dst, ip.dst, 4) == 0);
	wire_ip4_pseudo(&ip, &ph);
	if (!ip.mf && ip.frag_off == 0)
		l4(p + ip.off, ip.len, ip.proto, &ph);
}

static void
ip6(const uint8_t *p, size_t n)
{
	struct wire_pseudo ph;
	struct wire_ip6 ip, b;

	if (wire_ip6_parse(p, n, &ip) < 0)
		return;
	in_bounds(ip.off, ip.len, n);
	wire_ip6_pseudo(&ip, &ph);
	if (ip.frag) {		/* the fragment header is not re-emitted */
		if (!ip.mf && ip.frag_off == 0)
			l4(p + ip.off, ip.len, ip.proto, &ph);
		return;
	}
	memcpy(out + 40, p + ip.off, ip.len);
	CHECK(wire_ip6_emit(out, sizeof(out), 0, ip.len, &ip) == 40);
	CHECK(wire_ip6_parse(out, 40 + ip.len, &b) == 0);
	CHECK(b.tclass == ip.tclass && b.flow == ip.flow &&
	    b.hop_limit == ip.hop_limit && b.proto == ip.proto &&
	    b.off == 40 && b.len == ip.len &&
	    memcmp(b.src, ip.src, 16) == 0 && memcmp(b.dst, ip.dst, 16) == 0);
	l4(p + ip.off, ip.len, ip.proto, &ph);
}

int
LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
	struct wire_pseudo ph = { .family = 4 };
	struct wire_eth e, eb;
	struct wire_arp a, ab;
	int h;

	/* Every parser on the raw bytes, as v4 and v6. */
	ip4(d, n);
	ip6(d, n);
	l4(d, n, WIRE_IP_TCP, &ph);
	l4(d, n, WIRE_IP_UDP, &ph);
	l4(d, n, WIRE_IP_ICMP, &ph);
	ph.family = 6;
	l4(d, n, WIRE_IP_UDP, &ph);
	l4(d, n, WIRE_IP_ICMP6, &ph);
	if (wire_arp_parse(d, n, &a) == 0) {
		CHECK(wire_arp_emit(out, sizeof(out), 0, &a) == 28);
		CHECK(wire_arp_parse(out, 28, &ab) == 0);
		CHECK(memcmp(&a, &ab, sizeof(a)) == 0);
	}
	/* The frame, down the layers. */
	if (wire_eth_parse(d, n, &e) < 0)
		return 0;
	in_bounds(e.off, e.len, n);
	h = wire_eth_emit(out, sizeof(out), 0, 0, &e);
	CHECK(h == (int)e.off && wire_eth_parse(out, (size_t)h, &eb) == 0);
	CHECK(eb.type == e.type && eb.vlan == e.vlan && eb.tci == e.tci &&
	    memcmp(eb.dst, e.dst, 6) == 0 && memcmp(eb.src, e.src, 6) == 0);
	if (e.type == WIRE_ETH_IP4)
		ip4(d + e.off, e.len);
	else if (e.type == WIRE_ETH_IP6)
		ip6(d + e.off, e.len);
	return 0;
}
