/*
 * tests/unit/services/net/wire_lie_test.c: the wire layer on damaged and
 * unusual input: every cut of every golden frame, each length field lying
 * in both directions, malformed options of IPv4, TCP and ND, IPv6
 * extension-header walks, ICMP errors and their quotes, and emitters
 * refusing what they cannot write.  Inputs are heap copies of their exact
 * size, so ASan reports any read past them.
 */
#include "wiretest.h"

static const struct {
	const uint8_t	*f;
	size_t		 n;
} frames[] = {
	{ arp_request, sizeof(arp_request) }, { icmp_echo, sizeof(icmp_echo) },
	{ tcp_syn, sizeof(tcp_syn) }, { udp_dns, sizeof(udp_dns) },
	{ ip6_ns, sizeof(ip6_ns) }, { ip6_ra, sizeof(ip6_ra) },
};

/* Offsets in the golden IPv4 frames: IP header, then L4. */
#define IP	14
#define L4	34

/* Every prefix of every golden frame fails somewhere down the layers. */
START_TEST(test_every_truncation_fails)
{
	struct parsed p;
	uint8_t *b;
	size_t cut;

	for (cut = 0; cut < frames[_i].n; cut++) {
		b = dup_bytes(frames[_i].f, cut);
		ck_assert_int_lt(parse_frame(b, cut, true, &p), 0);
		ck_assert_int_lt(parse_frame(b, cut, false, &p), 0);
		free(b);
	}
}
END_TEST

/* Ethernet padding after the IP datagram is not payload. */
START_TEST(test_ethernet_padding_ignored)
{
	struct wire_csum cs = { .mode = WIRE_CSUM_FULL };
	uint8_t b[128], out[128];
	struct parsed p;

	memset(b, 0, sizeof(b));
	memcpy(b, udp_dns, sizeof(udp_dns));
	ck_assert_int_eq(parse_frame(b, sizeof(udp_dns) + 11, true, &p), 0);
	ck_assert_uint_eq(p.udp.len, 29);
	ck_assert_int_eq(emit_frame(&p, b, out, sizeof(out), &cs),
	    (int)sizeof(udp_dns));
	memcpy(b, arp_request, sizeof(arp_request));
	ck_assert_int_eq(parse_frame(b, 60, true, &p), 0);
	memcpy(b, ip6_ns, sizeof(ip6_ns));
	ck_assert_int_eq(parse_frame(b, sizeof(ip6_ns) + 6, true, &p), 0);
	ck_assert_uint_eq(p.icmp6.len, 8);
}
END_TEST

START_TEST(test_eth_vlan_and_refusals)
{
	struct wire_eth e;
	uint8_t b[64], out[64];

	memcpy(b, arp_request, 12);
	b[12] = 0x81, b[13] = 0x00, b[14] = 0x20, b[15] = 0x05;
	b[16] = 0x08, b[17] = 0x06;
	ck_assert_int_eq(wire_eth_parse(b, 18, &e), 0);
	ck_assert(e.vlan && e.tci == 0x2005 && e.type == WIRE_ETH_ARP);
	ck_assert_uint_eq(e.off, 18);
	ck_assert_int_eq(wire_eth_emit(out, sizeof(out), 0, 0, &e), 18);
	ck_assert_mem_eq(out, b, 18);
	ck_assert_int_eq(wire_eth_parse(b, 17, &e), -EBADMSG);
	ck_assert_int_eq(wire_eth_parse(b, 13, &e), -EBADMSG);
	b[16] = 0x81, b[17] = 0x00;		/* QinQ */
	ck_assert_int_eq(wire_eth_parse(b, 18, &e), -EOPNOTSUPP);
	b[12] = 0x05, b[13] = 0xdc;		/* an 802.3 length, 1500 */
	ck_assert_int_eq(wire_eth_parse(b, 18, &e), -EOPNOTSUPP);
}
END_TEST

START_TEST(test_arp_other_than_ether_ip4_refused)
{
	struct wire_arp a;
	uint8_t b[28];

	memcpy(b, arp_request + IP, 28);
	ck_assert_int_eq(wire_arp_parse(b, 28, &a), 0);
	b[1] = 6;				/* IEEE 802 */
	ck_assert_int_eq(wire_arp_parse(b, 28, &a), -EOPNOTSUPP);
	b[1] = 1, b[5] = 16;			/* plen 16 */
	ck_assert_int_eq(wire_arp_parse(b, 28, &a), -EOPNOTSUPP);
}
END_TEST

