/*
 * Tests for what the stack answers on eth0 (services/net/ip4.c, ip6.c,
 * nd6.c, ip_frag.c, icmp_err.c), with the test as the rest of the link:
 * frames in through netdev_rx(), the stack's frames caught by the
 * device's transmit op and parsed with checksums verified.  Each test
 * runs in a fresh process (Check's fork), so each boots its own stack.
 */
#include <check.h>
#include <stdlib.h>
#include <unistd.h>

#include <fw/errno.h>
#include <svc/netdev.h>
#include <uapi/mman.h>
#include <uapi/resource.h>
#include <uapi/socket.h>

#include "svc_env.h"
#include "wire.h"

#define UBUF		0x50000000ULL
#define NFRAMES		64
#define FRAME_MAX	1600

static const uint8_t our_mac[6] = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 };
static const uint8_t peer_mac[6] = { 0x52, 0x55, 0x0a, 0x00, 0x02, 0x02 };
static const uint8_t our4[4] = { 10, 0, 2, 15 };
static const uint8_t peer4[4] = { 10, 0, 2, 2 };
/* fe80::2, slirp's router; fec0::2, its host; ours from the MAC. */
static const uint8_t router6[16] = { 0xfe, 0x80, [15] = 2 };
static const uint8_t host6[16] = { 0xfe, 0xc0, [15] = 2 };
static const uint8_t our6[16] = { 0xfe, 0xc0, [8] = 0x50, 0x54, 0x00,
    0xff, 0xfe, 0x12, 0x34, 0x56 };
static const uint8_t all_routers[16] = { 0xff, 0x02, [15] = 2 };

static struct netdev dev;
static uint8_t out[NFRAMES][FRAME_MAX];
static size_t out_len[NFRAMES], nout;
static uint8_t in_frame[FRAME_MAX];
static size_t in_len;

static int
dev_xmit(struct netdev *nd, const uint8_t *f, size_t len)
{
	if (nout < NFRAMES && len <= FRAME_MAX) {
		memcpy(out[nout], f, len);
		out_len[nout++] = len;
	}
	return 0;
}

static const struct netdev_ops dev_ops = { dev_xmit };

static void
rx_task(void *arg)
{
	netdev_rx(&dev, in_frame, in_len);
}

static void
register_task(void *arg)
{
	ck_assert_int_eq(netdev_register(&dev), 0);
}

/* Hands the stack the frame built in in_frame (in_len bytes). */
static void
deliver(void)
{
	fake_run(rx_task, NULL);
}

static void
boot(void)
{
	env_setup();
	env_p->rlim[LINUX_RLIMIT_NOFILE].cur = 1024;
	env_p->rlim[LINUX_RLIMIT_NOFILE].max = 4096;
	ck_assert_int_eq(SYS(mmap, UBUF, 16 * FW_PAGE_SIZE, LINUX_PROT_READ |
	    LINUX_PROT_WRITE, LINUX_MAP_PRIVATE | LINUX_MAP_ANONYMOUS |
	    LINUX_MAP_FIXED, (uint64_t)-1, 0), (long)UBUF);
	dev.ops = &dev_ops;
	dev.mtu = 1500;
	memcpy(dev.mac, our_mac, 6);
	fake_run(register_task, NULL);
}

/* The Ethernet header of a frame from the peer, of type, to dst. */
static void
eth_head(uint16_t type, const uint8_t *dst, size_t plen)
{
	struct wire_eth e;

	memset(&e, 0, sizeof(e));
	memcpy(e.dst, dst, 6);
	memcpy(e.src, peer_mac, 6);
	e.type = type;
	ck_assert_int_ge(wire_eth_emit(in_frame, sizeof(in_frame), 0, plen,
	    &e), 0);
	in_len = WIRE_ETH_LEN + plen;
}

