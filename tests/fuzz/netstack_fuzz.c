/*
 * tests/fuzz/netstack_fuzz.c: the services' TCP/IP stack, booted whole on
 * the real framework core and the unit tests' fake HAL, takes fuzzed
 * Ethernet frames through netdev_rx() (issue 9: "fuzzed packets never
 * crash the stack").  eth0 is 10.0.2.15; the fuzzer plays its peer
 * 10.0.2.2.  A TCP listener (port 80), a bound UDP socket (port 5353) and,
 * for each input, a fresh established connection from the peer (its
 * initial sequence number PEER_ISN, 4000 bytes of ours in flight) wait.
 *
 * An input is up to 16 records: a flags byte, a big-endian length and a
 * frame.  The harness fixes a frame up before handing it in, as its
 * flags say: FIX_CSUM recomputes the IPv4 header checksum and the TCP,
 * UDP or ICMP one (so the fuzzer gets past them without a build flag in
 * the stack), FIX_SEQ makes a TCP frame's sequence number relative to
 * PEER_ISN, its ACK number relative to the ISN our stack chose for that
 * peer port, and peer port 40000 the connection's.  After each frame the
 * high flag bits act as the application: read, write, read UDP, shut down.
 *
 * After each input: the control blocks must be consistent (known states,
 * snd_una <= snd_nxt <= snd_max, rings and queues within bounds); then
 * the harness closes the connection and what the fuzzer made (accepting
 * and resetting its connections, resetting half-open ones, draining UDP),
 * and only the listener may be left.  Any failure aborts.  ASan and UBSan
 * catch the rest; libFuzzer's -timeout catches unbounded work.
 *
 * NETSTACK_SEEDS=dir writes the seed corpus (corpus/netstack/) and exits.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <fw/errno.h>
#include <svc/netdev.h>
#include <uapi/fcntl.h>
#include <uapi/mman.h>
#include <uapi/resource.h>
#include <uapi/socket.h>

#include "svc_env.h"
#include "tcp.h"

#define CHECK(c)	do {						\
	if (!(c)) {							\
		fprintf(stderr, "netstack_fuzz: %s:%d: %s\n", __FILE__,	\
		    __LINE__, #c);					\
		abort();						\
	}								\
} while (0)

/* A syscall made from the input's task (svc_env.h's SYS() makes one). */
#define KSYS(name, ...)	sys_##name(env_t, &(struct syscall_args){ 0,	\
	{ __VA_ARGS__ } })

#define UBUF		0x50000000ULL
#define UBUF_LEN	(17 * FW_PAGE_SIZE)
#define UDATA		(UBUF + FW_PAGE_SIZE)
#define FRAME_MAX	2048
#define RECORDS		16
#define PEER_ISN	1000U
#define SEED_PORT	40000
#define LPORT		80
#define UPORT		5353
#define SENT		4000		/* ours in flight on each connection */

#define FIX_CSUM	0x01
#define FIX_SEQ		0x02
#define ACT_READ	0x10
#define ACT_WRITE	0x20
#define ACT_UDP		0x40
#define ACT_SHUT	0x80

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n);
int LLVMFuzzerInitialize(int *argc, char ***argv);

static const uint8_t our_mac[6] = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 };
static const uint8_t peer_mac[6] = { 0x52, 0x55, 0x0a, 0x00, 0x02, 0x02 };
static const uint8_t our_ip[4] = { 10, 0, 2, 15 };
static const uint8_t peer_ip[4] = { 10, 0, 2, 2 };

static struct netdev dev;
static long lfd, ufd, cfd = -1;
static uint16_t cur_port, next_port;

/* The ISN our stack chose per peer port, from the SYN-ACKs it sent. */
static struct {
	uint16_t	port;
	uint32_t	iss;
	bool		valid;
} isn[256];

/* Frames for one task: the records of an input, or the harness's own. */
static struct {
	uint8_t	f[RECORDS + 8][FRAME_MAX];
	size_t	len[RECORDS + 8], n;
} rx;

static uint16_t
get16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static uint32_t
get32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3];
}

static void
put16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

static void
put32(uint8_t *p, uint32_t v)
{
	put16(p, (uint16_t)(v >> 16));
	put16(p + 2, (uint16_t)v);
}