/* Copies icmp_echo's IP datagram and applies one damage. */
static int
ip4_with(int damage, bool verify)
{
	uint8_t b[sizeof(icmp_echo) - IP + 8];
	size_t n = sizeof(icmp_echo) - IP;
	struct wire_ip4 ip;
	uint8_t *c;
	int r;

	memcpy(b, icmp_echo + IP, n);
	switch (damage) {
	case 0: break;					/* none */
	case 1: b[0] = 0x55; break;			/* version 5 */
	case 2: b[0] = 0x44; break;			/* IHL 4 */
	case 3: b[2] = 0, b[3] = 19; break;		/* total < 20 */
	case 4: b[2] = 0, b[3] = (uint8_t)(n + 1); break;	/* > buffer */
	case 5: b[0] = 0x46, b[2] = 0, b[3] = 22; break; /* total < IHL */
	case 6: b[8] = 1; break;			/* checksum stale */
	case 7: b[6] = 0x1f, b[7] = 0xff; break;	/* ends past 65535 */
	case 8: b[0] = 0x4f; break;	/* IHL 60: options overrun into L4 */
	case 9: b[0] = 0x4f, b[2] = 0, b[3] = 20, n = 20; break; /* IHL > all */
	default: ck_abort();
	}
	c = dup_bytes(b, n);
	r = wire_ip4_parse(c, n, verify, &ip);
	free(c);
	return r;
}

START_TEST(test_ip4_lying_fields)
{
	static const int want[] = { 0, -EBADMSG, -EBADMSG, -EBADMSG, -EBADMSG,
		-EBADMSG, 0, -EBADMSG, -EBADMSG, -EBADMSG };

	ck_assert_int_eq(ip4_with(_i, false), want[_i]);
	ck_assert_int_eq(ip4_with(_i, true), _i == 6 ? -EBADMSG : want[_i]);
}
END_TEST

/* An IPv4 header with 4 bytes of options o, checksum left stale. */
static int
ip4_opts(const uint8_t o[4], struct wire_ip4 *ip)
{
	uint8_t b[28];

	memcpy(b, icmp_echo + IP, 20);
	memcpy(b + 20, o, 4);
	b[0] = 0x46;
	b[2] = 0, b[3] = 28;
	memset(b + 24, 0, 4);
	return wire_ip4_parse(b, sizeof(b), false, ip);
}

START_TEST(test_ip4_options_length_checked)
{
	static const uint8_t nops[4] = { 1, 1, 1, 0 }, rr[4] = { 7, 4, 4, 0 };
	static const uint8_t zero[4] = { 7, 0, 1, 1 }, one[4] = { 7, 1, 1, 1 };
	static const uint8_t over[4] = { 1, 7, 4, 1 }, last[4] = { 1, 1, 1, 7 };
	struct wire_ip4 ip;

	ck_assert_int_eq(ip4_opts(nops, &ip), 0);
	ck_assert_uint_eq(ip.hlen, 24);
	ck_assert_uint_eq(ip.off, 24);
	ck_assert_uint_eq(ip.len, 4);
	ck_assert_int_eq(ip4_opts(rr, &ip), 0);
	ck_assert_int_eq(ip4_opts(zero, &ip), -EBADMSG);
	ck_assert_int_eq(ip4_opts(one, &ip), -EBADMSG);
	ck_assert_int_eq(ip4_opts(over, &ip), -EBADMSG);
	ck_assert_int_eq(ip4_opts(last, &ip), -EBADMSG);
}
END_TEST

/* tcp_syn's segment with one damage, parsed with and without verify. */
static int
tcp_with(const uint8_t *patch, size_t at, size_t plen, bool verify,
    struct wire_tcp *t)
{
	struct wire_pseudo ph;
	struct wire_ip4 ip;
	size_t n = sizeof(tcp_syn) - L4;
	uint8_t *b = dup_bytes(tcp_syn + L4, n);
	int r;

	memcpy(b + at, patch, plen);
	ck_assert_int_eq(wire_ip4_parse(tcp_syn + IP, sizeof(tcp_syn) - IP,
	    true, &ip), 0);
	wire_ip4_pseudo(&ip, &ph);
	r = wire_tcp_parse(b, n, &ph, verify, t);
	free(b);
	return r;
}