/* An IPv4 packet from the peer: its payload already at in_frame[34]. */
static void
ip4_in(uint8_t proto, const uint8_t *dst, size_t plen, uint16_t id,
    uint16_t frag_off, bool mf)
{
	struct wire_ip4 ip;

	memset(&ip, 0, sizeof(ip));
	ip.ttl = 64;
	ip.proto = proto;
	ip.id = id;
	ip.frag_off = frag_off;
	ip.mf = mf;
	memcpy(ip.src, peer4, 4);
	memcpy(ip.dst, dst, 4);
	ck_assert_int_ge(wire_ip4_emit(in_frame, sizeof(in_frame),
	    WIRE_ETH_LEN, plen, &ip), 0);
	eth_head(WIRE_ETH_IP4, our_mac, WIRE_IP4_LEN + plen);
}

/* An IPv6 packet from src: its payload already at in_frame[54]. */
static void
ip6_in(uint8_t proto, const uint8_t *src, const uint8_t *dst,
    const uint8_t *mac_dst, uint8_t hops, size_t plen)
{
	struct wire_ip6 ip;

	memset(&ip, 0, sizeof(ip));
	ip.hop_limit = hops;
	ip.proto = proto;
	memcpy(ip.src, src, 16);
	memcpy(ip.dst, dst, 16);
	ck_assert_int_ge(wire_ip6_emit(in_frame, sizeof(in_frame),
	    WIRE_ETH_LEN, plen, &ip), 0);
	eth_head(WIRE_ETH_IP6, mac_dst, WIRE_IP6_LEN + plen);
}

/* An ICMPv6 message m (payload data, len bytes) from src to dst. */
static void
icmp6_in(const uint8_t *src, const uint8_t *dst, const uint8_t *mac_dst,
    const struct wire_icmp6 *m, const uint8_t *data, size_t len)
{
	struct wire_csum cs = { WIRE_CSUM_FULL, 0, 0 };
	size_t off = WIRE_ETH_LEN + WIRE_IP6_LEN, hlen;
	struct wire_pseudo ph;

	memset(&ph, 0, sizeof(ph));
	ph.family = 6;
	memcpy(ph.src, src, 16);
	memcpy(ph.dst, dst, 16);
	hlen = wire_icmp6_hdr_len(m);
	if (len > 0)
		memcpy(in_frame + off + hlen, data, len);
	ck_assert_int_ge(wire_icmp6_emit(in_frame, sizeof(in_frame), off, len,
	    m, &ph, &cs), 0);
	ip6_in(WIRE_IP_ICMP6, src, dst, mac_dst, 255, hlen + len);
}

/* The peer says who it is (an ARP request for our address). */
static void
arp_hello(void)
{
	struct wire_arp a;

	memset(&a, 0, sizeof(a));
	a.op = 1;
	memcpy(a.sha, peer_mac, 6);
	memcpy(a.spa, peer4, 4);
	memcpy(a.tpa, our4, 4);
	ck_assert_int_ge(wire_arp_emit(in_frame, sizeof(in_frame),
	    WIRE_ETH_LEN, &a), 0);
	eth_head(WIRE_ETH_ARP, (const uint8_t *)"\xff\xff\xff\xff\xff\xff",
	    WIRE_ARP_LEN);
	deliver();
}

/* Frame i as IPv4: its header; fails unless it parses with checksums. */
static void
out_ip4(size_t i, struct wire_ip4 *ip)
{
	struct wire_eth e;

	ck_assert_uint_lt(i, nout);
	ck_assert_int_ge(wire_eth_parse(out[i], out_len[i], &e), 0);
	ck_assert_uint_eq(e.type, WIRE_ETH_IP4);
	ck_assert_int_ge(wire_ip4_parse(out[i] + e.off, e.len, true, ip), 0);
	ip->off += e.off;		/* from the frame's start */
}

static void
out_ip6(size_t i, struct wire_ip6 *ip)
{
	struct wire_eth e;

	ck_assert_uint_lt(i, nout);
	ck_assert_int_ge(wire_eth_parse(out[i], out_len[i], &e), 0);
	ck_assert_uint_eq(e.type, WIRE_ETH_IP6);
	ck_assert_int_ge(wire_ip6_parse(out[i] + e.off, e.len, ip), 0);
	ip->off += e.off;
}