/* The stack's transmit: what our stack says is only watched. */
static int
dev_xmit(struct netdev *nd, const uint8_t *f, size_t len)
{
	const uint8_t *t = f + 34;

	CHECK(len >= 14 && len <= nd->mtu + 14u);
	if (len >= 54 && get16(f + 12) == 0x0800 && f[14] == 0x45 &&
	    f[23] == 6 && (t[13] & (TCP_SYN | TCP_ACK)) ==
	    (TCP_SYN | TCP_ACK)) {
		isn[get16(t + 2) & 255].port = get16(t + 2);
		isn[get16(t + 2) & 255].iss = get32(t + 4);
		isn[get16(t + 2) & 255].valid = true;
	}
	return 0;
}

static const struct netdev_ops dev_ops = { dev_xmit };

static bool
iss_of(uint16_t port, uint32_t *iss)
{
	if (!isn[port & 255].valid || isn[port & 255].port != port)
		return false;
	*iss = isn[port & 255].iss;
	return true;
}

/* The Internet checksum (RFC 1071) of p[0..n) added to s, unfolded. */
static uint32_t
sum16(const uint8_t *p, size_t n, uint32_t s)
{
	for (; n > 1; p += 2, n -= 2)
		s += get16(p);
	if (n == 1)
		s += (uint32_t)p[0] << 8;
	return s;
}

static uint16_t
fold(uint32_t s)
{
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	return (uint16_t)~s;
}

/*
 * FIX_SEQ and FIX_CSUM on an IPv4 frame: the transport's length is the
 * IPv4 header's when it fits the frame, else what the frame holds.
 */
static void
fixup(uint8_t *f, size_t len, uint8_t flags)
{
	size_t ihl, tot, l4len, at;
	uint8_t *ip = f + 14, *l4;
	uint32_t s, iss;

	if (len < 34 || get16(f + 12) != 0x0800)
		return;
	ihl = (size_t)(ip[0] & 15) * 4;
	if (ihl < 20 || 14 + ihl > len)
		return;
	tot = get16(ip + 2);
	l4len = tot >= ihl && 14 + tot <= len ? tot - ihl : len - 14 - ihl;
	l4 = ip + ihl;
	if ((flags & FIX_SEQ) && ip[9] == 6 && l4len >= 20) {
		if (get16(l4) == SEED_PORT)
			put16(l4, cur_port);
		put32(l4 + 4, get32(l4 + 4) + PEER_ISN);
		if (iss_of(get16(l4), &iss))
			put32(l4 + 8, get32(l4 + 8) + iss);
	}
	if (!(flags & FIX_CSUM))
		return;
	put16(ip + 10, 0);
	put16(ip + 10, fold(sum16(ip, ihl, 0)));
	switch (ip[9]) {
	case 6:
		at = 16;
		break;
	case 17:
		at = 6;
		break;
	case 1:
		at = 2;
		break;
	default:
		return;
	}
	if (l4len < at + 2)
		return;
	put16(l4 + at, 0);
	s = 0;
	if (ip[9] != 1)
		s = sum16(ip + 12, 8, (uint32_t)ip[9] + (uint32_t)l4len);
	s = fold(sum16(l4, l4len, s));
	if (ip[9] == 17 && s == 0)
		s = 0xffff;			/* zero: no checksum */
	put16(l4 + at, (uint16_t)s);
}

/* An Ethernet + IPv4 header from the peer for l4len bytes: 34. */
static size_t
build_ip(uint8_t *f, uint8_t proto, size_t l4len)
{
	memcpy(f, our_mac, 6);
	memcpy(f + 6, peer_mac, 6);
	put16(f + 12, 0x0800);
	memset(f + 14, 0, 20);
	f[14] = 0x45;
	put16(f + 16, (uint16_t)(20 + l4len));
	f[20] = 0x40;				/* DF */
	f[22] = 64;
	f[23] = proto;
	memcpy(f + 26, peer_ip, 4);
	memcpy(f + 30, our_ip, 4);
	return 34;
}

/* A TCP segment from the peer (seq, ack as given); its length. */
static size_t
build_tcp(uint8_t *f, uint16_t sport, uint16_t dport, uint32_t seq,
    uint32_t ack, uint8_t flags, const uint8_t *opt, size_t optlen,
    const void *data, size_t dlen)
{
	size_t hl = 20 + optlen, at = build_ip(f, 6, hl + dlen);
	uint8_t *t = f + at;

	memset(t, 0, 20);
	put16(t, sport);
	put16(t + 2, dport);
	put32(t + 4, seq);
	put32(t + 8, ack);
	t[12] = (uint8_t)(hl / 4 << 4);
	t[13] = flags;
	put16(t + 14, 65535);
	if (optlen > 0)
		memcpy(t + 20, opt, optlen);
	if (dlen > 0)
		memcpy(t + hl, data, dlen);
	return at + hl + dlen;
}

