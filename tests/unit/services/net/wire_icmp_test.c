/*
 * tests/unit/services/net/wire_icmp_test.c: the wire layer's IPv6
 * extension-header walk, ICMP and ICMPv6 errors with the packets they
 * quote, and Neighbor Discovery options, well-formed and lying.
 */
#include "wiretest.h"

#define L6	(14 + 40)	/* ICMPv6 in the golden IPv6 frames */

/*
 * An IPv6 packet in b: ip6_ns's fixed header with next header nh, then
 * elen bytes of extension headers, then l4 bytes of zeros.  Its length.
 */
static size_t
ip6_build(uint8_t *b, uint8_t nh, const uint8_t *ext, size_t elen, size_t l4)
{
	size_t plen = elen + l4;

	memcpy(b, ip6_ns + 14, 40);
	b[4] = (uint8_t)(plen >> 8);
	b[5] = (uint8_t)plen;
	b[6] = nh;
	if (elen)
		memcpy(b + 40, ext, elen);
	memset(b + 40 + elen, 0, l4);
	return 40 + plen;
}

static int
ip6_parse_copy(const uint8_t *b, size_t n, struct wire_ip6 *ip)
{
	uint8_t *c = dup_bytes(b, n);
	int r = wire_ip6_parse(c, n, ip);

	free(c);
	return r;
}

START_TEST(test_ip6_walks_hbh_dstopts_fragment)
{
	static const uint8_t ext[] = {
		60, 0, 1, 4, 0, 0, 0, 0,		/* hop-by-hop, PadN */
		44, 0, 1, 4, 0, 0, 0, 0,		/* dest. options */
		17, 0, 0x00, 0x01, 0x11, 0x22, 0x33, 0x44, /* fragment 0, M */
	};
	struct wire_ip6 ip;
	uint8_t b[128];
	size_t n = ip6_build(b, 0, ext, sizeof(ext), 8);

	ck_assert_int_eq(ip6_parse_copy(b, n, &ip), 0);
	ck_assert_uint_eq(ip.proto, WIRE_IP_UDP);
	ck_assert_uint_eq(ip.off, 64);
	ck_assert_uint_eq(ip.len, 8);
	ck_assert(ip.frag && ip.mf && ip.frag_off == 0);
	ck_assert_uint_eq(ip.frag_id, 0x11223344);
}
END_TEST

START_TEST(test_ip6_later_fragment_stops_walk)
{
	static const uint8_t ext[] = { 60, 0, 0x00, 0xa0, 0, 0, 0, 9 };
	struct wire_ip6 ip;
	uint8_t b[128];
	size_t n = ip6_build(b, 44, ext, sizeof(ext), 16);

	/* Offset 160: what follows is data, even if it looks like a header. */
	ck_assert_int_eq(ip6_parse_copy(b, n, &ip), 0);
	ck_assert_uint_eq(ip.proto, 60);
	ck_assert_uint_eq(ip.off, 48);
	ck_assert_uint_eq(ip.len, 16);
	ck_assert(ip.frag && !ip.mf && ip.frag_off == 160);
}
END_TEST

START_TEST(test_ip6_ah_routing_and_no_next)
{
	static const uint8_t ext[] = {
		43, 0, 0, 0, 0, 0, 0, 0,		/* hop-by-hop */
		51, 0, 0, 0, 0, 0, 0, 0,		/* routing */
		59, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,	/* AH: (1 + 2) * 4 */
	};
	struct wire_ip6 ip;
	uint8_t b[128];
	size_t n = ip6_build(b, 0, ext, sizeof(ext), 5);

	ck_assert_int_eq(ip6_parse_copy(b, n, &ip), 0);
	ck_assert_uint_eq(ip.proto, 59);
	ck_assert_uint_eq(ip.off, 68);
	ck_assert_uint_eq(ip.len, 5);
	ck_assert(!ip.frag);
}
END_TEST

