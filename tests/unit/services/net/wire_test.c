/*
 * tests/unit/services/net/wire_test.c: the wire layer (services/net/wire*)
 * on golden frames: every field parsed, checksums checked against an
 * independent sum, parse -> emit giving the same bytes, the partial
 * checksum the device finishes; and the Internet checksum itself over odd
 * lengths and both pseudo-headers.  Damaged input is wire_lie_test.c's.
 */
#include "wiretest.h"

static const uint8_t guest_mac[6] = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 };
static const uint8_t gw_mac[6] = { 0x52, 0x55, 0x0a, 0x00, 0x02, 0x02 };
static const uint8_t guest_ip[4] = { 10, 0, 2, 15 };
static const uint8_t gw_ip[4] = { 10, 0, 2, 2 };

static const struct {
	const char	*name;
	const uint8_t	*f;
	size_t		 n;
} golden[] = {
	{ "arp_request", arp_request, sizeof(arp_request) },
	{ "icmp_echo", icmp_echo, sizeof(icmp_echo) },
	{ "tcp_syn", tcp_syn, sizeof(tcp_syn) },
	{ "udp_dns", udp_dns, sizeof(udp_dns) },
	{ "ip6_ns", ip6_ns, sizeof(ip6_ns) },
	{ "ip6_ra", ip6_ra, sizeof(ip6_ra) },
};
#define NGOLDEN	((int)(sizeof(golden) / sizeof(golden[0])))

/* RFC 1071 section 3's worked example: the folded sum is 0xddf2. */
START_TEST(test_csum_rfc1071_example)
{
	static const uint8_t b[] = { 0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5,
		0xf6, 0xf7 };

	ck_assert_uint_eq(wire_sum(0, b, sizeof(b)), 0xddf2);
	ck_assert_uint_eq(wire_csum(b, sizeof(b)), 0x220d);
}
END_TEST

/* Every length 0..300, odd ones padded on the right, agrees with ref_sum. */
START_TEST(test_csum_every_length_matches_reference)
{
	uint8_t b[301];
	size_t i;

	for (i = 0; i < sizeof(b); i++)
		b[i] = (uint8_t)(i * 37 + 0xa5);
	for (i = 0; i <= 300; i++)
		ck_assert_uint_eq(wire_sum(0, b, i), ref_sum(b, i));
	b[0] = 0xab;
	ck_assert_uint_eq(wire_sum(0, b, 1), 0xab00);
	/* All ones stays 0xffff: -0 is 0xffff in one's complement. */
	memset(b, 0xff, sizeof(b));
	ck_assert_uint_eq(wire_sum(0, b, 300), 0xffff);
	ck_assert_uint_eq(wire_sum(0, b, 0), 0);
}
END_TEST

/* A sum carried across buffers equals the sum of their concatenation. */
START_TEST(test_csum_chained_equals_whole)
{
	uint8_t b[999];
	uint32_t s;
	size_t cut;

	for (cut = 0; cut < sizeof(b); cut++)
		b[cut] = (uint8_t)(cut ^ (cut >> 3));
	for (cut = 0; cut < sizeof(b); cut += 2) {
		s = wire_sum(wire_sum(0, b, cut), b + cut, sizeof(b) - cut);
		ck_assert_uint_eq(s, ref_sum(b, sizeof(b)));
	}
	ck_assert_uint_eq(wire_sum_add(0xffff, 0x0001), 0x0001);
	ck_assert_uint_eq(wire_sum_add(0x8000, 0x8000), 0x0001);
}
END_TEST

/* Sums over 65536 words carry correctly (a 16-bit accumulator would not). */
START_TEST(test_csum_large_buffer)
{
	static uint8_t b[200001];

	memset(b, 0xfe, sizeof(b));
	ck_assert_uint_eq(wire_sum(0, b, sizeof(b)), ref_sum(b, sizeof(b)));
}
END_TEST