/* Frame i as ICMPv6, checksum verified. */
static void
out_icmp6(size_t i, struct wire_ip6 *ip, struct wire_icmp6 *m)
{
	struct wire_pseudo ph;

	out_ip6(i, ip);
	ck_assert_uint_eq(ip->proto, WIRE_IP_ICMP6);
	wire_ip6_pseudo(ip, &ph);
	ck_assert_int_ge(wire_icmp6_parse(out[i] + ip->off, ip->len, &ph,
	    true, m), 0);
}

/* A UDP socket bound to port (AF_INET or AF_INET6), non-blocking. */
static long
udp_bound(int family, uint16_t port)
{
	uint8_t sa[28];
	long fd;

	fd = SYS(socket, (uint64_t)family, LINUX_SOCK_DGRAM |
	    LINUX_SOCK_NONBLOCK, 0);
	ck_assert_int_ge(fd, 0);
	memset(sa, 0, sizeof(sa));
	sa[0] = (uint8_t)family;
	sa[2] = (uint8_t)(port >> 8);
	sa[3] = (uint8_t)port;
	ck_assert_int_eq(env_put(UBUF, sa, sizeof(sa)), 0);
	ck_assert_int_eq(SYS(bind, (uint64_t)fd, UBUF,
	    family == LINUX_AF_INET ? 16 : 28), 0);
	return fd;
}

/* The UDP datagram for port 7000 from port 5000: n bytes of a pattern
 * at p (the UDP header first), checksummed for (src, dst). */
static size_t
udp_bytes(uint8_t *p, size_t n, int family, const uint8_t *src,
    const uint8_t *dst)
{
	struct wire_csum cs = { WIRE_CSUM_FULL, 0, 0 };
	struct wire_pseudo ph;
	struct wire_udp u;
	size_t i;

	for (i = 0; i < n; i++)
		p[WIRE_UDP_LEN + i] = (uint8_t)(i * 13 + 1);
	memset(&u, 0, sizeof(u));
	u.sport = 5000;
	u.dport = 7000;
	memset(&ph, 0, sizeof(ph));
	ph.family = (uint8_t)(family == LINUX_AF_INET ? 4 : 6);
	memcpy(ph.src, src, family == LINUX_AF_INET ? 4 : 16);
	memcpy(ph.dst, dst, family == LINUX_AF_INET ? 4 : 16);
	ck_assert_int_ge(wire_udp_emit(p, WIRE_UDP_LEN + n, 0, n, &u, &ph,
	    &cs), 0);
	return WIRE_UDP_LEN + n;
}

/* What fd has queued: its length (checked against the pattern), or
 * -errno. */
static long
udp_read(long fd)
{
	static uint8_t buf[8192];
	long n = SYS(recvfrom, (uint64_t)fd, UBUF, sizeof(buf), 0, 0, 0);
	long i;

	if (n < 0)
		return n;
	ck_assert_int_eq(env_get(UBUF, buf, (size_t)n), 0);
	for (i = 0; i < n; i++)
		ck_assert_uint_eq(buf[i], (uint8_t)(i * 13 + 1));
	return n;
}

START_TEST(test_icmp_echo)
{
	static const uint8_t data[] = "ping data, 32 bytes of it......";
	struct wire_icmp req, rep;
	struct wire_ip4 ip;

	boot();
	arp_hello();
	nout = 0;
	memset(&req, 0, sizeof(req));
	req.type = WIRE_ICMP_ECHO;
	req.id = 0x1234;
	req.seq = 7;
	memcpy(in_frame + 42, data, sizeof(data));
	ck_assert_int_ge(wire_icmp_emit(in_frame, sizeof(in_frame), 34,
	    sizeof(data), &req), 0);
	ip4_in(WIRE_IP_ICMP, our4, WIRE_ICMP_LEN + sizeof(data), 1, 0, false);
	deliver();
	ck_assert_uint_eq(nout, 1);
	out_ip4(0, &ip);
	ck_assert_int_eq(memcmp(ip.dst, peer4, 4), 0);
	ck_assert_int_ge(wire_icmp_parse(out[0] + ip.off, ip.len, true,
	    &rep), 0);
	ck_assert_uint_eq(rep.type, WIRE_ICMP_ECHOREPLY);
	ck_assert_uint_eq(rep.id, 0x1234);
	ck_assert_uint_eq(rep.seq, 7);
	ck_assert_uint_eq(rep.len, sizeof(data));
	ck_assert_int_eq(memcmp(out[0] + ip.off + rep.off, data,
	    sizeof(data)), 0);
}
END_TEST