/* Each case is an extension chain that must be refused. */
START_TEST(test_ip6_bad_chains_refused)
{
	static const struct {
		uint8_t	 nh, ext[24];
		size_t	 elen, l4;
		int	 want;
	} c[] = {
		/* hop-by-hop after destination options */
		{ 60, { 0, 0, 1, 4, 0, 0, 0, 0, 17, 0, 1, 4 }, 16, 0,
		    -EBADMSG },
		/* a 16-byte hop-by-hop in 8 bytes */
		{ 0, { 17, 1, 1, 4 }, 8, 0, -EBADMSG },
		/* a header cut short */
		{ 60, { 17, 0, 1, 4 }, 4, 0, -EBADMSG },
		/* two fragment headers */
		{ 44, { 44, 0, 0, 1, 0, 0, 0, 1, 17, 0, 0, 1, 0, 0, 0, 1 }, 16,
		    8, -EBADMSG },
		/* a jumbogram: payload length 0 and hop-by-hop */
		{ 0, { 0 }, 0, 0, -EOPNOTSUPP },
	};
	struct wire_ip6 ip;
	uint8_t b[128];
	size_t n = ip6_build(b, c[_i].nh, c[_i].ext, c[_i].elen, c[_i].l4);

	ck_assert_int_eq(ip6_parse_copy(b, n, &ip), c[_i].want);
}
END_TEST

/* Eight extension headers walk; a ninth is refused. */
START_TEST(test_ip6_extension_count_bounded)
{
	uint8_t ext[9 * 8], b[256];
	struct wire_ip6 ip;
	size_t i, n;

	memset(ext, 0, sizeof(ext));
	for (i = 0; i < 9; i++)
		ext[8 * i] = 60;
	ext[8 * 7] = 17;
	n = ip6_build(b, 60, ext, 8 * 8, 8);
	ck_assert_int_eq(ip6_parse_copy(b, n, &ip), 0);
	ck_assert_uint_eq(ip.proto, WIRE_IP_UDP);
	ext[8 * 7] = 60;
	ext[8 * 8] = 17;
	n = ip6_build(b, 60, ext, 9 * 8, 8);
	ck_assert_int_eq(ip6_parse_copy(b, n, &ip), -EBADMSG);
}
END_TEST

START_TEST(test_ip6_lying_fixed_header)
{
	struct wire_ip6 ip;
	uint8_t b[128];
	size_t n = ip6_build(b, 17, NULL, 0, 8);

	ck_assert_int_eq(ip6_parse_copy(b, n, &ip), 0);
	ck_assert_int_eq(ip6_parse_copy(b, n - 1, &ip), -EBADMSG);
	b[0] = 0x40;
	ck_assert_int_eq(ip6_parse_copy(b, n, &ip), -EBADMSG);
	ip.flow = 0x100000;
	ck_assert_int_eq(wire_ip6_emit(b, sizeof(b), 0, 8, &ip), -EINVAL);
}
END_TEST

/* ICMP frag-needed quoting tcp_syn's IP header and 8 bytes of its TCP. */
START_TEST(test_icmp_frag_needed_quote)
{
	struct wire_icmp m = { .type = WIRE_ICMP_UNREACH,
		.code = WIRE_ICMP_FRAG_NEEDED, .mtu = 1400 }, back;
	uint8_t b[8 + 28];

	memcpy(b + 8, tcp_syn + 14, 28);
	ck_assert_int_eq(wire_icmp_emit(b, sizeof(b), 0, 28, &m), 8);
	ck_assert_uint_eq(ref_sum(b, sizeof(b)), 0xffff);
	ck_assert_uint_eq(wire_get32(b + 4), 1400);
	ck_assert_int_eq(wire_icmp_parse(b, sizeof(b), true, &back), 0);
	ck_assert_uint_eq(back.mtu, 1400);
	ck_assert_uint_eq(back.q.proto, WIRE_IP_TCP);
	ck_assert_uint_eq(back.q.ip_off, 8);
	ck_assert_uint_eq(back.q.l4_off, 28);
	ck_assert_uint_eq(back.q.l4_len, 8);
	ck_assert_uint_eq(back.q.src[3], 15);
	ck_assert_uint_eq(wire_get16(b + back.q.l4_off), 45678);
	b[20] ^= 1;
	ck_assert_int_eq(wire_icmp_parse(b, sizeof(b), true, &back), -EBADMSG);
	ck_assert_int_eq(wire_icmp_parse(b, sizeof(b), false, &back), 0);
}
END_TEST