START_TEST(test_csum_pseudo_v4_and_v6)
{
	static const uint8_t seg[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 };
	struct wire_pseudo ph;
	uint32_t s;

	memset(&ph, 0, sizeof(ph));
	ph.family = 4;
	memcpy(ph.src, guest_ip, 4);
	memcpy(ph.dst, gw_ip, 4);
	s = wire_sum(wire_pseudo_sum(&ph, WIRE_IP_UDP, sizeof(seg)), seg,
	    sizeof(seg));
	ck_assert_uint_eq(s, ref_l4_sum(4, ph.src, ph.dst, WIRE_IP_UDP, seg,
	    sizeof(seg)));
	ph.family = 6;
	memset(ph.src, 0xfe, 16);
	memset(ph.dst, 0x01, 16);
	ph.dst[15] = 0x77;
	s = wire_sum(wire_pseudo_sum(&ph, WIRE_IP_TCP, sizeof(seg)), seg,
	    sizeof(seg));
	ck_assert_uint_eq(s, ref_l4_sum(6, ph.src, ph.dst, WIRE_IP_TCP, seg,
	    sizeof(seg)));
	/* IPv6's length is 32 bits wide: its high half counts. */
	ck_assert_uint_ne(wire_pseudo_sum(&ph, 6, 0x10000),
	    wire_pseudo_sum(&ph, 6, 0));
}
END_TEST

/* Each golden frame's checksums hold by the independent sum too. */
START_TEST(test_golden_checksums_hold_independently)
{
	const uint8_t *f = golden[_i].f;
	struct parsed p;

	ck_assert_int_eq(parse_frame(f, golden[_i].n, true, &p), 0);
	if (p.eth.type == WIRE_ETH_IP4)
		ck_assert_uint_eq(ref_sum(f + p.l3, p.ip4.hlen), 0xffff);
	if (p.proto == WIRE_IP_ICMP)
		ck_assert_uint_eq(ref_sum(f + p.l4, p.l4len), 0xffff);
	else if (p.proto != 0)
		ck_assert_uint_eq(ref_l4_sum(p.ph.family, p.ph.src, p.ph.dst,
		    p.proto, f + p.l4, p.l4len), 0xffff);
}
END_TEST

/* parse -> emit gives the golden bytes back, checksums included. */
START_TEST(test_golden_round_trip)
{
	struct wire_csum cs = { .mode = WIRE_CSUM_FULL };
	uint8_t out[2048];
	struct parsed p;
	int n;

	ck_assert_int_eq(parse_frame(golden[_i].f, golden[_i].n, true, &p), 0);
	memset(out, 0xcc, sizeof(out));
	n = emit_frame(&p, golden[_i].f, out, sizeof(out), &cs);
	ck_assert_int_eq(n, (int)golden[_i].n);
	ck_assert_mem_eq(out, golden[_i].f, golden[_i].n);
	ck_assert_uint_eq(out[n], 0xcc);	/* nothing written past it */
}
END_TEST

/* Emitting into every buffer too small is -ENOSPC, never a write past it. */
START_TEST(test_golden_emit_short_buffer_is_enospc)
{
	struct wire_csum cs = { .mode = WIRE_CSUM_FULL };
	struct parsed p;
	uint8_t *out;
	size_t size;

	ck_assert_int_eq(parse_frame(golden[_i].f, golden[_i].n, true, &p), 0);
	for (size = 0; size < golden[_i].n; size++) {
		out = malloc(size ? size : 1);
		ck_assert_int_eq(emit_frame(&p, golden[_i].f, out, size, &cs),
		    -ENOSPC);
		free(out);
	}
}
END_TEST

START_TEST(test_arp_request_fields)
{
	struct parsed p;

	ck_assert_int_eq(parse_frame(arp_request, sizeof(arp_request), true,
	    &p), 0);
	ck_assert_uint_eq(p.eth.type, WIRE_ETH_ARP);
	ck_assert_mem_eq(p.eth.src, guest_mac, 6);
	ck_assert_uint_eq(p.arp.op, 1);
	ck_assert_mem_eq(p.arp.sha, guest_mac, 6);
	ck_assert_mem_eq(p.arp.spa, guest_ip, 4);
	ck_assert_mem_eq(p.arp.tpa, gw_ip, 4);
}
END_TEST