START_TEST(test_udp_port_unreachable)
{
	static const uint8_t bcast[4] = { 255, 255, 255, 255 };
	struct wire_icmp m;
	struct wire_ip4 ip;
	size_t n;

	boot();
	arp_hello();
	nout = 0;
	n = udp_bytes(in_frame + 34, 100, LINUX_AF_INET, peer4, our4);
	ip4_in(WIRE_IP_UDP, our4, n, 2, 0, false);
	deliver();
	ck_assert_uint_eq(nout, 1);
	out_ip4(0, &ip);
	ck_assert_int_ge(wire_icmp_parse(out[0] + ip.off, ip.len, true,
	    &m), 0);
	ck_assert_uint_eq(m.type, WIRE_ICMP_UNREACH);
	ck_assert_uint_eq(m.code, 3);
	ck_assert_uint_eq(m.q.proto, WIRE_IP_UDP);
	ck_assert_int_eq(memcmp(m.q.dst, our4, 4), 0);
	/* Not about a broadcast. */
	nout = 0;
	n = udp_bytes(in_frame + 34, 100, LINUX_AF_INET, peer4, bcast);
	ip4_in(WIRE_IP_UDP, bcast, n, 3, 0, false);
	deliver();
	ck_assert_uint_eq(nout, 0);
}
END_TEST

START_TEST(test_ip4_fragments_in)
{
	static uint8_t dgram[3008];
	static const size_t cut[] = { 0, 1480, 2960, 3008 };
	static const int order[] = { 2, 0, 1 };
	long fd;
	size_t n, k, lo, hi;

	boot();
	fd = udp_bound(LINUX_AF_INET, 7000);
	n = udp_bytes(dgram, 3000, LINUX_AF_INET, peer4, our4);
	ck_assert_uint_eq(n, sizeof(dgram));
	/* Out of order, with a duplicate of the middle one. */
	for (k = 0; k < 4; k++) {
		int j = k < 3 ? order[k] : 1;

		lo = cut[j];
		hi = cut[j + 1];
		memcpy(in_frame + 34, dgram + lo, hi - lo);
		ip4_in(WIRE_IP_UDP, our4, hi - lo, 99, (uint16_t)lo, j < 2);
		deliver();
		/* Whole at the third; the late duplicate starts anew. */
		ck_assert_int_eq(udp_read(fd), k == 2 ? 3000 : -EAGAIN);
	}
	/* Overlapping fragments drop the datagram. */
	memcpy(in_frame + 34, dgram, 1480);
	ip4_in(WIRE_IP_UDP, our4, 1480, 100, 0, true);
	deliver();
	memcpy(in_frame + 34, dgram + 1472, sizeof(dgram) - 1472);
	ip4_in(WIRE_IP_UDP, our4, sizeof(dgram) - 1472, 100, 1472, false);
	deliver();
	memcpy(in_frame + 34, dgram + 1480, sizeof(dgram) - 1480);
	ip4_in(WIRE_IP_UDP, our4, sizeof(dgram) - 1480, 100, 1480, false);
	deliver();
	ck_assert_int_eq(udp_read(fd), -EAGAIN);
}
END_TEST