/*
 * Only echo messages have an id and a sequence number: the word of a
 * frag-needed whose unused half is not zero gives its MTU and nothing else
 * (fuzz.wire found emit -> parse losing the id it had wrongly parsed).
 */
START_TEST(test_icmp_unreach_has_no_echo_fields)
{
	struct wire_icmp m;
	uint8_t b[8 + 28];

	memcpy(b + 8, tcp_syn + 14, 28);
	b[0] = WIRE_ICMP_UNREACH, b[1] = WIRE_ICMP_FRAG_NEEDED;
	b[4] = 0x00, b[5] = 0xa4, b[6] = 0x1c, b[7] = 0x54;
	ck_assert_int_eq(wire_icmp_parse(b, sizeof(b), false, &m), 0);
	ck_assert_uint_eq(m.mtu, 0x1c54);
	ck_assert_uint_eq(m.rest, 0x00a41c54);
	ck_assert_uint_eq(m.id, 0);
	ck_assert_uint_eq(m.seq, 0);
}
END_TEST

/* A quote too short or not IPv4 is refused; so is a message under 8. */
START_TEST(test_icmp_bad_quotes_refused)
{
	struct wire_icmp m = { .type = WIRE_ICMP_TIMXCEED }, back;
	uint8_t b[8 + 28];

	memcpy(b + 8, tcp_syn + 14, 28);
	ck_assert_int_eq(wire_icmp_emit(b, sizeof(b), 0, 28, &m), 8);
	ck_assert_int_eq(wire_icmp_parse(b, sizeof(b), true, &back), 0);
	ck_assert_uint_eq(back.mtu, 0);
	ck_assert_int_eq(wire_icmp_parse(b, sizeof(b) - 1, false, &back),
	    -EBADMSG);
	b[8] = 0x44;
	ck_assert_int_eq(wire_icmp_parse(b, sizeof(b), false, &back), -EBADMSG);
	b[8] = 0x65;
	ck_assert_int_eq(wire_icmp_parse(b, sizeof(b), false, &back), -EBADMSG);
	ck_assert_int_eq(wire_icmp_parse(b, 7, false, &back), -EBADMSG);
	ck_assert_int_eq(wire_icmp_emit(b, 15, 0, 8, &m), -ENOSPC);
}
END_TEST

/* ICMPv6 packet-too-big quoting ip6_ns's header and 8 bytes after it. */
START_TEST(test_icmp6_too_big_quote)
{
	struct wire_icmp6 m = { .type = WIRE_ICMP6_TOOBIG, .mtu = 1280 }, back;
	struct wire_csum cs = { .mode = WIRE_CSUM_FULL };
	struct wire_pseudo ph = { .family = 6, .src = { 0xfe, 0x80, [15] = 2 },
		.dst = { 0xfe, 0x80, [15] = 1 } };
	uint8_t b[8 + 48];

	memcpy(b + 8, ip6_ns + 14, 48);
	ck_assert_int_eq(wire_icmp6_emit(b, sizeof(b), 0, 48, &m, &ph, &cs),
	    8);
	ck_assert_uint_eq(ref_l4_sum(6, ph.src, ph.dst, WIRE_IP_ICMP6, b,
	    sizeof(b)), 0xffff);
	ck_assert_int_eq(wire_icmp6_parse(b, sizeof(b), &ph, true, &back), 0);
	ck_assert_uint_eq(back.mtu, 1280);
	ck_assert_uint_eq(back.q.proto, WIRE_IP_ICMP6);
	ck_assert_uint_eq(back.q.ip_off, 8);
	ck_assert_uint_eq(back.q.l4_off, 48);
	ck_assert_uint_eq(back.q.l4_len, 8);
	ck_assert_uint_eq(b[back.q.l4_off], WIRE_ND_NS);
	ck_assert_int_eq(wire_icmp6_parse(b, sizeof(b) - 1, &ph, false,
	    &back), -EBADMSG);
	ph.dst[15] = 3;
	ck_assert_int_eq(wire_icmp6_parse(b, sizeof(b), &ph, true, &back),
	    -EBADMSG);
}
END_TEST

