/*
 * tests/unit/sim/virtio_net_test.c: the virtio-net model (sim/virtio/
 * virtio_net.c) on the virtio-mmio transport over a buffer standing in for
 * guest memory, with the real libslirp backend (sim/net/slirp.c): this
 * file plays the guest's driver and network stack.  ARP, DHCP, ICMP echo
 * and an outbound TCP SYN reaching a host listener, an inbound forward
 * reaching the guest, each with and without the checksum offloads; frames
 * held while no receive buffer is posted; and hostile chains, which must
 * be dropped (or need a reset) without a crash; and, with the frames
 * captured instead, the exact checksum the model completes.  Every
 * checksum is computed here, independently of the model's.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <check.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "slirp.h"
#include "virtio_net.h"

#define MEM_SIZE	(1u << 20)
#define QNUM		16u
#define RXQ_BASE	0x1000u		/* desc, avail +0x400, used +0x800 */
#define TXQ_BASE	0x2000u
#define RXBUF		0x10000u	/* QNUM buffers of BUFSZ */
#define TXBUF		0x20000u
#define BIGBUF		0x40000u	/* room for an oversized frame */
#define BUFSZ		2048u
#define WAIT_MS		5000
#define GUEST_PORT	8080

static const uint8_t	guest_mac[6] = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 };
static const uint8_t	gw_mac[6] = { 0x52, 0x55, 0x0a, 0x00, 0x02, 0x02 };
static const uint8_t	bcast[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
static const uint8_t	guest_ip[4] = { 10, 0, 2, 15 };
static const uint8_t	gw_ip[4] = { 10, 0, 2, 2 };

static uint8_t		*mem;
static struct vmmio	*t;
static struct vnet	*n;
static struct sim_slirp	*s;
static atomic_uint	 irqs;
static bool		 offload;	/* this test case negotiates them */
static uint16_t		 rx_avail, rx_seen, tx_avail;
static uint16_t		 fwd_port;	/* host 127.0.0.1 -> GUEST_PORT */
static uint8_t		 rx_frame[BUFSZ];
static size_t		 rx_len;
static uint8_t		 rx_hdr[VNET_HDR_LEN];

/* Helpers: little-endian guest memory, big-endian packets. */

static void
put16le(uint32_t a, uint16_t v)
{
	memcpy(mem + a, &v, 2);
}

static uint16_t
get16le(uint32_t a)
{
	uint16_t v;

	memcpy(&v, mem + a, 2);
	return v;
}

static uint32_t
get32le(uint32_t a)
{
	uint32_t v;

	memcpy(&v, mem + a, 4);
	return v;
}

static void
put16be(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

static uint16_t
get16be(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static void
put32be(uint8_t *p, uint32_t v)
{
	put16be(p, (uint16_t)(v >> 16));
	put16be(p + 2, (uint16_t)v);
}

static uint32_t
get32be(const uint8_t *p)
{
	return (uint32_t)get16be(p) << 16 | get16be(p + 2);
}

/* RFC 1071, folded and not inverted; sum is a running partial sum. */
static uint16_t
csum_add(uint32_t sum, const uint8_t *p, size_t len)
{
	size_t i;

	for (i = 0; i + 1 < len; i += 2)
		sum += get16be(p + i);
	if (len & 1)
		sum += (uint32_t)p[len - 1] << 8;
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)sum;
}

/* The IPv4 pseudo-header's sum for an L4 segment of len bytes. */
static uint16_t
pseudo_sum(const uint8_t *ip, uint8_t proto, size_t len)
{
	uint8_t ph[12];

	memcpy(ph, ip + 12, 8);
	ph[8] = 0;
	ph[9] = proto;
	put16be(ph + 10, (uint16_t)len);
	return csum_add(0, ph, sizeof(ph));
}

/* The transport's registers. */

static uint32_t
rd(uint64_t off)
{
	return (uint32_t)vmmio_read(t, off, 4);
}

static void
wr(uint64_t off, uint32_t v)
{
	vmmio_write(t, off, 4, v);
}

static void
count_irq(void *arg)
{
	(void)arg;
	atomic_fetch_add(&irqs, 1);
}

static int
test_rx(void *arg, const uint8_t *frame, size_t len)
{
	return vnet_rx(arg, frame, len);
}

static void
queue_init(unsigned int q, uint32_t base)
{
	wr(0x030, q);
	ck_assert_uint_eq(rd(0x034), 256);
	wr(0x038, QNUM);
	wr(0x080, base);
	wr(0x084, 0);
	wr(0x090, base + 0x400);
	wr(0x094, 0);
	wr(0x0a0, base + 0x800);
	wr(0x0a4, 0);
	wr(0x044, 1);
}

/* The driver's side of §3.1.1 and §5.1.5: features, then both queues. */
static void
driver_init(void)
{
	uint32_t want = (uint32_t)(VIRTIO_NET_F_MAC | VIRTIO_NET_F_STATUS |
	    VIRTIO_NET_F_MRG_RXBUF);

	if (offload)
		want |= VIRTIO_NET_F_CSUM | VIRTIO_NET_F_GUEST_CSUM;
	memset(mem, 0, RXBUF);
	rx_avail = rx_seen = tx_avail = 0;
	wr(0x070, 0);
	wr(0x070, VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER);
	wr(0x014, 0);
	ck_assert_uint_eq(rd(0x010) & want, want);
	wr(0x024, 0);
	wr(0x020, want);
	wr(0x024, 1);
	wr(0x020, 1);				/* VERSION_1 */
	wr(0x070, VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER |
	    VIRTIO_STATUS_FEATURES_OK);
	ck_assert_uint_ne(rd(0x070) & VIRTIO_STATUS_FEATURES_OK, 0);
	queue_init(0, RXQ_BASE);
	queue_init(1, TXQ_BASE);
	wr(0x070, VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER |
	    VIRTIO_STATUS_FEATURES_OK | VIRTIO_STATUS_DRIVER_OK);
}

static void
desc(uint32_t base, unsigned int i, uint64_t addr, uint32_t len,
    uint16_t flags, uint16_t next)
{
	uint8_t *d = mem + base + 16 * i;

	memcpy(d, &addr, 8);
	memcpy(d + 8, &len, 4);
	memcpy(d + 12, &flags, 2);
	memcpy(d + 14, &next, 2);
}

/* Posts receive descriptor i (buffer slot i, len bytes) and notifies. */
static void
rx_post_one(unsigned int i, uint32_t len)
{
	desc(RXQ_BASE, i, RXBUF + i * BUFSZ, len, 2, 0);
	put16le(RXQ_BASE + 0x400 + 4 + 2 * (rx_avail % QNUM), (uint16_t)i);
	rx_avail++;
	put16le(RXQ_BASE + 0x402, rx_avail);
	wr(0x050, 0);
}

static void
rx_post_all(void)
{
	unsigned int i;

	for (i = 0; i < QNUM; i++)
		rx_post_one(i, BUFSZ);
}

static long
ms_since(const struct timespec *t0)
{
	struct timespec t1;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (t1.tv_sec - t0->tv_sec) * 1000 +
	    (t1.tv_nsec - t0->tv_nsec) / 1000000;
}

/*
 * Waits for the next used receive chain: false after WAIT_MS.  Copies its
 * header and frame out and reposts the buffer (unless repost is false).
 */
static bool
rx_next(bool repost)
{
	struct timespec t0;
	uint32_t id, len;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	while (get16le(RXQ_BASE + 0x802) == rx_seen) {
		if (ms_since(&t0) > WAIT_MS)
			return false;
		usleep(1000);
	}
	__atomic_thread_fence(__ATOMIC_ACQUIRE);
	id = get32le(RXQ_BASE + 0x804 + 8 * (rx_seen % QNUM));
	len = get32le(RXQ_BASE + 0x808 + 8 * (rx_seen % QNUM));
	rx_seen++;
	ck_assert_uint_lt(id, QNUM);
	ck_assert_uint_le(len, BUFSZ);
	memset(rx_hdr, 0xee, sizeof(rx_hdr));
	rx_len = 0;
	if (len >= VNET_HDR_LEN) {
		memcpy(rx_hdr, mem + RXBUF + id * BUFSZ, VNET_HDR_LEN);
		rx_len = len - VNET_HDR_LEN;
		memcpy(rx_frame, mem + RXBUF + id * BUFSZ + VNET_HDR_LEN,
		    rx_len);
	}
	if (repost)
		rx_post_one(id, BUFSZ);
	return true;
}

/* The header every received frame must carry (§5.1.6.4). */
static void
check_rx_hdr(void)
{
	ck_assert_uint_eq(rx_hdr[0], offload ? VIRTIO_NET_HDR_F_DATA_VALID : 0);
	ck_assert_uint_eq(rx_hdr[1], 0);		/* GSO_NONE */
	ck_assert_uint_eq(rx_hdr[10] | rx_hdr[11] << 8, 1);	/* num_buffers */
}

/* Sends hdr + frame as a two-descriptor chain and waits for the model. */
static void
tx_chain(const uint8_t *hdr, const uint8_t *frame, size_t len)
{
	unsigned int k = tx_avail % (QNUM / 2);
	uint32_t buf = TXBUF + k * 2 * BUFSZ;

	ck_assert_uint_le(len, BUFSZ);
	memcpy(mem + buf, hdr, VNET_HDR_LEN);
	memcpy(mem + buf + BUFSZ, frame, len);
	desc(TXQ_BASE, 2 * k, buf, VNET_HDR_LEN, 1, (uint16_t)(2 * k + 1));
	desc(TXQ_BASE, 2 * k + 1, buf + BUFSZ, (uint32_t)len, 0, 0);
	put16le(TXQ_BASE + 0x400 + 4 + 2 * (tx_avail % QNUM),
	    (uint16_t)(2 * k));
	tx_avail++;
	put16le(TXQ_BASE + 0x402, tx_avail);
	wr(0x050, 1);
	vmmio_drain(t);
	ck_assert_uint_eq(get16le(TXQ_BASE + 0x802), tx_avail);
}

/*
 * Sends an IPv4 frame whose L4 checksum field sits at l4 + field: with
 * offload the field gets the pseudo-header's sum (sum_pseudo) and the
 * model completes it; without, the whole checksum is computed here.
 */
static void
tx_ip(uint8_t *f, size_t len, size_t l4, size_t field, bool sum_pseudo)
{
	uint8_t hdr[VNET_HDR_LEN] = { 0 };
	uint16_t ps = sum_pseudo ? pseudo_sum(f + 14, f[14 + 9], len - l4) : 0;

	put16be(f + l4 + field, 0);
	if (offload) {
		put16be(f + l4 + field, ps);
		hdr[0] = VIRTIO_NET_HDR_F_NEEDS_CSUM;
		hdr[6] = (uint8_t)l4;
		hdr[8] = (uint8_t)field;
	} else {
		put16be(f + l4 + field,
		    (uint16_t)~csum_add(ps, f + l4, len - l4));
	}
	tx_chain(hdr, f, len);
}

/* Frame builders. */

static size_t
eth(uint8_t *f, const uint8_t *dst, uint16_t type)
{
	memcpy(f, dst, 6);
	memcpy(f + 6, guest_mac, 6);
	put16be(f + 12, type);
	return 14;
}

/* An IPv4 header at f + 14 for payload bytes of proto; returns 34. */
static size_t
ip4(uint8_t *f, uint8_t proto, const uint8_t *src, const uint8_t *dst,
    size_t payload)
{
	uint8_t *ip = f + 14;

	memset(ip, 0, 20);
	ip[0] = 0x45;
	put16be(ip + 2, (uint16_t)(20 + payload));
	put16be(ip + 4, 0x1234);
	ip[8] = 64;
	ip[9] = proto;
	memcpy(ip + 12, src, 4);
	memcpy(ip + 16, dst, 4);
	put16be(ip + 10, (uint16_t)~csum_add(0, ip, 20));
	return 34;
}

static void
send_arp_request(void)
{
	uint8_t f[42], hdr[VNET_HDR_LEN] = { 0 };
	uint8_t *a = f + eth(f, bcast, 0x0806);

	put16be(a, 1);
	put16be(a + 2, 0x0800);
	a[4] = 6;
	a[5] = 4;
	put16be(a + 6, 1);			/* request */
	memcpy(a + 8, guest_mac, 6);
	memcpy(a + 14, guest_ip, 4);
	memset(a + 18, 0, 6);
	memcpy(a + 24, gw_ip, 4);
	tx_chain(hdr, f, sizeof(f));
}

/* Waits for a frame of this ethertype and IP protocol (0: any). */
static bool
rx_expect(uint16_t type, uint8_t proto)
{
	while (rx_next(true)) {
		if (rx_len < 14 || get16be(rx_frame + 12) != type)
			continue;
		if (proto != 0 && (rx_len < 34 || rx_frame[14 + 9] != proto))
			continue;
		check_rx_hdr();
		return true;
	}
	return false;
}

static bool
is_arp_reply(void)
{
	const uint8_t *a = rx_frame + 14;

	return rx_len >= 42 && get16be(rx_frame + 12) == 0x0806 &&
	    get16be(a + 6) == 2 && memcmp(a + 8, gw_mac, 6) == 0 &&
	    memcmp(a + 14, gw_ip, 4) == 0 && memcmp(a + 24, guest_ip, 4) == 0 &&
	    memcmp(rx_frame, guest_mac, 6) == 0;
}

/* ARP for the gateway, which also tells slirp our address. */
static void
arp_exchange(void)
{
	send_arp_request();
	ck_assert(rx_expect(0x0806, 0));
	ck_assert(is_arp_reply());
}

/* A received IPv4 packet's header is sound and comes from src. */
static void
check_ip_from(const uint8_t *src)
{
	const uint8_t *ip = rx_frame + 14;

	ck_assert_uint_ge(rx_len, 34);
	ck_assert_uint_eq(ip[0], 0x45);
	ck_assert_uint_eq(csum_add(0, ip, 20), 0xffff);
	ck_assert_uint_le(14 + get16be(ip + 2), rx_len);
	ck_assert_mem_eq(ip + 12, src, 4);
	ck_assert(memcmp(rx_frame, guest_mac, 6) == 0 ||
	    memcmp(rx_frame, bcast, 6) == 0);
}

/* The fixture: one card and backend; offload per test case. */

static uint16_t
free_port(int *keep)
{
	struct sockaddr_in a = { .sin_family = AF_INET,
	    .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t al = sizeof(a);
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	int one = 1;

	ck_assert_int_ge(fd, 0);
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	ck_assert_int_eq(bind(fd, (struct sockaddr *)&a, sizeof(a)), 0);
	ck_assert_int_eq(getsockname(fd, (struct sockaddr *)&a, &al), 0);
	if (keep != NULL) {
		ck_assert_int_eq(listen(fd, 4), 0);
		*keep = fd;
	} else {
		close(fd);
	}
	return ntohs(a.sin_port);
}

static void
setup_with(bool off)
{
	struct vmmio_device dev;
	struct sim_slirp_fwd fwd;

	offload = off;
	mem = aligned_alloc(4096, MEM_SIZE);
	ck_assert_ptr_nonnull(mem);
	memset(mem, 0, MEM_SIZE);
	atomic_store(&irqs, 0);
	fwd_port = free_port(NULL);
	fwd = (struct sim_slirp_fwd){ fwd_port, GUEST_PORT };
	ck_assert_int_eq(vnet_new(off, &n, &dev), 0);
	ck_assert_int_eq(sim_slirp_new(&(struct sim_slirp_config){
	    .fwds = &fwd, .nfwds = 1, .rx = test_rx, .rx_arg = n }, &s), 0);
	vnet_set_backend(n, &(struct vnet_backend){ .tx = sim_slirp_tx,
	    .rx_ready = sim_slirp_rx_ready, .arg = s });
	ck_assert_int_eq(vmmio_new(&dev, mem, MEM_SIZE, count_irq, NULL, &t),
	    0);
	vnet_attach(n, t);
	ck_assert_int_eq(sim_slirp_start(s), 0);
}

static void
setup_plain(void)
{
	setup_with(false);
}

static void
setup_offload(void)
{
	setup_with(true);
}

static void
teardown(void)
{
	sim_slirp_stop(s);
	vmmio_free(t);
	sim_slirp_free(s);
	vnet_free(n);
	free(mem);
}

/* The tests. */

START_TEST(test_vnet_registers_and_config)
{
	uint64_t f;

	ck_assert_uint_eq(rd(0x008), 1);		/* network card */
	wr(0x014, 0);
	f = rd(0x010);
	ck_assert_uint_ne(f & VIRTIO_NET_F_MAC, 0);
	ck_assert_uint_ne(f & VIRTIO_NET_F_STATUS, 0);
	ck_assert_uint_ne(f & VIRTIO_NET_F_MTU, 0);
	ck_assert_uint_ne(f & VIRTIO_NET_F_MRG_RXBUF, 0);
	ck_assert_uint_eq((f & VIRTIO_NET_F_CSUM) != 0, offload);
	ck_assert_uint_eq((f & VIRTIO_NET_F_GUEST_CSUM) != 0, offload);
	wr(0x014, 1);
	ck_assert_uint_eq(rd(0x010), 1);		/* VERSION_1 */
	for (unsigned int i = 0; i < 6; i++)
		ck_assert_uint_eq(vmmio_read(t, 0x100 + i, 1), guest_mac[i]);
	ck_assert_uint_eq(vmmio_read(t, 0x106, 2), 1);	/* LINK_UP */
	ck_assert_uint_eq(vmmio_read(t, 0x108, 2), 1);	/* queue pairs */
	ck_assert_uint_eq(vmmio_read(t, 0x10a, 2), 1500);
	wr(0x030, 2);
	ck_assert_uint_eq(rd(0x034), 0);		/* two queues only */
}
END_TEST

START_TEST(test_vnet_arp_gateway)
{
	driver_init();
	rx_post_all();
	arp_exchange();
	ck_assert_uint_ge(atomic_load(&irqs), 1);
	ck_assert_uint_ne(rd(0x060) & 1, 0);
	ck_assert_uint_eq(rd(0x070) & VIRTIO_STATUS_NEEDS_RESET, 0);
}
END_TEST

START_TEST(test_vnet_dhcp_offer)
{
	uint8_t f[14 + 20 + 8 + 300] = { 0 };
	uint8_t *u = f + 34, *b = u + 8, *o;
	const uint8_t zero[4] = { 0 }, all[4] = { 255, 255, 255, 255 };
	size_t len = sizeof(f);

	driver_init();
	rx_post_all();
	eth(f, bcast, 0x0800);
	ip4(f, 17, zero, all, len - 34);
	put16be(u, 68);
	put16be(u + 2, 67);
	put16be(u + 4, (uint16_t)(len - 34));
	b[0] = 1;				/* BOOTREQUEST */
	b[1] = 1;
	b[2] = 6;
	put32be(b + 4, 0xdeadbeef);		/* xid */
	memcpy(b + 28, guest_mac, 6);
	put32be(b + 236, 0x63825363);		/* the magic cookie */
	o = b + 240;
	o[0] = 53, o[1] = 1, o[2] = 1;		/* DHCPDISCOVER */
	o[3] = 255;
	tx_ip(f, len, 34, 6, true);
	ck_assert(rx_expect(0x0800, 17));
	check_ip_from(gw_ip);
	u = rx_frame + 34;
	b = u + 8;
	ck_assert_uint_eq(get16be(u), 67);
	ck_assert_uint_eq(get16be(u + 2), 68);
	ck_assert_uint_eq(b[0], 2);		/* BOOTREPLY */
	ck_assert_uint_eq(get32be(b + 4), 0xdeadbeef);
	ck_assert_mem_eq(b + 16, guest_ip, 4);	/* yiaddr */
	ck_assert_uint_eq(get32be(b + 236), 0x63825363);
	for (o = b + 240; o < rx_frame + rx_len && *o != 255; o += 2 + o[1])
		if (*o == 53)
			break;
	ck_assert(o < rx_frame + rx_len && o[0] == 53);
	ck_assert_uint_eq(o[2], 2);		/* DHCPOFFER */
}
END_TEST

/*
 * libslirp 4.7 answers an echo to its own addresses itself (icmp_input
 * reflects it), so no host ping socket is needed.  ICMP has no pseudo
 * header: the offload case fills the field from 0.
 */
START_TEST(test_vnet_icmp_echo_gateway)
{
	uint8_t f[14 + 20 + 8 + 32];
	uint8_t *ic = f + 34;
	size_t len = sizeof(f), i;

	driver_init();
	rx_post_all();
	arp_exchange();
	eth(f, gw_mac, 0x0800);
	ip4(f, 1, guest_ip, gw_ip, len - 34);
	ic[0] = 8;				/* echo request */
	ic[1] = 0;
	put16be(ic + 4, 0x4242);
	put16be(ic + 6, 7);
	for (i = 8; i < len - 34; i++)
		ic[i] = (uint8_t)i;
	tx_ip(f, len, 34, 2, false);
	ck_assert(rx_expect(0x0800, 1));
	check_ip_from(gw_ip);
	ic = rx_frame + 34;
	ck_assert_uint_eq(ic[0], 0);		/* echo reply */
	ck_assert_uint_eq(get16be(ic + 4), 0x4242);
	ck_assert_uint_eq(get16be(ic + 6), 7);
	ck_assert_uint_eq(csum_add(0, ic, rx_len - 34), 0xffff);
	ck_assert_mem_eq(ic + 8, f + 42, len - 42);
}
END_TEST

/* A SYN to 10.0.2.2:P becomes a host connection to 127.0.0.1:P. */
START_TEST(test_vnet_tcp_syn_reaches_host)
{
	uint8_t f[14 + 20 + 24] = { 0 };
	uint8_t *th = f + 34;
	struct pollfd pfd;
	uint16_t port;
	int lfd, cfd;

	port = free_port(&lfd);
	driver_init();
	rx_post_all();
	arp_exchange();
	eth(f, gw_mac, 0x0800);
	ip4(f, 6, guest_ip, gw_ip, 24);
	put16be(th, 40000);
	put16be(th + 2, port);
	put32be(th + 4, 1000);			/* seq */
	th[12] = 6 << 4;			/* data offset: 24 bytes */
	th[13] = 0x02;				/* SYN */
	put16be(th + 14, 65535);
	th[20] = 2, th[21] = 4;			/* MSS 1460 */
	put16be(th + 22, 1460);
	tx_ip(f, sizeof(f), 34, 16, true);
	pfd = (struct pollfd){ .fd = lfd, .events = POLLIN };
	ck_assert_int_eq(poll(&pfd, 1, WAIT_MS), 1);
	ck_assert_int_ge(cfd = accept(lfd, NULL, NULL), 0);
	/* Once the host connection is up, slirp answers the guest. */
	ck_assert(rx_expect(0x0800, 6));
	check_ip_from(gw_ip);
	th = rx_frame + 34;
	ck_assert_uint_eq(get16be(th), port);
	ck_assert_uint_eq(get16be(th + 2), 40000);
	ck_assert_uint_eq(th[13] & 0x12, 0x12);	/* SYN|ACK */
	ck_assert_uint_eq(get32be(th + 8), 1001);
	ck_assert_uint_eq(csum_add(pseudo_sum(rx_frame + 14, 6, rx_len - 34),
	    th, rx_len - 34), 0xffff);
	close(cfd);
	close(lfd);
}
END_TEST

/* --publish: slirp accepts on the host port, then SYNs the guest. */
START_TEST(test_vnet_hostfwd_reaches_guest)
{
	struct sockaddr_in a = { .sin_family = AF_INET,
	    .sin_port = htons(fwd_port),
	    .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	const uint8_t *th;

	driver_init();
	rx_post_all();
	arp_exchange();
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(connect(fd, (struct sockaddr *)&a, sizeof(a)), 0);
	ck_assert(rx_expect(0x0800, 6));
	check_ip_from(gw_ip);
	ck_assert_mem_eq(rx_frame + 14 + 16, guest_ip, 4);
	th = rx_frame + 34;
	ck_assert_uint_eq(get16be(th + 2), GUEST_PORT);
	ck_assert_uint_eq(th[13] & 0x12, 0x02);	/* SYN */
	ck_assert_uint_eq(csum_add(pseudo_sum(rx_frame + 14, 6, rx_len - 34),
	    th, rx_len - 34), 0xffff);
	close(fd);
}
END_TEST

/* Waits until the backend holds (and dropped) this many frames. */
static void
wait_held(uint64_t held, uint64_t dropped)
{
	struct sim_slirp_stats st;
	struct timespec t0;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (;;) {
		sim_slirp_get_stats(s, &st);
		if (st.rx_held == held && st.rx_dropped == dropped)
			return;
		ck_assert_int_lt(ms_since(&t0), WAIT_MS);
		usleep(1000);
	}
}

START_TEST(test_vnet_rx_held_until_refill)
{
	driver_init();
	send_arp_request();
	wait_held(1, 0);
	ck_assert_uint_eq(get16le(RXQ_BASE + 0x802), 0);
	rx_post_all();
	ck_assert(rx_next(true));
	ck_assert(is_arp_reply());
	check_rx_hdr();
	wait_held(0, 0);
}
END_TEST

START_TEST(test_vnet_rx_held_bounded)
{
	struct vnet_stats vs;
	unsigned int i;

	driver_init();
	for (i = 0; i < SIM_SLIRP_RXQ_MAX + 20; i++)
		send_arp_request();
	wait_held(SIM_SLIRP_RXQ_MAX, 20);
	rx_post_all();
	for (i = 0; i < 2 * QNUM; i++) {
		ck_assert(rx_next(true));
		ck_assert(is_arp_reply());
	}
	vnet_get_stats(n, &vs);
	ck_assert_uint_ge(vs.rx_frames, 2 * QNUM);
	ck_assert_uint_eq(vs.tx_frames, SIM_SLIRP_RXQ_MAX + 20);
}
END_TEST

/* Before DRIVER_OK nothing is delivered, and nothing breaks. */
START_TEST(test_vnet_rx_before_driver_ok)
{
	ck_assert_int_eq(vnet_rx(n, (const uint8_t *)"0123456789abcdef", 16),
	    0);
	ck_assert_int_eq(vnet_rx(n, (const uint8_t *)"short", 5), -EINVAL);
	driver_init();
	rx_post_all();
	arp_exchange();
}
END_TEST

/* Hostile transmit chains: dropped and counted; the card goes on. */

static void
tx_raw_one(uint64_t addr, uint32_t len, bool used)
{
	desc(TXQ_BASE, 0, addr, len, 0, 0);
	put16le(TXQ_BASE + 0x400 + 4 + 2 * (tx_avail % QNUM), 0);
	tx_avail++;
	put16le(TXQ_BASE + 0x402, tx_avail);
	wr(0x050, 1);
	vmmio_drain(t);
	ck_assert_uint_eq(get16le(TXQ_BASE + 0x802), used ? tx_avail : 0);
}

START_TEST(test_vnet_hostile_tx_dropped)
{
	uint8_t hdr[VNET_HDR_LEN] = { 0 }, f[60] = { 0 };
	struct vnet_stats vs;

	driver_init();
	rx_post_all();
	tx_raw_one(TXBUF, 5, true);		/* shorter than a header */
	tx_raw_one(TXBUF, VNET_HDR_LEN, true);	/* no frame */
	tx_raw_one(TXBUF, VNET_HDR_LEN + 13, true);	/* under 14 bytes */
	tx_raw_one(BIGBUF, VNET_HDR_LEN + VNET_FRAME_MAX + 1, true);
	eth(f, bcast, 0x0800);
	hdr[0] = VIRTIO_NET_HDR_F_NEEDS_CSUM;	/* csum_start past the end */
	hdr[6] = 60;
	tx_chain(hdr, f, sizeof(f));
	hdr[6] = 50, hdr[8] = 9;		/* the field past the end */
	tx_chain(hdr, f, sizeof(f));
	hdr[6] = 0xff, hdr[7] = 0xff, hdr[8] = 0xff, hdr[9] = 0xff;
	tx_chain(hdr, f, sizeof(f));
	memset(hdr, 0, sizeof(hdr));
	hdr[1] = 1;				/* GSO_TCPV4: not offered */
	tx_chain(hdr, f, sizeof(f));
	vnet_get_stats(n, &vs);
	ck_assert_uint_eq(vs.tx_dropped, 8);
	ck_assert_uint_eq(vs.tx_frames, 0);
	ck_assert_uint_eq(rd(0x070) & VIRTIO_STATUS_NEEDS_RESET, 0);
	arp_exchange();
}
END_TEST

/* A zero-length descriptor is malformed (the transport's rule). */
START_TEST(test_vnet_hostile_zero_length_needs_reset)
{
	driver_init();
	rx_post_all();
	tx_raw_one(TXBUF, 0, false);
	ck_assert_uint_ne(rd(0x070) & VIRTIO_STATUS_NEEDS_RESET, 0);
	driver_init();				/* resets first */
	rx_post_all();
	arp_exchange();
}
END_TEST

/* A buffer smaller than the header: used empty, the frame dropped. */
START_TEST(test_vnet_hostile_rx_buffer_too_small)
{
	struct vnet_stats vs;

	driver_init();
	rx_post_one(0, 8);
	send_arp_request();
	ck_assert(rx_next(false));
	ck_assert_uint_eq(rx_len, 0);
	ck_assert_uint_eq(get32le(RXQ_BASE + 0x808), 0);
	vnet_get_stats(n, &vs);
	ck_assert_uint_eq(vs.rx_dropped, 1);
	/* Room for the header but not the frame: the same. */
	rx_post_one(1, VNET_HDR_LEN + 20);
	send_arp_request();
	ck_assert(rx_next(false));
	ck_assert_uint_eq(get32le(RXQ_BASE + 0x810), 0);
	rx_post_all();
	arp_exchange();
	ck_assert_uint_eq(rd(0x070) & VIRTIO_STATUS_NEEDS_RESET, 0);
}
END_TEST

/* A receive chain with a device-readable buffer is malformed. */
START_TEST(test_vnet_hostile_rx_readable_needs_reset)
{
	driver_init();
	desc(RXQ_BASE, 0, RXBUF, BUFSZ, 0, 0);
	put16le(RXQ_BASE + 0x404, 0);
	put16le(RXQ_BASE + 0x402, 1);
	wr(0x050, 0);
	send_arp_request();
	while (!(rd(0x070) & VIRTIO_STATUS_NEEDS_RESET))
		usleep(1000);
	ck_assert_uint_eq(get16le(RXQ_BASE + 0x802), 0);
	driver_init();
	rx_post_all();
	arp_exchange();
}
END_TEST

/*
 * The card alone, its frames captured instead of given to libslirp, so a
 * completed checksum can be read back exactly.
 */
static uint8_t	cap_frame[BUFSZ];
static size_t	cap_len;

static void
capture_tx(void *arg, const uint8_t *frame, size_t len)
{
	(void)arg;
	ck_assert_uint_le(len, sizeof(cap_frame));
	memcpy(cap_frame, frame, len);
	cap_len = len;
}

static void
setup_capture(void)
{
	struct vmmio_device dev;

	offload = true;
	mem = aligned_alloc(4096, MEM_SIZE);
	ck_assert_ptr_nonnull(mem);
	memset(mem, 0, MEM_SIZE);
	cap_len = 0;
	ck_assert_int_eq(vnet_new(true, &n, &dev), 0);
	vnet_set_backend(n, &(struct vnet_backend){ .tx = capture_tx });
	ck_assert_int_eq(vmmio_new(&dev, mem, MEM_SIZE, count_irq, NULL, &t),
	    0);
	vnet_attach(n, t);
}

static void
teardown_capture(void)
{
	vmmio_free(t);
	vnet_free(n);
	free(mem);
}

/* A UDP datagram of 16 payload bytes from the guest to the gateway. */
static size_t
udp_frame(uint8_t *f)
{
	uint8_t *u = f + 34;
	size_t i;

	eth(f, gw_mac, 0x0800);
	ip4(f, 17, guest_ip, gw_ip, 8 + 16);
	put16be(u, 5000);
	put16be(u + 2, 53);
	put16be(u + 4, 8 + 16);
	for (i = 0; i < 16; i++)
		u[8 + i] = (uint8_t)(i * 37);
	return 34 + 8 + 16;
}

START_TEST(test_vnet_csum_completed_exactly)
{
	uint8_t f[64];
	size_t len = udp_frame(f);

	driver_init();
	tx_ip(f, len, 34, 6, true);
	ck_assert_uint_eq(cap_len, len);
	ck_assert_uint_eq(csum_add(pseudo_sum(cap_frame + 14, 17, len - 34),
	    cap_frame + 34, len - 34), 0xffff);
	ck_assert_uint_ne(get16be(cap_frame + 34 + 6), 0);
	ck_assert_mem_eq(cap_frame, f, 34 + 6);	/* only the field changed */
	ck_assert_mem_eq(cap_frame + 42, f + 42, len - 42);
}
END_TEST

/* A checksum that comes out 0 goes as 0xffff: UDP's 0 means "none". */
START_TEST(test_vnet_csum_zero_sent_as_ffff)
{
	uint8_t f[64];
	size_t len = udp_frame(f);
	uint16_t ps = pseudo_sum(f + 14, 17, len - 34), c;
	uint32_t w;

	put16be(f + 34 + 6, ps);
	c = (uint16_t)~csum_add(0, f + 34, len - 34);
	/* Adding c to a payload word makes the whole sum 0xffff. */
	w = (uint32_t)get16be(f + 42) + c;
	put16be(f + 42, (uint16_t)((w & 0xffff) + (w >> 16)));
	put16be(f + 34 + 6, 0);
	ck_assert_uint_eq((uint16_t)~csum_add(ps, f + 34, len - 34), 0);
	driver_init();
	tx_ip(f, len, 34, 6, true);
	ck_assert_uint_eq(cap_len, len);
	ck_assert_uint_eq(get16be(cap_frame + 34 + 6), 0xffff);
}
END_TEST

static void
add_protocol_tests(TCase *tc)
{
	tcase_add_test(tc, test_vnet_registers_and_config);
	tcase_add_test(tc, test_vnet_arp_gateway);
	tcase_add_test(tc, test_vnet_dhcp_offer);
	tcase_add_test(tc, test_vnet_icmp_echo_gateway);
	tcase_add_test(tc, test_vnet_tcp_syn_reaches_host);
	tcase_add_test(tc, test_vnet_hostfwd_reaches_guest);
}

static Suite *
vnet_suite(void)
{
	Suite *su = suite_create("virtio_net");
	TCase *plain = tcase_create("plain");
	TCase *off = tcase_create("offload");
	TCase *hostile = tcase_create("hostile");
	TCase *tc;

	tcase_add_checked_fixture(plain, setup_plain, teardown);
	tcase_set_timeout(plain, 30);
	add_protocol_tests(plain);
	tcase_add_test(plain, test_vnet_rx_held_until_refill);
	tcase_add_test(plain, test_vnet_rx_held_bounded);
	tcase_add_test(plain, test_vnet_rx_before_driver_ok);
	suite_add_tcase(su, plain);
	tcase_add_checked_fixture(off, setup_offload, teardown);
	tcase_set_timeout(off, 30);
	add_protocol_tests(off);
	suite_add_tcase(su, off);
	tcase_add_checked_fixture(hostile, setup_offload, teardown);
	tcase_set_timeout(hostile, 30);
	tcase_add_test(hostile, test_vnet_hostile_tx_dropped);
	tcase_add_test(hostile, test_vnet_hostile_zero_length_needs_reset);
	tcase_add_test(hostile, test_vnet_hostile_rx_buffer_too_small);
	tcase_add_test(hostile, test_vnet_hostile_rx_readable_needs_reset);
	suite_add_tcase(su, hostile);
	tc = tcase_create("capture");
	tcase_add_checked_fixture(tc, setup_capture, teardown_capture);
	tcase_add_test(tc, test_vnet_csum_completed_exactly);
	tcase_add_test(tc, test_vnet_csum_zero_sent_as_ffff);
	suite_add_tcase(su, tc);
	return su;
}

int
main(void)
{
	SRunner *sr = srunner_create(vnet_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