START_TEST(test_ip4_fragments_out)
{
	uint8_t sa[16] = { LINUX_AF_INET, 0, 0x1b, 0x58, 10, 0, 2, 2 };
	static uint8_t whole[4008], data[4000];
	struct wire_pseudo ph;
	struct wire_udp u;
	struct wire_ip4 ip;
	size_t i, at = 0;
	long fd;

	boot();
	arp_hello();
	nout = 0;
	fd = udp_bound(LINUX_AF_INET, 5000);
	for (i = 0; i < sizeof(data); i++)
		data[i] = (uint8_t)(i * 7);
	ck_assert_int_eq(env_put(UBUF + 64, sa, sizeof(sa)), 0);
	ck_assert_int_eq(env_put(UBUF + 4096, data, sizeof(data)), 0);
	ck_assert_int_eq(SYS(sendto, (uint64_t)fd, UBUF + 4096, sizeof(data),
	    0, UBUF + 64, 16), (long)sizeof(data));
	ck_assert_uint_eq(nout, 3);
	for (i = 0; i < nout; i++) {
		out_ip4(i, &ip);
		ck_assert(!ip.df);
		ck_assert_uint_eq(ip.frag_off, at);
		ck_assert(ip.mf == (i < 2));
		ck_assert(ip.mf ? ip.len % 8 == 0 : true);
		ck_assert_uint_le(WIRE_IP4_LEN + ip.len, 1500);
		memcpy(whole + at, out[i] + ip.off, ip.len);
		at += ip.len;
	}
	ck_assert_uint_eq(at, sizeof(whole));
	wire_ip4_pseudo(&ip, &ph);
	ck_assert_int_ge(wire_udp_parse(whole, sizeof(whole), &ph, true, &u),
	    0);
	ck_assert_uint_eq(u.len, sizeof(data));
	ck_assert_int_eq(memcmp(whole + u.off, data, sizeof(data)), 0);
}
END_TEST

/* The router's advertisement of fec0::/64 (slirp's). */
static void
router_advertises(void)
{
	static const uint8_t all_nodes_mac[6] = { 0x33, 0x33, 0, 0, 0, 1 };
	static const uint8_t all_nodes[16] = { 0xff, 0x02, [15] = 1 };
	struct wire_icmp6 ra;

	memset(&ra, 0, sizeof(ra));
	ra.type = WIRE_ND_RA;
	ra.nd.hop_limit = 64;
	ra.nd.lifetime = 1800;
	ra.nd.has_sll = true;
	memcpy(ra.nd.sll, peer_mac, 6);
	ra.nd.nprefix = 1;
	ra.nd.prefix[0].len = 64;
	ra.nd.prefix[0].onlink = true;
	ra.nd.prefix[0].autonomous = true;
	ra.nd.prefix[0].valid = 86400;
	ra.nd.prefix[0].preferred = 14400;
	memcpy(ra.nd.prefix[0].prefix, host6, 8);
	icmp6_in(router6, all_nodes, all_nodes_mac, &ra, NULL, 0);
	deliver();
}

