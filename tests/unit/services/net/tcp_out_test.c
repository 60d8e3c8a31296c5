/*
 * Tests for what TCP sends (services/net/tcp_out.c) over eth0, with the
 * test as the peer 10.0.2.2: frames in through netdev_rx(), the stack's
 * frames caught by the device's transmit op.
 *
 * test_fin_acked_after_rto_is_seen keeps a bug the two-stack test found
 * (TWOSTACK_SEED=12 TWOSTACK_BYTES=4000000
 * TWOSTACK_CASE=loss3_dup3_reorder10 failed about one run in three, B
 * ending CLOSED instead of TIME_WAIT): a retransmission timeout in
 * FIN_WAIT1 used to forget the FIN while data was still unacknowledged
 * (the congestion window one segment), so an ACK that covered the FIN
 * was not seen as acknowledging it; the FIN that arrived with it moved
 * the connection to CLOSING, and tcp_output() sent a new FIN one
 * sequence number past the first.
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

#define UBUF		0x50000000ULL
#define UDATA		(UBUF + FW_PAGE_SIZE)
#define PEER_ISN	1000U
#define PEER_PORT	40000
#define NFRAMES		64

static const uint8_t our_mac[6] = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 };
static const uint8_t peer_mac[6] = { 0x52, 0x55, 0x0a, 0x00, 0x02, 0x02 };

static struct netdev dev;
/* What the stack sent: TCP segments to the peer, parsed. */
static struct sent {
	uint32_t	seq, ack;
	uint8_t		flags;
	size_t		len;
} sent[NFRAMES];
static size_t nsent;
static uint8_t in[2][1600];
static size_t in_len[2], nin;
static uint16_t peer_wnd = 65535;	/* in the peer's segments */
static int peer_wscale = -1;		/* the peer's SYN's shift, -1: none */

static uint32_t
get32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3];
}