static size_t
build_udp(uint8_t *f, uint16_t dport, const void *data, size_t dlen)
{
	size_t at = build_ip(f, 17, 8 + dlen);

	put16(f + at, 5000);
	put16(f + at + 2, dport);
	put16(f + at + 4, (uint16_t)(8 + dlen));
	put16(f + at + 6, 0);
	if (dlen > 0)
		memcpy(f + at + 8, data, dlen);
	return at + 8 + dlen;
}

/* An ARP request (1) or reply (2) from the peer about our address. */
static size_t
build_arp(uint8_t *f, uint16_t op)
{
	memcpy(f, op == 1 ? (const uint8_t *)"\xff\xff\xff\xff\xff\xff" :
	    our_mac, 6);
	memcpy(f + 6, peer_mac, 6);
	put16(f + 12, 0x0806);
	put16(f + 14, 1);
	put16(f + 16, 0x0800);
	f[18] = 6;
	f[19] = 4;
	put16(f + 20, op);
	memcpy(f + 22, peer_mac, 6);
	memcpy(f + 28, peer_ip, 4);
	memcpy(f + 32, op == 1 ? (const uint8_t *)"\0\0\0\0\0\0" : our_mac,
	    6);
	memcpy(f + 38, our_ip, 4);
	return 42;
}

static void
rx_task(void *arg)
{
	size_t i;

	for (i = 0; i < rx.n; i++)
		netdev_rx(&dev, rx.f[i], rx.len[i]);
	rx.n = 0;
}

static uint8_t *
rx_slot(void)
{
	CHECK(rx.n < sizeof(rx.f) / sizeof(rx.f[0]));
	return rx.f[rx.n];
}

static void
rx_add(size_t len, uint8_t flags)
{
	fixup(rx.f[rx.n], len, flags);
	rx.len[rx.n++] = len;
}

static void
register_task(void *arg)
{
	CHECK(netdev_register(&dev) == 0);
}

static long
sockopt_int(long fd, int level, int name, const void *v, size_t len)
{
	CHECK(fw_copy_to_user(env_p->vm, fw_uaddr(UBUF), v, len) == 0);
	return KSYS(setsockopt, (uint64_t)fd, (uint64_t)level, (uint64_t)name,
	    UBUF, len);
}

/* Closes fd with a reset (SO_LINGER {1, 0}): nothing lingers. */
static void
close_reset(long fd)
{
	static const int lin[2] = { 1, 0 };

	CHECK(sockopt_int(fd, LINUX_SOL_SOCKET, LINUX_SO_LINGER, lin, 8) ==
	    0);
	CHECK(KSYS(close, (uint64_t)fd) == 0);
}

/* A fresh connection from the peer on the next port, accepted. */
static void
establish(void)
{
	static const uint8_t opt[8] = { 2, 4, 0x05, 0xb4, 1, 3, 3, 7 };
	uint32_t iss;
	long n;

	cur_port = next_port;
	next_port = next_port >= 60000 ? 40001 : next_port + 1;
	isn[cur_port & 255].valid = false;
	rx_add(build_arp(rx_slot(), 1), 0);	/* keeps us knowing its MAC */
	rx_add(build_tcp(rx_slot(), cur_port, LPORT, PEER_ISN, 0, TCP_SYN,
	    opt, sizeof(opt), NULL, 0), FIX_CSUM);
	rx_task(NULL);
	CHECK(iss_of(cur_port, &iss));
	rx_add(build_tcp(rx_slot(), cur_port, LPORT, PEER_ISN + 1, iss + 1,
	    TCP_ACK, NULL, 0, NULL, 0), FIX_CSUM);
	rx_task(NULL);
	cfd = KSYS(accept4, (uint64_t)lfd, 0, 0, LINUX_SOCK_NONBLOCK);
	CHECK(cfd >= 0);
	n = KSYS(write, (uint64_t)cfd, UDATA, SENT);
	CHECK(n == SENT);
}