START_TEST(test_icmp_echo_fields)
{
	struct parsed p;

	ck_assert_int_eq(parse_frame(icmp_echo, sizeof(icmp_echo), true, &p),
	    0);
	ck_assert_mem_eq(p.eth.dst, gw_mac, 6);
	ck_assert_uint_eq(p.ip4.ttl, 64);
	ck_assert(p.ip4.df && !p.ip4.mf);
	ck_assert_uint_eq(p.ip4.id, 0x1c46);
	ck_assert_uint_eq(p.ip4.len, 64);
	ck_assert_uint_eq(p.icmp.type, WIRE_ICMP_ECHO);
	ck_assert_uint_eq(p.icmp.id, 0x12);
	ck_assert_uint_eq(p.icmp.seq, 1);
	ck_assert_uint_eq(p.icmp.len, 56);
	ck_assert_uint_eq(icmp_echo[p.l4 + p.icmp.off + 16], 0x10);
}
END_TEST

START_TEST(test_tcp_syn_fields_and_options)
{
	struct parsed p;

	ck_assert_int_eq(parse_frame(tcp_syn, sizeof(tcp_syn), true, &p), 0);
	ck_assert_uint_eq(p.tcp.sport, 45678);
	ck_assert_uint_eq(p.tcp.dport, 80);
	ck_assert_uint_eq(p.tcp.seq, 0x12345678);
	ck_assert_uint_eq(p.tcp.flags, WIRE_TCP_SYN);
	ck_assert_uint_eq(p.tcp.win, 64240);
	ck_assert_uint_eq(p.tcp.hlen, 40);
	ck_assert_uint_eq(p.tcp.len, 0);
	ck_assert(p.tcp.opt.has_mss && p.tcp.opt.mss == 1460);
	ck_assert(p.tcp.opt.sack_perm);
	ck_assert(p.tcp.opt.has_ts && p.tcp.opt.tsval == 0x0a1b2c3d);
	ck_assert_uint_eq(p.tcp.opt.tsecr, 0);
	ck_assert(p.tcp.opt.has_wscale && p.tcp.opt.wscale == 7);
	ck_assert_uint_eq(p.tcp.opt.nsack, 0);
}
END_TEST

START_TEST(test_udp_dns_fields)
{
	struct parsed p;

	ck_assert_int_eq(parse_frame(udp_dns, sizeof(udp_dns), true, &p), 0);
	ck_assert_uint_eq(p.udp.sport, 53001);
	ck_assert_uint_eq(p.udp.dport, 53);
	ck_assert_uint_eq(p.udp.len, 29);
	ck_assert_uint_eq(udp_dns[p.l4 + p.udp.off + 12], 7);
	ck_assert_mem_eq(udp_dns + p.l4 + p.udp.off + 13, "example", 7);
}
END_TEST

START_TEST(test_ip6_ns_fields)
{
	static const uint8_t fe80_2[16] = { 0xfe, 0x80, [15] = 2 };
	struct parsed p;

	ck_assert_int_eq(parse_frame(ip6_ns, sizeof(ip6_ns), true, &p), 0);
	ck_assert_uint_eq(p.ip6.hop_limit, 255);
	ck_assert_uint_eq(p.ip6.proto, WIRE_IP_ICMP6);
	ck_assert_uint_eq(p.ip6.dst[11], 0x01);
	ck_assert_uint_eq(p.ip6.dst[12], 0xff);
	ck_assert_uint_eq(p.icmp6.type, WIRE_ND_NS);
	ck_assert_mem_eq(p.icmp6.nd.target, fe80_2, 16);
	ck_assert(p.icmp6.nd.has_sll && !p.icmp6.nd.has_tll);
	ck_assert_mem_eq(p.icmp6.nd.sll, guest_mac, 6);
	ck_assert_uint_eq(p.icmp6.len, 8);	/* the options */
}
END_TEST