START_TEST(test_tcp_lying_offsets_and_options)
{
	static const struct {
		uint8_t	 patch[4];
		size_t	 at, len;
		int	 want;
	} c[] = {
		{ { 0x40 }, 12, 1, -EBADMSG },		/* data offset 4 */
		{ { 0xf0 }, 12, 1, -EBADMSG },		/* 60 > segment 40 */
		{ { 0x50 }, 12, 1, 0 },			/* 20: no options */
		{ { 2, 3 }, 20, 2, -EBADMSG },		/* MSS length 3 */
		{ { 30, 0 }, 20, 2, -EBADMSG },		/* length 0 */
		{ { 30, 1 }, 20, 2, -EBADMSG },		/* length 1 */
		{ { 30, 4 }, 20, 2, 0 },		/* unknown: skipped */
		{ { 3, 4 }, 37, 2, -EBADMSG },		/* overruns the end */
		{ { 1, 1, 1, 30 }, 36, 4, -EBADMSG },	/* kind, no length */
		{ { 8, 8 }, 26, 2, -EBADMSG },		/* timestamps 8 */
		{ { 4, 3 }, 24, 2, -EBADMSG },		/* SACK-perm 3 */
		{ { 5, 11 }, 24, 2, -EBADMSG },		/* SACK 11 */
		{ { 5, 2 }, 24, 2, -EBADMSG },		/* SACK, no block */
		{ { 0, 9, 9, 9 }, 20, 4, 0 },		/* EOL ends the walk */
	};
	struct wire_tcp t;

	ck_assert_int_eq(tcp_with(c[_i].patch, c[_i].at, c[_i].len, false,
	    &t), c[_i].want);
	if (c[_i].want == 0 && c[_i].at == 20)
		ck_assert(!t.opt.has_mss && t.opt.has_ts == (_i == 6));
}
END_TEST

START_TEST(test_tcp_checksum_checked)
{
	static const uint8_t z = 0x55;
	struct wire_tcp t;

	ck_assert_int_eq(tcp_with(&z, 19, 1, true, &t), -EBADMSG);
	ck_assert_int_eq(tcp_with(&z, 19, 1, false, &t), 0);
	ck_assert_uint_eq(t.urg, 0x55);
}
END_TEST

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

/* Options emitted Linux's way parse back to the same struct. */
START_TEST(test_tcp_options_round_trip)
{
	struct wire_tcp_opt o[6], back;
	struct wire_csum cs = { .mode = WIRE_CSUM_FULL };
	struct wire_pseudo ph = { .family = 4 };
	struct wire_tcp t, p;
	uint8_t b[80];
	static const int hl[6] = { 20, 40, 32, 32, 60, 32 };
	int n;

	memset(o, 0, sizeof(o));
	o[1] = (struct wire_tcp_opt){ .has_mss = true, .mss = 1460,
		.sack_perm = true, .has_ts = true, .tsval = 1, .tsecr = 2,
		.has_wscale = true, .wscale = 14 };
	o[2] = (struct wire_tcp_opt){ .has_ts = true, .tsval = 7,
		.tsecr = 0xffffffff };
	o[3] = (struct wire_tcp_opt){ .sack_perm = true, .has_mss = true,
		.mss = 536, .has_wscale = true };
	o[4] = (struct wire_tcp_opt){ .has_ts = true, .nsack = 3,
		.sack = { { 1, 2 }, { 3, 4 }, { 0xfffffff0, 5 } } };
	o[5] = (struct wire_tcp_opt){ .nsack = 1, .sack = { { 9, 10 } } };
	memset(&t, 0, sizeof(t));
	t.opt = o[_i];
	t.flags = WIRE_TCP_ACK;
	ck_assert_int_eq(wire_tcp_hdr_len(&t.opt), hl[_i]);
	n = wire_tcp_emit(b, sizeof(b), 0, 0, &t, &ph, &cs);
	ck_assert_int_eq(n, hl[_i]);
	ck_assert_int_eq(wire_tcp_parse(b, (size_t)n, &ph, true, &p), 0);
	back = p.opt;
	ck_assert(opt_eq(&back, &o[_i]));
}
END_TEST

/* Called with more than a header's 40 bytes, SACK still fits its array. */
START_TEST(test_tcpopt_sack_bounded_by_array)
{
	struct wire_tcp_opt o;
	uint8_t b[255];

	memset(b, 0, sizeof(b));
	b[0] = 5;
	b[1] = 2 + 8 * 5;
	ck_assert_int_eq(wire_tcpopt_parse(b, sizeof(b), &o), -EBADMSG);
	b[1] = 2 + 8 * 4;
	ck_assert_int_eq(wire_tcpopt_parse(b, sizeof(b), &o), 0);
	ck_assert_uint_eq(o.nsack, 4);
}
END_TEST