static void
act(uint8_t flags)
{
	if (flags & ACT_READ)
		(void)KSYS(read, (uint64_t)cfd, UDATA, 16 * FW_PAGE_SIZE);
	/* No SIGPIPE: the fake process has no thread to take it. */
	if (flags & ACT_WRITE)
		(void)KSYS(sendto, (uint64_t)cfd, UDATA, 2000,
		    LINUX_MSG_NOSIGNAL, 0, 0);
	if (flags & ACT_UDP)
		(void)KSYS(recvfrom, (uint64_t)ufd, UDATA, 2048, 0, 0, 0);
	if (flags & ACT_SHUT)
		(void)KSYS(shutdown, (uint64_t)cfd, 1);
}

/* What the walk of the control blocks found. */
static struct {
	size_t	ncb;
	size_t	nrst;
	uint8_t	rst[64][FRAME_MAX];
	size_t	rst_len[64];
} walk;

/* Consistency of every control block; resets for the half-open ones. */
static void
check_task(void *arg)
{
	bool final = arg != NULL;
	struct tcp_cb *cb;
	uint32_t flight;
	uint8_t *f;

	walk.ncb = walk.nrst = 0;
	fw_mutex_lock(&inet_lock);
	for (cb = tcp_all; cb != NULL; cb = cb->lnext) {
		CHECK(++walk.ncb < 100000);		/* no cycle */
		CHECK(cb->state >= TCP_ESTABLISHED &&
		    cb->state <= TCP_CLOSING);
		CHECK(tcp_le(cb->snd_una, cb->snd_nxt));
		CHECK(tcp_le(cb->snd_nxt, cb->snd_max));
		CHECK(cb->slen <= TCP_BUF && cb->rlen <= TCP_BUF);
		CHECK(cb->shead < TCP_BUF && cb->rhead < TCP_BUF);
		CHECK(cb->ooo_bytes <= 2 * TCP_BUF);
		CHECK((cb->ooo == NULL) == (cb->ooo_bytes == 0));
		flight = cb->snd_max - cb->snd_una;
		if (cb->state != TCP_LISTEN && cb->state != TCP_CLOSE)
			CHECK(flight <= cb->slen + 2);	/* SYN, FIN */
		if (cb->state == TCP_LISTEN) {
			CHECK(cb->alen <= (unsigned int)cb->backlog + 1);
			CHECK(cb->synlen <= (unsigned int)cb->backlog + 17);
		}
		if (final && cb->state == TCP_SYN_RECV && walk.nrst < 64) {
			/* The half-open peer (any address) resets. */
			f = walk.rst[walk.nrst];
			walk.rst_len[walk.nrst] = build_tcp(f, cb->is->rport,
			    cb->is->lport, cb->rcv_nxt, 0, TCP_RST, NULL, 0,
			    NULL, 0);
			memcpy(f + 26, cb->is->raddr.b + 12, 4);
			memcpy(f + 30, cb->is->laddr.b + 12, 4);
			fixup(f, walk.rst_len[walk.nrst], FIX_CSUM);
			walk.nrst++;
		}
	}
	fw_mutex_unlock(&inet_lock);
}

static void
rst_task(void *arg)
{
	size_t i;

	for (i = 0; i < walk.nrst; i++)
		netdev_rx(&dev, walk.rst[i], walk.rst_len[i]);
}

/* Closes everything but the listener and the UDP socket. */
static void
clean_up(void)
{
	unsigned int i;
	long fd;

	close_reset(cfd);
	cfd = -1;
	for (i = 0; (fd = KSYS(accept4, (uint64_t)lfd, 0, 0, 0)) != -EAGAIN;
	    i++) {
		CHECK(i < 100);
		if (fd >= 0)
			close_reset(fd);
	}
	while (KSYS(recvfrom, (uint64_t)ufd, UDATA, 2048, 0, 0, 0) >= 0)
		;
	check_task(&walk);
	rst_task(NULL);
	check_task(NULL);
	CHECK(walk.ncb == 1);			/* the listener alone */
}