START_TEST(test_ip6_ra_fields_and_options)
{
	static const uint8_t fec0[16] = { 0xfe, 0xc0 };
	const struct wire_nd_prefix *x;
	struct parsed p;

	ck_assert_int_eq(parse_frame(ip6_ra, sizeof(ip6_ra), true, &p), 0);
	ck_assert_uint_eq(p.icmp6.type, WIRE_ND_RA);
	ck_assert_uint_eq(p.icmp6.nd.hop_limit, 64);
	ck_assert_uint_eq(p.icmp6.nd.lifetime, 1800);
	ck_assert(!p.icmp6.nd.managed && !p.icmp6.nd.other);
	ck_assert(p.icmp6.nd.has_sll);
	ck_assert_mem_eq(p.icmp6.nd.sll, gw_mac, 6);
	ck_assert(p.icmp6.nd.has_mtu && p.icmp6.nd.mtu == 1500);
	ck_assert_uint_eq(p.icmp6.nd.nprefix, 1);
	x = &p.icmp6.nd.prefix[0];
	ck_assert_uint_eq(x->len, 64);
	ck_assert(x->onlink && x->autonomous);
	ck_assert_uint_eq(x->valid, 86400);
	ck_assert_uint_eq(x->preferred, 14400);
	ck_assert_mem_eq(x->prefix, fec0, 16);
}
END_TEST

/*
 * The PARTIAL checksum, finished the way a virtio device does it (sum from
 * csum_start to the end, complement, store at start + offset), gives the
 * FULL bytes; for TCP/IPv4 start is 34 and offset 16 (networking.md 2.8).
 */
static void
finish_like_device(uint8_t *f, size_t n, const struct wire_csum *cs)
{
	uint16_t c = (uint16_t)~ref_sum(f + cs->start, n - cs->start);

	f[cs->start + cs->offset] = (uint8_t)(c >> 8);
	f[cs->start + cs->offset + 1] = (uint8_t)c;
}

START_TEST(test_partial_checksum_finished_by_device)
{
	static const struct {
		const uint8_t *f;
		size_t n, start, offset;
	} c[] = {
		{ tcp_syn, sizeof(tcp_syn), 34, 16 },
		{ udp_dns, sizeof(udp_dns), 34, 6 },
		{ ip6_ra, sizeof(ip6_ra), 54, 2 },
	};
	struct wire_csum cs = { .mode = WIRE_CSUM_PARTIAL };
	uint8_t out[256];
	struct parsed p;
	int n;

	ck_assert_int_eq(parse_frame(c[_i].f, c[_i].n, true, &p), 0);
	n = emit_frame(&p, c[_i].f, out, sizeof(out), &cs);
	ck_assert_int_eq(n, (int)c[_i].n);
	ck_assert_uint_eq(cs.start, c[_i].start);
	ck_assert_uint_eq(cs.offset, c[_i].offset);
	ck_assert_mem_ne(out, c[_i].f, c[_i].n);	/* not finished yet */
	finish_like_device(out, (size_t)n, &cs);
	ck_assert_mem_eq(out, c[_i].f, c[_i].n);
}
END_TEST

static Suite *
wire_suite(void)
{
	Suite *s = suite_create("wire");
	TCase *tc = tcase_create("csum");

	tcase_add_test(tc, test_csum_rfc1071_example);
	tcase_add_test(tc, test_csum_every_length_matches_reference);
	tcase_add_test(tc, test_csum_chained_equals_whole);
	tcase_add_test(tc, test_csum_large_buffer);
	tcase_add_test(tc, test_csum_pseudo_v4_and_v6);
	suite_add_tcase(s, tc);
	tc = tcase_create("golden");
	tcase_add_loop_test(tc, test_golden_checksums_hold_independently, 0,
	    NGOLDEN);
	tcase_add_loop_test(tc, test_golden_round_trip, 0, NGOLDEN);
	tcase_add_loop_test(tc, test_golden_emit_short_buffer_is_enospc, 0,
	    NGOLDEN);
	tcase_add_test(tc, test_arp_request_fields);
	tcase_add_test(tc, test_icmp_echo_fields);
	tcase_add_test(tc, test_tcp_syn_fields_and_options);
	tcase_add_test(tc, test_udp_dns_fields);
	tcase_add_test(tc, test_ip6_ns_fields);
	tcase_add_test(tc, test_ip6_ra_fields_and_options);
	tcase_add_loop_test(tc, test_partial_checksum_finished_by_device, 0,
	    3);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(wire_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