START_TEST(test_tcp_options_too_long_refused)
{
	struct wire_tcp_opt o = { .has_ts = true, .nsack = 4 };
	struct wire_csum cs = { .mode = WIRE_CSUM_FULL };
	struct wire_pseudo ph = { .family = 4 };
	struct wire_tcp t = { .opt = o };
	uint8_t b[80];

	ck_assert_int_eq(wire_tcp_hdr_len(&o), -EINVAL);
	ck_assert_int_eq(wire_tcp_emit(b, sizeof(b), 0, 0, &t, &ph, &cs),
	    -EINVAL);
	o.has_ts = false;
	o.nsack = 5;
	ck_assert_int_eq(wire_tcp_hdr_len(&o), -EINVAL);
	o.nsack = 4;
	ck_assert_int_eq(wire_tcp_hdr_len(&o), 56);
}
END_TEST

static int
udp_parse_copy(const uint8_t *seg, size_t n, const struct wire_pseudo *ph,
    bool verify, struct wire_udp *u)
{
	uint8_t *b = dup_bytes(seg, n);
	int r = wire_udp_parse(b, n, ph, verify, u);

	free(b);
	return r;
}

START_TEST(test_udp_lying_lengths)
{
	struct wire_pseudo ph = { .family = 4 };
	size_t n = sizeof(udp_dns) - L4;
	struct wire_udp u;
	uint8_t b[64];

	memcpy(b, udp_dns + L4, n);
	b[4] = 0, b[5] = 7;			/* under the header */
	ck_assert_int_eq(udp_parse_copy(b, n, &ph, false, &u), -EBADMSG);
	b[5] = (uint8_t)(n + 1);		/* over the buffer */
	ck_assert_int_eq(udp_parse_copy(b, n, &ph, false, &u), -EBADMSG);
	b[5] = 20;				/* under it: obeyed */
	ck_assert_int_eq(udp_parse_copy(b, n, &ph, false, &u), 0);
	ck_assert_uint_eq(u.len, 12);
	ck_assert_int_eq(udp_parse_copy(b, 7, &ph, false, &u), -EBADMSG);
}
END_TEST

/* 0 means no checksum over IPv4 only; a computed 0 is sent as 0xffff. */
START_TEST(test_udp_zero_checksum)
{
	struct wire_csum full = { .mode = WIRE_CSUM_FULL };
	struct wire_csum none = { .mode = WIRE_CSUM_NONE };
	struct wire_pseudo ph = { .family = 4, .src = { 10, 0, 2, 15 },
		.dst = { 10, 0, 2, 3 } };
	struct wire_udp u = { .sport = 1, .dport = 2 }, back;
	uint8_t b[12] = { 0 };

	ck_assert_int_eq(wire_udp_emit(b, sizeof(b), 0, 4, &u, &ph, &none), 8);
	ck_assert_uint_eq(wire_get16(b + 6), 0);
	ck_assert_int_eq(wire_udp_parse(b, 12, &ph, true, &back), 0);
	ph.family = 6;
	ck_assert_int_eq(wire_udp_parse(b, 12, &ph, true, &back), -EBADMSG);
	ck_assert_int_eq(wire_udp_emit(b, sizeof(b), 0, 4, &u, &ph, &none),
	    -EINVAL);
	/* A payload word equal to the checksum makes the sum come out 0. */
	ck_assert_int_eq(wire_udp_emit(b, sizeof(b), 0, 4, &u, &ph, &full), 8);
	memcpy(b + 8, b + 6, 2);
	ck_assert_int_eq(wire_udp_emit(b, sizeof(b), 0, 4, &u, &ph, &full), 8);
	ck_assert_uint_eq(wire_get16(b + 6), 0xffff);
	ck_assert_int_eq(wire_udp_parse(b, 12, &ph, true, &back), 0);
}
END_TEST

static Suite *
lie_suite(void)
{
	Suite *s = suite_create("wire_lie");
	TCase *tc = tcase_create("lie");

	tcase_add_loop_test(tc, test_every_truncation_fails, 0,
	    (int)(sizeof(frames) / sizeof(frames[0])));
	tcase_add_test(tc, test_ethernet_padding_ignored);
	tcase_add_test(tc, test_eth_vlan_and_refusals);
	tcase_add_test(tc, test_arp_other_than_ether_ip4_refused);
	tcase_add_loop_test(tc, test_ip4_lying_fields, 0, 10);
	tcase_add_test(tc, test_ip4_options_length_checked);
	tcase_add_loop_test(tc, test_tcp_lying_offsets_and_options, 0, 14);
	tcase_add_test(tc, test_tcp_checksum_checked);
	tcase_add_loop_test(tc, test_tcp_options_round_trip, 0, 6);
	tcase_add_test(tc, test_tcpopt_sack_bounded_by_array);
	tcase_add_test(tc, test_tcp_options_too_long_refused);
	tcase_add_test(tc, test_udp_lying_lengths);
	tcase_add_test(tc, test_udp_zero_checksum);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(lie_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