static void
boot(void)
{
	static const int one = 1;
	uint8_t sa[16] = { LINUX_AF_INET, 0, LPORT >> 8, LPORT & 0xff };
	uint8_t buf[SENT];
	size_t i;

	env_setup();
	env_p->rlim[LINUX_RLIMIT_NOFILE].cur = 1024;
	env_p->rlim[LINUX_RLIMIT_NOFILE].max = 4096;
	CHECK(SYS(mmap, UBUF, UBUF_LEN, LINUX_PROT_READ | LINUX_PROT_WRITE,
	    LINUX_MAP_PRIVATE | LINUX_MAP_ANONYMOUS | LINUX_MAP_FIXED,
	    (uint64_t)-1, 0) == (long)UBUF);
	for (i = 0; i < sizeof(buf); i++)
		buf[i] = (uint8_t)(i * 7);
	CHECK(env_put(UDATA, buf, sizeof(buf)) == 0);
	dev.ops = &dev_ops;
	dev.mtu = 1500;
	memcpy(dev.mac, our_mac, 6);
	fake_run(register_task, NULL);
	lfd = SYS(socket, LINUX_AF_INET, LINUX_SOCK_STREAM |
	    LINUX_SOCK_NONBLOCK, 0);
	CHECK(lfd >= 0);
	CHECK(env_put(UBUF, &one, 4) == 0);
	CHECK(SYS(setsockopt, (uint64_t)lfd, LINUX_SOL_SOCKET,
	    LINUX_SO_REUSEADDR, UBUF, 4) == 0);
	CHECK(env_put(UBUF, sa, sizeof(sa)) == 0);
	CHECK(SYS(bind, (uint64_t)lfd, UBUF, 16) == 0);
	CHECK(SYS(listen, (uint64_t)lfd, 8) == 0);
	ufd = SYS(socket, LINUX_AF_INET, LINUX_SOCK_DGRAM |
	    LINUX_SOCK_NONBLOCK, 0);
	CHECK(ufd >= 0);
	sa[2] = UPORT >> 8;
	sa[3] = UPORT & 0xff;
	CHECK(env_put(UBUF, sa, sizeof(sa)) == 0);
	CHECK(SYS(bind, (uint64_t)ufd, UBUF, 16) == 0);
	next_port = 40001;
}

/* The seeds, as records. */
struct seed {
	uint8_t	b[8192];
	size_t	n;
};

static void
seed_add(struct seed *s, uint8_t flags, const uint8_t *f, size_t len)
{
	CHECK(s->n + 3 + len <= sizeof(s->b));
	s->b[s->n] = flags;
	put16(s->b + s->n + 1, (uint16_t)len);
	memcpy(s->b + s->n + 3, f, len);
	s->n += 3 + len;
}

/* A segment on the connection, numbers relative (FIX_SEQ). */
static void
seed_seg(struct seed *s, uint8_t act, uint32_t seq, uint32_t ack,
    uint8_t flags, const char *data)
{
	uint8_t f[FRAME_MAX];
	size_t dlen = data != NULL ? strlen(data) : 0;

	seed_add(s, FIX_CSUM | FIX_SEQ | act, f, build_tcp(f, SEED_PORT,
	    LPORT, seq, ack, flags, NULL, 0, data, dlen));
}

static void
seed_write(const char *dir, const char *name, const struct seed *s)
{
	char path[512];
	FILE *fp;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	CHECK((fp = fopen(path, "wb")) != NULL);
	CHECK(fwrite(s->b, 1, s->n, fp) == s->n);
	CHECK(fclose(fp) == 0);
}