/* ip6_ra's ICMPv6 message with bytes patched, parsed unverified. */
static int
ra_with(size_t at, const uint8_t *patch, size_t plen, size_t n,
    struct wire_icmp6 *m)
{
	uint8_t b[sizeof(ip6_ra) - L6 + 1] = { 0 };
	uint8_t *c;
	int r;

	memcpy(b, ip6_ra + L6, sizeof(ip6_ra) - L6);
	if (plen)
		memcpy(b + at, patch, plen);
	c = dup_bytes(b, n);
	r = wire_icmp6_parse(c, n, NULL, false, m);
	free(c);
	return r;
}

START_TEST(test_nd_lying_options)
{
	static const struct {
		size_t	 at;
		uint8_t	 patch[2];
		size_t	 plen;
		int	 want;
	} c[] = {
		{ 17, { 0 }, 1, -EBADMSG },		/* SLL length 0 */
		{ 17, { 2 }, 1, -EBADMSG },		/* SLL of 16 bytes */
		{ 25, { 2 }, 1, -EBADMSG },		/* MTU of 16 bytes */
		{ 33, { 3 }, 1, -EBADMSG },		/* prefix of 24 bytes */
		{ 33, { 5 }, 1, -EBADMSG },		/* prefix overruns */
		{ 1, { 1 }, 1, -EBADMSG },		/* code 1 */
		{ 16, { 99 }, 1, 0 },			/* unknown: skipped */
		{ 24, { 99, 0 }, 2, -EBADMSG },		/* unknown, length 0 */
	};
	size_t n = sizeof(ip6_ra) - L6;
	struct wire_icmp6 m;

	ck_assert_int_eq(ra_with(c[_i].at, c[_i].patch, c[_i].plen, n, &m),
	    c[_i].want);
	if (c[_i].want == 0)
		ck_assert(!m.nd.has_sll && m.nd.has_mtu && m.nd.nprefix == 1);
}
END_TEST

START_TEST(test_nd_short_messages_refused)
{
	size_t n = sizeof(ip6_ra) - L6;
	struct wire_icmp6 m;
	uint8_t ns[23];

	ck_assert_int_eq(ra_with(0, NULL, 0, n, &m), 0);
	ck_assert_int_eq(ra_with(0, NULL, 0, n + 1, &m), -EBADMSG);
	ck_assert_int_eq(ra_with(0, NULL, 0, 15, &m), -EBADMSG);
	ck_assert_int_eq(ra_with(0, NULL, 0, 16, &m), 0);
	memcpy(ns, ip6_ns + L6, sizeof(ns));
	ck_assert_int_eq(wire_icmp6_parse(ns, sizeof(ns), NULL, false, &m),
	    -EBADMSG);
	ck_assert_int_eq(wire_icmp6_parse(ns, 7, NULL, false, &m), -EBADMSG);
}
END_TEST

/* Prefixes past the array are dropped; the first SLL wins. */
START_TEST(test_nd_many_prefixes_and_duplicates)
{
	uint8_t b[16 + 2 * 8 + 5 * 32];
	struct wire_icmp6 m;
	size_t i;

	memset(b, 0, sizeof(b));
	b[0] = WIRE_ND_RA;
	b[16] = 1, b[17] = 1, b[18] = 0xaa;
	b[24] = 1, b[25] = 1, b[26] = 0xbb;
	for (i = 0; i < 5; i++) {
		b[32 + 32 * i] = 3;
		b[33 + 32 * i] = 4;
		b[34 + 32 * i] = (uint8_t)(48 + i);
	}
	ck_assert_int_eq(wire_icmp6_parse(b, sizeof(b), NULL, false, &m), 0);
	ck_assert_uint_eq(m.nd.nprefix, WIRE_ND_PREFIX_MAX);
	ck_assert_uint_eq(m.nd.prefix[3].len, 51);
	ck_assert_uint_eq(m.nd.sll[0], 0xaa);
}
END_TEST