static void
put16(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

static int
dev_xmit(struct netdev *nd, const uint8_t *f, size_t len)
{
	const uint8_t *t = f + 34;

	if (len >= 54 && f[12] == 0x08 && f[13] == 0 && f[23] == 6 &&
	    nsent < NFRAMES) {
		sent[nsent].seq = get32(t + 4);
		sent[nsent].ack = get32(t + 8);
		sent[nsent].flags = t[13];
		sent[nsent++].len = len - 34 - (size_t)(t[12] >> 4) * 4;
	}
	return 0;
}

static const struct netdev_ops dev_ops = { dev_xmit };

static uint16_t
csum(const uint8_t *p, size_t n, uint32_t s)
{
	for (; n > 1; p += 2, n -= 2)
		s += (uint32_t)(p[0] << 8 | p[1]);
	if (n == 1)
		s += (uint32_t)p[0] << 8;
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	return (uint16_t)~s;
}

/*
 * Queues a frame from the peer: ARP (flags 0) or a TCP segment with dlen
 * bytes of data (at most 1400); a SYN's options (mss) carry the MSS, and
 * peer_wscale's shift unless it is -1.
 */
static void
peer_data(uint8_t flags, uint32_t seq, uint32_t ack, bool mss, size_t dlen)
{
	uint8_t *f = in[nin], *ip = f + 14, *t = f + 34;
	size_t hl = mss ? (peer_wscale >= 0 ? 28 : 24) : 20;
	uint32_t sum;

	memset(f, 0, sizeof(in[0]));
	memcpy(f, our_mac, 6);
	memcpy(f + 6, peer_mac, 6);
	f[12] = 0x08;
	if (flags == 0) {			/* who has 10.0.2.15? */
		memcpy(f, "\xff\xff\xff\xff\xff\xff", 6);
		memcpy(f + 12, "\x08\x06\x00\x01\x08\x00\x06\x04\x00\x01", 10);
		memcpy(f + 22, peer_mac, 6);
		memcpy(f + 28, "\x0a\x00\x02\x02", 4);
		memcpy(f + 38, "\x0a\x00\x02\x0f", 4);
		in_len[nin++] = 42;
		return;
	}
	ip[0] = 0x45;
	put16(ip + 2, (uint32_t)(20 + hl + dlen));
	ip[8] = 64;
	ip[9] = 6;
	memcpy(ip + 12, "\x0a\x00\x02\x02\x0a\x00\x02\x0f", 8);
	put16(ip + 10, csum(ip, 20, 0));
	put16(t, PEER_PORT);
	put16(t + 2, 80);
	put16(t + 4, seq >> 16);
	put16(t + 6, seq);
	put16(t + 8, ack >> 16);
	put16(t + 10, ack);
	t[12] = (uint8_t)(hl / 4 << 4);
	t[13] = flags;
	put16(t + 14, peer_wnd);
	if (mss)
		memcpy(t + 20, "\x02\x04\x05\xb4", 4);
	if (mss && peer_wscale >= 0) {
		memcpy(t + 24, "\x01\x03\x03", 3);
		t[27] = (uint8_t)peer_wscale;
	}
	memset(t + hl, 'x', dlen);
	sum = 0x0a00 + 0x0202 + 0x0a00 + 0x020f + 6 + (uint32_t)(hl + dlen);
	put16(t + 16, csum(t, hl + dlen, sum));
	in_len[nin++] = 34 + hl + dlen;
}

static void
peer_frame(uint8_t flags, uint32_t seq, uint32_t ack, bool mss)
{
	peer_data(flags, seq, ack, mss, 0);
}

static void
rx_task(void *arg)
{
	size_t i;

	for (i = 0; i < nin; i++)
		netdev_rx(&dev, in[i], in_len[i]);
	nin = 0;
}

static void
register_task(void *arg)
{
	ck_assert_int_eq(netdev_register(&dev), 0);
}

/* TCP_INFO's first 104 bytes. */
static void
tcp_info(long fd, uint8_t *info)
{
	uint32_t len = 104;

	ck_assert_int_eq(env_put(UBUF + 512, &len, 4), 0);
	ck_assert_int_eq(SYS(getsockopt, (uint64_t)fd, 6, 11, UBUF,
	    UBUF + 512), 0);
	ck_assert_int_eq(env_get(UBUF, info, 104), 0);
}

static int
tcp_state(long fd)
{
	uint8_t info[104];

	tcp_info(fd, info);
	return info[0];
}

/* tcpi_backoff and tcpi_rto (µs). */
static void
tcp_backoff_rto(long fd, unsigned int *backoff, uint32_t *rto)
{
	uint8_t info[104];

	tcp_info(fd, info);
	*backoff = info[4];
	memcpy(rto, info + 8, 4);
}

/* Waits up to 5 s for a segment after the first `before`: its index. */
static size_t
next_sent(size_t before)
{
	size_t i;

	for (i = 0; i < 500 && nsent == before; i++)
		usleep(10000);
	ck_assert_uint_gt(nsent, before);
	return before;
}

/* The connection from the peer, accepted: our ISN. */
static long
connected(uint32_t *iss)
{
	uint8_t sa[16] = { LINUX_AF_INET, 0, 0, 80 };
	long lfd, fd;

	env_setup();
	env_p->rlim[LINUX_RLIMIT_NOFILE].cur = 1024;
	env_p->rlim[LINUX_RLIMIT_NOFILE].max = 4096;
	ck_assert_int_eq(SYS(mmap, UBUF, 3 * FW_PAGE_SIZE, LINUX_PROT_READ |
	    LINUX_PROT_WRITE, LINUX_MAP_PRIVATE | LINUX_MAP_ANONYMOUS |
	    LINUX_MAP_FIXED, (uint64_t)-1, 0), (long)UBUF);
	dev.ops = &dev_ops;
	dev.mtu = 1500;
	memcpy(dev.mac, our_mac, 6);
	fake_run(register_task, NULL);
	lfd = SYS(socket, LINUX_AF_INET, LINUX_SOCK_STREAM, 0);
	ck_assert_int_ge(lfd, 0);
	ck_assert_int_eq(env_put(UBUF, sa, sizeof(sa)), 0);
	ck_assert_int_eq(SYS(bind, (uint64_t)lfd, UBUF, 16), 0);
	ck_assert_int_eq(SYS(listen, (uint64_t)lfd, 1), 0);
	peer_frame(0, 0, 0, false);
	peer_frame(0x02, PEER_ISN, 0, true);		/* SYN */
	fake_run(rx_task, NULL);
	ck_assert_uint_eq(nsent, 1);
	ck_assert_uint_eq(sent[0].flags, 0x12);		/* SYN-ACK */
	*iss = sent[0].seq;
	peer_frame(0x10, PEER_ISN + 1, *iss + 1, false);
	fake_run(rx_task, NULL);
	fd = SYS(accept4, (uint64_t)lfd, 0, 0, 0);
	ck_assert_int_ge(fd, 0);
	return fd;
}

START_TEST(test_fin_acked_after_rto_is_seen)
{
	uint32_t iss, fin_seq;
	size_t i, before;
	long fd = connected(&iss);

	/* Two full segments (Nagle sends them at once) and the FIN, none
	 * acknowledged. */
	ck_assert_int_eq(SYS(write, (uint64_t)fd, UDATA, 2920), 2920);
	ck_assert_int_eq(SYS(shutdown, (uint64_t)fd, 1), 0);
	fin_seq = iss + 1 + 2920;
	ck_assert_uint_eq(sent[nsent - 1].flags & 0x01, 0x01);
	ck_assert_uint_eq(sent[nsent - 1].seq, fin_seq);
	/* The first RTO (1 s): the oldest segment again, one MSS. */
	before = nsent;
	for (i = 0; i < 300 && nsent == before; i++)
		usleep(10000);
	ck_assert_uint_gt(nsent, before);
	ck_assert_uint_eq(sent[before].seq, iss + 1);
	/* The peer acknowledges everything, our FIN too, with its FIN. */
	before = nsent;
	peer_frame(0x11, PEER_ISN + 1, fin_seq + 1, false);
	fake_run(rx_task, NULL);
	for (i = before; i < nsent; i++)
		ck_assert_msg(!(sent[i].flags & 0x01) ||
		    sent[i].seq == fin_seq, "a second FIN at %u (first %u)",
		    sent[i].seq, fin_seq);
	ck_assert_int_eq(tcp_state(fd), 6);		/* TIME_WAIT */
}
END_TEST

/*
 * A zero window is probed at intervals doubling from the RTO, and the RTO
 * itself stays: once the window opens, a lost segment is resent after
 * the RTO the RTT gave, not after one grown by every probe (which left
 * sim.net.lossy_lo stalled past its 10 s poll).
 */
START_TEST(test_zero_window_probes_back_off_not_the_rto)
{
	uint32_t iss, rto, rto0;
	unsigned int backoff;
	size_t i;
	long fd = connected(&iss);

	ck_assert_int_eq(SYS(write, (uint64_t)fd, UDATA, 100), 100);
	ck_assert_uint_eq(sent[nsent - 1].len, 100);
	peer_wnd = 0;				/* all taken, the window shut */
	peer_frame(0x10, PEER_ISN + 1, iss + 101, false);
	fake_run(rx_task, NULL);
	tcp_backoff_rto(fd, &backoff, &rto0);
	ck_assert_uint_eq(backoff, 0);
	/* More to send: it waits for the window, and the probes go. */
	ck_assert_int_eq(SYS(write, (uint64_t)fd, UDATA, 100), 100);
	for (unsigned int probe = 1; probe <= 2; probe++) {
		i = next_sent(nsent);
		ck_assert_uint_eq(sent[i].seq, iss + 100);	/* snd_una-1 */
		ck_assert_uint_eq(sent[i].len, 0);
		tcp_backoff_rto(fd, &backoff, &rto);
		ck_assert_uint_eq(backoff, probe);
		ck_assert_uint_eq(rto, rto0);
	}
	/* The window opens: the data goes, the backoff ends. */
	peer_wnd = 65535;
	i = nsent;
	peer_frame(0x10, PEER_ISN + 1, iss + 101, false);
	fake_run(rx_task, NULL);
	ck_assert_uint_gt(nsent, i);
	ck_assert_uint_eq(sent[i].seq, iss + 101);
	ck_assert_uint_eq(sent[i].len, 100);
	tcp_backoff_rto(fd, &backoff, &rto);
	ck_assert_uint_eq(backoff, 0);
	ck_assert_uint_eq(rto, rto0);
}
END_TEST

/*
 * 100 bytes written and sent at once; the peer acknowledges none of them
 * and announces the window wnd (in its scale's units).
 */
static void
sent_100_then_window(long fd, uint32_t iss, uint16_t wnd)
{
	ck_assert_int_eq(SYS(write, (uint64_t)fd, UDATA, 100), 100);
	ck_assert_uint_eq(sent[nsent - 1].len, 100);
	peer_wnd = wnd;
	peer_frame(0x10, PEER_ISN + 1, iss + 1, false);
	fake_run(rx_task, NULL);
}

/* A bare segment past our window: the number of the bare ACK answering. */
static uint32_t
out_of_window_answer(uint32_t iss)
{
	size_t i = nsent;

	peer_frame(0x10, PEER_ISN + 1 + 1000000, iss + 1, false);
	fake_run(rx_task, NULL);
	i = next_sent(i);
	ck_assert_uint_eq(sent[i].flags, 0x10);
	ck_assert_uint_eq(sent[i].len, 0);
	ck_assert_uint_eq(sent[i].ack, PEER_ISN + 1);
	return sent[i].seq;
}

START_TEST(test_bare_ack_stays_inside_a_shut_window)
{
	uint32_t iss;
	long fd = connected(&iss);

	/* The peer dropped the 100 bytes and shut its window. */
	sent_100_then_window(fd, iss, 0);
	/* A segment past our window is answered with a bare ACK, numbered
	 * where the peer's shut window takes it: iss + 1, not iss + 101. */
	ck_assert_uint_eq(out_of_window_answer(iss), iss + 1);
	peer_wnd = 65535;
}
END_TEST

/* tcpi_unacked: our segments in flight. */
static uint32_t
tcp_unacked(long fd)
{
	uint8_t info[104];
	uint32_t v;

	tcp_info(fd, info);
	memcpy(&v, info + 24, 4);
	return v;
}

/*
 * A peer that missed our ACK resends old data, and its segment carries
 * its news: the ACK of ours.  The segment is taken for that (it ends at
 * our last ACK, as Linux's tcp_sequence() takes it); refusing it whole
 * lost every ACK a peer sent that way (sim.net.lossy_lo's stalls).
 */
START_TEST(test_a_resent_segment_carries_the_peers_ack)
{
	uint32_t iss;
	size_t i;
	long fd = connected(&iss);

	peer_data(0x18, PEER_ISN + 1, iss + 1, false, 10);
	fake_run(rx_task, NULL);
	ck_assert_uint_eq(sent[nsent - 1].ack, PEER_ISN + 11);
	ck_assert_int_eq(SYS(write, (uint64_t)fd, UDATA, 100), 100);
	ck_assert_uint_eq(sent[nsent - 1].len, 100);
	ck_assert_uint_eq(tcp_unacked(fd), 1);
	i = nsent;
	peer_data(0x18, PEER_ISN + 1, iss + 101, false, 10);
	fake_run(rx_task, NULL);
	ck_assert_uint_eq(tcp_unacked(fd), 0);
	/* The old data is ACKed at once. */
	ck_assert_uint_gt(nsent, i);
	ck_assert_uint_eq(sent[i].len, 0);
	ck_assert_uint_eq(sent[i].ack, PEER_ISN + 11);
}
END_TEST

/*
 * With our window shut, a data segment at rcv_nxt still gives its ACK
 * and window; only its data is dropped, and an ACK says so at once.
 */
START_TEST(test_a_shut_window_takes_the_ack_of_data)
{
	uint32_t iss, n, seq = PEER_ISN + 1, end = PEER_ISN + 1 + 256 * 1024;
	uint8_t info[104];
	uint32_t space;
	size_t i;
	long fd = connected(&iss);

	ck_assert_int_eq(SYS(write, (uint64_t)fd, UDATA, 100), 100);
	ck_assert_uint_eq(tcp_unacked(fd), 1);
	for (; seq != end; seq += n) {
		n = end - seq < 1400 ? end - seq : 1400;
		peer_data(0x10, seq, iss + 1, false, n);
		fake_run(rx_task, NULL);
	}
	tcp_info(fd, info);
	memcpy(&space, info + 96, 4);		/* tcpi_rcv_space */
	ck_assert_uint_eq(space, 0);
	nsent = 0;
	peer_data(0x18, end, iss + 101, false, 10);
	fake_run(rx_task, NULL);
	ck_assert_uint_eq(tcp_unacked(fd), 0);
	i = next_sent(0);
	ck_assert_uint_eq(sent[i].len, 0);
	ck_assert_uint_eq(sent[i].ack, end);	/* the 10 bytes not taken */
}
END_TEST

/*
 * A peer scaling its window by 8 rounds it down: 96 bytes past snd_una
 * when we sent 100.  Our bare ACK still goes at snd_max, which the peer
 * holds; numbered at the window's end it fell before the peer's last
 * ACK, and each end refused the other's ACKs (sim.net.lossy_lo).
 */
START_TEST(test_bare_ack_at_snd_max_past_a_rounded_window)
{
	uint32_t iss;
	long fd;

	peer_wscale = 3;
	fd = connected(&iss);
	sent_100_then_window(fd, iss, 12);	/* 96 bytes */
	ck_assert_uint_eq(out_of_window_answer(iss), iss + 101);
	peer_wnd = 65535;
	peer_wscale = -1;
}
END_TEST

/* The RTO resends the oldest segment whole, past a window that shrank. */
START_TEST(test_rto_resends_the_head_past_a_shrunk_window)
{
	uint32_t iss;
	size_t i;
	long fd = connected(&iss);

	sent_100_then_window(fd, iss, 50);
	i = next_sent(nsent);			/* the first RTO, 1 s */
	ck_assert_uint_eq(sent[i].seq, iss + 1);
	ck_assert_uint_eq(sent[i].len, 100);
	peer_wnd = 65535;
}
END_TEST

/*
 * Bare segments outside the window are answered at most every 500 ms
 * (two ends refusing each other's ACKs would answer for ever); data
 * outside it always is.
 */
START_TEST(test_out_of_window_answers_are_rate_limited)
{
	uint32_t iss;
	size_t i;
	long fd = connected(&iss);

	(void)fd;
	i = nsent;
	peer_frame(0x10, PEER_ISN + 1 + 1000000, iss + 1, false);
	peer_frame(0x10, PEER_ISN + 1 + 1000000, iss + 1, false);
	fake_run(rx_task, NULL);
	ck_assert_uint_eq(nsent, i + 1);
	peer_data(0x18, PEER_ISN + 1 + 1000000, iss + 1, false, 10);
	peer_data(0x18, PEER_ISN + 1 + 1000000, iss + 1, false, 10);
	fake_run(rx_task, NULL);
	ck_assert_uint_eq(nsent, i + 3);
	usleep(600000);
	peer_frame(0x10, PEER_ISN + 1 + 1000000, iss + 1, false);
	fake_run(rx_task, NULL);
	ck_assert_uint_eq(nsent, i + 4);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("tcp_out");
	TCase *tc = tcase_create("eth");

	tcase_set_timeout(tc, 20);
	tcase_add_test(tc, test_fin_acked_after_rto_is_seen);
	tcase_add_test(tc, test_zero_window_probes_back_off_not_the_rto);
	tcase_add_test(tc, test_bare_ack_stays_inside_a_shut_window);
	tcase_add_test(tc, test_a_resent_segment_carries_the_peers_ack);
	tcase_add_test(tc, test_a_shut_window_takes_the_ack_of_data);
	tcase_add_test(tc, test_bare_ack_at_snd_max_past_a_rounded_window);
	tcase_add_test(tc, test_rto_resends_the_head_past_a_shrunk_window);
	tcase_add_test(tc, test_out_of_window_answers_are_rate_limited);
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