static void
write_seeds(const char *dir)
{
	static const uint8_t opts[] = { 2, 4, 0, 0, 3, 3, 14, 4, 2, 8, 10,
	    0, 0, 0, 1, 0, 0, 0, 0, 1, 0 };
	uint8_t f[FRAME_MAX], big[1400];
	struct seed s;
	size_t len;

	memset(big, 'x', sizeof(big));
	big[sizeof(big) - 1] = '\0';
	memset(&s, 0, sizeof(s));
	seed_seg(&s, ACT_READ, 1, 1, TCP_ACK | TCP_PSH, "hello");
	seed_write(dir, "data", &s);
	memset(&s, 0, sizeof(s));
	seed_seg(&s, 0, 1, 1 + SENT, TCP_ACK, NULL);
	seed_seg(&s, ACT_WRITE, 1, 1 + SENT, TCP_ACK, NULL);
	seed_write(dir, "ack_all", &s);
	memset(&s, 0, sizeof(s));
	seed_seg(&s, 0, 1, 1 + 1448, TCP_ACK, NULL);
	seed_seg(&s, 0, 1, 1 + 1448, TCP_ACK, NULL);
	seed_seg(&s, 0, 1, 1 + 1448, TCP_ACK, NULL);
	seed_seg(&s, 0, 1, 1 + 1448, TCP_ACK, NULL);
	seed_seg(&s, 0, 1, 1 + SENT, TCP_ACK, NULL);
	seed_write(dir, "dupacks", &s);
	memset(&s, 0, sizeof(s));
	seed_seg(&s, 0, 1 + 1399, 1, TCP_ACK, "later");
	seed_seg(&s, 0, 1 + 1399, 1, TCP_ACK | TCP_FIN, "later");
	seed_seg(&s, ACT_READ, 1, 1, TCP_ACK, (const char *)big);
	seed_write(dir, "hole", &s);
	memset(&s, 0, sizeof(s));
	seed_seg(&s, ACT_READ, 1, 1, TCP_ACK | TCP_FIN, "bye");
	seed_seg(&s, ACT_SHUT, 5, 1 + SENT + 1, TCP_ACK, NULL);
	seed_write(dir, "fin", &s);
	memset(&s, 0, sizeof(s));
	seed_seg(&s, 0, 100, 1, TCP_RST, NULL);
	seed_seg(&s, 0, 1, 1, TCP_SYN, NULL);
	seed_seg(&s, 0, 1, 1, TCP_RST, NULL);
	seed_write(dir, "rst", &s);
	memset(&s, 0, sizeof(s));
	seed_seg(&s, 0, 1, 1 + SENT, 0, NULL);		/* window 65535 */
	len = build_tcp(f, SEED_PORT, LPORT, 1, 1 + SENT, TCP_ACK, NULL, 0,
	    NULL, 0);
	put16(f + 34 + 14, 0);				/* zero window */
	seed_add(&s, FIX_CSUM | FIX_SEQ | ACT_WRITE, f, len);
	seed_write(dir, "zero_window", &s);
	memset(&s, 0, sizeof(s));
	len = build_tcp(f, 41000, LPORT, 5000, 0, TCP_SYN, opts, 20, NULL, 0);
	seed_add(&s, FIX_CSUM | FIX_SEQ, f, len);
	len = build_tcp(f, 41000, LPORT, 5001, 1, TCP_ACK, NULL, 0, "hi", 2);
	seed_add(&s, FIX_CSUM | FIX_SEQ, f, len);
	len = build_tcp(f, 41001, 81, 7, 0, TCP_SYN, NULL, 0, NULL, 0);
	seed_add(&s, FIX_CSUM, f, len);
	seed_write(dir, "handshake", &s);
	memset(&s, 0, sizeof(s));
	seed_add(&s, FIX_CSUM | ACT_UDP, f, build_udp(f, UPORT, "dns?", 4));
	seed_add(&s, FIX_CSUM, f, build_udp(f, 9, "discard", 7));
	seed_write(dir, "udp", &s);
	memset(&s, 0, sizeof(s));
	len = build_ip(f, 1, 12);
	memcpy(f + len, "\x08\x00\x00\x00\x12\x34\x00\x01ping", 12);
	seed_add(&s, FIX_CSUM, f, len + 12);
	seed_add(&s, 0, f, build_arp(f, 1));
	seed_add(&s, 0, f, build_arp(f, 2));
	len = build_udp(f, UPORT, "frag", 4);
	f[20] = 0x20;					/* MF */
	seed_add(&s, FIX_CSUM, f, len);
	seed_write(dir, "icmp_arp_frag", &s);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *dir = getenv("NETSTACK_SEEDS");

	if (dir != NULL) {
		write_seeds(dir);
		exit(0);
	}
	boot();
	return 0;
}

struct input {
	const uint8_t	*d;
	size_t		 n;
};

/* One input, all of it in one task (a task is a fake_run() away). */
static void
input_task(void *arg)
{
	struct input *in = arg;
	const uint8_t *d = in->d;
	size_t n = in->n, len, r;
	uint8_t flags;

	establish();
	for (r = 0; r < RECORDS && n >= 3; r++) {
		flags = d[0];
		len = get16(d + 1);
		d += 3;
		n -= 3;
		len = len < n ? len : n;
		len = len < FRAME_MAX ? len : FRAME_MAX;
		memcpy(rx_slot(), d, len);
		rx_add(len, flags);
		d += len;
		n -= len;
		rx_task(NULL);
		act(flags);
	}
	check_task(NULL);
	clean_up();
}

int
LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
	struct input in = { d, n };

	fake_run(input_task, &in);
	return 0;
}