START_TEST(test_ipv6_slaac_nd_echo)
{
	static const uint8_t data[] = "ping6";
	uint8_t sn_mac[6] = { 0x33, 0x33, 0xff, 0x12, 0x34, 0x56 };
	uint8_t sn[16] = { 0xff, 0x02, [11] = 1, 0xff, 0x12, 0x34, 0x56 };
	struct wire_icmp6 m, r;
	struct wire_ip6 ip;

	boot();
	/* A router solicitation went out at once. */
	ck_assert_uint_eq(nout, 1);
	out_icmp6(0, &ip, &r);
	ck_assert_uint_eq(r.type, WIRE_ND_RS);
	ck_assert_uint_eq(ip.hop_limit, 255);
	ck_assert_int_eq(memcmp(ip.dst, all_routers, 16), 0);
	ck_assert_uint_eq(ip.src[0], 0xfe);		/* link-local */
	router_advertises();
	/* Who has our global address? */
	nout = 0;
	memset(&m, 0, sizeof(m));
	m.type = WIRE_ND_NS;
	memcpy(m.nd.target, our6, 16);
	m.nd.has_sll = true;
	memcpy(m.nd.sll, peer_mac, 6);
	icmp6_in(router6, sn, sn_mac, &m, NULL, 0);
	deliver();
	ck_assert_uint_eq(nout, 1);
	out_icmp6(0, &ip, &r);
	ck_assert_uint_eq(r.type, WIRE_ND_NA);
	ck_assert(r.nd.solicited && r.nd.override);
	ck_assert_int_eq(memcmp(r.nd.target, our6, 16), 0);
	ck_assert(r.nd.has_tll);
	ck_assert_int_eq(memcmp(r.nd.tll, our_mac, 6), 0);
	/* An echo from fec0::2: first we ask who that is, then answer. */
	nout = 0;
	memset(&m, 0, sizeof(m));
	m.type = WIRE_ICMP6_ECHO;
	m.id = 9;
	m.seq = 1;
	icmp6_in(host6, our6, our_mac, &m, data, sizeof(data));
	deliver();
	ck_assert_uint_eq(nout, 1);
	out_icmp6(0, &ip, &r);
	ck_assert_uint_eq(r.type, WIRE_ND_NS);
	ck_assert_int_eq(memcmp(r.nd.target, host6, 16), 0);
	memset(&m, 0, sizeof(m));
	m.type = WIRE_ND_NA;
	m.nd.solicited = m.nd.override = true;
	memcpy(m.nd.target, host6, 16);
	m.nd.has_tll = true;
	memcpy(m.nd.tll, peer_mac, 6);
	icmp6_in(host6, our6, our_mac, &m, NULL, 0);
	deliver();
	ck_assert_uint_eq(nout, 2);
	out_icmp6(1, &ip, &r);
	ck_assert_uint_eq(r.type, WIRE_ICMP6_ECHOREPLY);
	ck_assert_uint_eq(r.id, 9);
	ck_assert_uint_eq(r.seq, 1);
	ck_assert_int_eq(memcmp(ip.src, our6, 16), 0);
	ck_assert_int_eq(memcmp(out[1], peer_mac, 6), 0);
	ck_assert_int_eq(memcmp(out[1] + ip.off + r.off, data,
	    sizeof(data)), 0);
	/* ND with a hop limit below 255 is not believed (RFC 4861 7.1.1). */
	nout = 0;
	memset(&m, 0, sizeof(m));
	m.type = WIRE_ND_NS;
	memcpy(m.nd.target, our6, 16);
	icmp6_in(router6, sn, sn_mac, &m, NULL, 0);
	in_frame[WIRE_ETH_LEN + 7] = 64;		/* the hop limit */
	deliver();
	ck_assert_uint_eq(nout, 0);
}
END_TEST

START_TEST(test_ipv6_fragments_in)
{
	static uint8_t dgram[2008];
	size_t n, half = 1232;
	uint8_t *fh = in_frame + WIRE_ETH_LEN + WIRE_IP6_LEN;
	long fd;
	int k;

	boot();
	router_advertises();
	fd = udp_bound(LINUX_AF_INET6, 7000);
	n = udp_bytes(dgram, 2000, LINUX_AF_INET6, host6, our6);
	for (k = 1; k >= 0; k--) {	/* the second first */
		size_t lo = k == 0 ? 0 : half, hi = k == 0 ? half : n;

		fh[0] = WIRE_IP_UDP;
		fh[1] = 0;
		fh[2] = (uint8_t)(lo >> 8);
		fh[3] = (uint8_t)(lo | (k == 0 ? 1 : 0));
		memcpy(fh + 4, "\x00\x00\x12\x34", 4);
		memcpy(fh + 8, dgram + lo, hi - lo);
		ip6_in(44, host6, our6, our_mac, 64, 8 + hi - lo);
		deliver();
		ck_assert_int_eq(udp_read(fd), k == 1 ? -EAGAIN : 2000);
	}
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("eth_input");
	TCase *tc = tcase_create("eth");

	tcase_set_timeout(tc, 20);
	tcase_add_test(tc, test_icmp_echo);
	tcase_add_test(tc, test_udp_port_unreachable);
	tcase_add_test(tc, test_ip4_fragments_in);
	tcase_add_test(tc, test_ip4_fragments_out);
	tcase_add_test(tc, test_ipv6_slaac_nd_echo);
	tcase_add_test(tc, test_ipv6_fragments_in);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