/* An NA with its flags and a TLL, and an RS with an SLL, round trip. */
START_TEST(test_nd_na_and_rs_round_trip)
{
	struct wire_pseudo ph = { .family = 6, .src = { 0xfe, 0x80, [15] = 9 },
		.dst = { 0xff, 0x02, [15] = 1 } };
	struct wire_csum cs = { .mode = WIRE_CSUM_FULL };
	struct wire_icmp6 m, back;
	uint8_t b[64];

	memset(&m, 0, sizeof(m));
	m.type = WIRE_ND_NA;
	m.nd.router = m.nd.override = true;
	memcpy(m.nd.target, ph.src, 16);
	m.nd.has_tll = true;
	memcpy(m.nd.tll, "\x52\x54\x00\x00\x00\x09", 6);
	ck_assert_uint_eq(wire_icmp6_hdr_len(&m), 32);
	ck_assert_int_eq(wire_icmp6_emit(b, sizeof(b), 0, 0, &m, &ph, &cs),
	    32);
	ck_assert_uint_eq(b[4], 0xa0);
	ck_assert_int_eq(wire_icmp6_parse(b, 32, &ph, true, &back), 0);
	ck_assert(back.nd.router && !back.nd.solicited && back.nd.override);
	ck_assert_mem_eq(back.nd.target, m.nd.target, 16);
	ck_assert(back.nd.has_tll && !back.nd.has_sll);
	ck_assert_mem_eq(back.nd.tll, m.nd.tll, 6);
	memset(&m, 0, sizeof(m));
	m.type = WIRE_ND_RS;
	m.nd.has_sll = true;
	m.nd.sll[5] = 7;
	ck_assert_int_eq(wire_icmp6_emit(b, sizeof(b), 0, 0, &m, &ph, &cs),
	    16);
	ck_assert_int_eq(wire_icmp6_parse(b, 16, &ph, true, &back), 0);
	ck_assert(back.nd.has_sll && back.nd.sll[5] == 7);
	ck_assert_int_eq(wire_icmp6_emit(b, 15, 0, 0, &m, &ph, &cs), -ENOSPC);
}
END_TEST

static Suite *
icmp_suite(void)
{
	Suite *s = suite_create("wire_icmp");
	TCase *tc = tcase_create("ip6");

	tcase_add_test(tc, test_ip6_walks_hbh_dstopts_fragment);
	tcase_add_test(tc, test_ip6_later_fragment_stops_walk);
	tcase_add_test(tc, test_ip6_ah_routing_and_no_next);
	tcase_add_loop_test(tc, test_ip6_bad_chains_refused, 0, 5);
	tcase_add_test(tc, test_ip6_extension_count_bounded);
	tcase_add_test(tc, test_ip6_lying_fixed_header);
	suite_add_tcase(s, tc);
	tc = tcase_create("icmp");
	tcase_add_test(tc, test_icmp_frag_needed_quote);
	tcase_add_test(tc, test_icmp_unreach_has_no_echo_fields);
	tcase_add_test(tc, test_icmp_bad_quotes_refused);
	tcase_add_test(tc, test_icmp6_too_big_quote);
	tcase_add_loop_test(tc, test_nd_lying_options, 0, 8);
	tcase_add_test(tc, test_nd_short_messages_refused);
	tcase_add_test(tc, test_nd_many_prefixes_and_duplicates);
	tcase_add_test(tc, test_nd_na_and_rs_round_trip);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(icmp_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
