/*
 * Two stacks joined by a faulty wire (issue 9: "two stacks ... transfer
 * 10 MB intact"): the services' TCP/IP stack is one global instance per
 * process, so each case forks two processes, A and B, each booting the
 * fake HAL and the stack with a test Ethernet device (A 10.0.2.15, the
 * default; B 10.0.2.16 through the ip= boot option).  A device sends
 * each frame as one message on a host SOCK_SEQPACKET socketpair; a host
 * thread per process, the device's "interrupt", reads the frames coming
 * in, passes them through a seeded fault injector (loss, duplication,
 * reordering: a frame held back until the next one or 2 ms, corruption:
 * one byte past the Ethernet header of an IPv4 frame, which the IPv4 or
 * TCP checksum must catch; ARP has no checksum, Ethernet's FCS guards
 * it) and hands them to netdev_rx() as a kernel task (fake_run()).
 *
 * A listens; B connects and writes TWOSTACK_BYTES (10 MB) of a pattern
 * through the socket syscalls, then shuts down its side; A checks every
 * byte and the count, answers the FIN with its own, and waits until its
 * connection is CLOSED while B waits for EOF and TIME_WAIT.  The parent
 * (the Check test) collects both reports and fails the case when either
 * side fails or TWOSTACK_TIMEOUT seconds (180) pass.  TWOSTACK_BYTES
 * changes the size (the 10 MB cases take about 35 s under Valgrind, so
 * it stays); the seed of the fault injector is TWOSTACK_SEED (1) plus
 * the side.  The stacks'
 * clock runs 4 times as fast as the host's (FAKE_HAL_CLOCK_RATE, unless
 * set): lost segments cost retransmission timeouts of 200 ms at least,
 * and time is all they cost the test.
 */
#define _GNU_SOURCE
#include <check.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <fw/errno.h>
#include <svc/netdev.h>
#include <uapi/mman.h>
#include <uapi/resource.h>
#include <uapi/socket.h>

#include "core/boot_impl.h"
#include "svc_env.h"

#include <sys/wait.h>		/* after svc/proc.h: WAIT_ANY */

#define UBUF		0x50000000ULL		/* the fake process's memory */
#define UBUF_ADDR	UBUF			/* a sockaddr, an option */
#define UBUF_DATA	(UBUF + FW_PAGE_SIZE)
#define CHUNK		((size_t)64 * 1024)
#define UBUF_LEN	(FW_PAGE_SIZE + CHUNK)
#define PORT		5001
#define FRAME_MAX	1600
#define BATCH		32
#define TCPI_CLOSE	7			/* Linux's TCP_CLOSE */
#define TCPI_TIME_WAIT	6

/* What a case asks of the wire, in percent of frames. */
struct faults {
	const char	*name;
	unsigned int	 loss, dup, reorder, corrupt;
};

/* What a side did, sent to the parent through a pipe. */
struct report {
	int		 ok;
	uint64_t	 bytes;			/* A: received, B: sent */
	uint64_t	 ns;			/* the transfer's time */
	uint64_t	 tx, tx_full;		/* frames sent, refused */
	uint64_t	 rx, lost, dups, held, bent;	/* frames in */
	uint64_t	 stalls, stall_ns;	/* gaps over 100 ms between */
	char		 msg[256];
};

/* One side's device and wire. */
struct wire {
	struct netdev	 nd;
	int		 fd;			/* its end of the socketpair */
	struct faults	 f;
	uint64_t	 rng;
	uint8_t		 held[FRAME_MAX];	/* a frame held back */
	size_t		 held_len;
	uint8_t		 batch[BATCH][FRAME_MAX];
	size_t		 batch_len[BATCH], nbatch;
	atomic_bool	 stop;
	struct report	*r;
	pthread_t	 thread;
};

static struct wire	 side;
static struct report	 rep;
static int		 rep_fd = -1, ctl_fd = -1;
static uint64_t		 total_bytes;

static uint64_t
now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

static uint64_t
env_u64(const char *name, uint64_t dflt)
{
	const char *v = getenv(name);

	return v != NULL && *v != '\0' ? strtoull(v, NULL, 0) : dflt;
}

/*
 * A child's end: the report goes to the parent, which says when to exit
 * (the peer may still need this stack to finish its close).
 */
static void __attribute__((noreturn))
side_exit(void)
{
	char c;

	if (write(rep_fd, &rep, sizeof(rep)) != (ssize_t)sizeof(rep))
		_exit(3);
	while (read(ctl_fd, &c, 1) > 0)
		;
	atomic_store(&side.stop, true);
	_exit(rep.ok ? 0 : 1);
}

#define FAIL(...)	do {						\
	snprintf(rep.msg, sizeof(rep.msg), __VA_ARGS__);		\
	rep.ok = 0;							\
	side_exit();							\
} while (0)

/* The stream's byte at off: a mix of its 32-bit word's index. */
static uint8_t
pattern(uint64_t off)
{
	uint32_t x = (uint32_t)(off >> 2) * 2654435761U;

	x ^= x >> 15;
	x *= 2246822519U;
	x ^= x >> 13;
	return (uint8_t)(x >> (8 * (off & 3)));
}

/* xorshift64, one stream per side. */
static unsigned int
roll(struct wire *w, unsigned int n)
{
	uint64_t x = w->rng;

	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	w->rng = x;
	return (unsigned int)((x >> 11) % n);
}

/* The device's transmit op: one frame, one message; a full socket drops. */
static int
wire_xmit(struct netdev *nd, const uint8_t *frame, size_t len)
{
	struct wire *w = nd->priv;

	if (send(w->fd, frame, len, MSG_DONTWAIT | MSG_NOSIGNAL) !=
	    (ssize_t)len) {
		w->r->tx_full++;
		return -ENOBUFS;
	}
	w->r->tx++;
	return 0;
}

static const struct netdev_ops wire_ops = { wire_xmit };

static void
batch_add(struct wire *w, const uint8_t *frame, size_t len)
{
	memcpy(w->batch[w->nbatch], frame, len);
	w->batch_len[w->nbatch++] = len;
}

static void
deliver_task(void *arg)
{
	struct wire *w = arg;
	size_t i;

	for (i = 0; i < w->nbatch; i++)
		netdev_rx(&w->nd, w->batch[i], w->batch_len[i]);
}

static void
batch_flush(struct wire *w)
{
	if (w->nbatch == 0)
		return;
	fake_run(deliver_task, w);
	w->nbatch = 0;
}

/* One frame off the wire, through the faults (at most 3 frames queued). */
static void
inject(struct wire *w, uint8_t *frame, size_t len)
{
	w->r->rx++;
	if (roll(w, 100) < w->f.loss) {
		w->r->lost++;
		return;
	}
	if (len > 14 && frame[12] == 0x08 && frame[13] == 0x00 &&
	    roll(w, 100) < w->f.corrupt) {
		frame[14 + roll(w, (unsigned int)len - 14)] ^=
		    (uint8_t)(1 + roll(w, 255));
		w->r->bent++;
	}
	if (w->held_len == 0 && roll(w, 100) < w->f.reorder) {
		memcpy(w->held, frame, len);
		w->held_len = len;
		w->r->held++;
		return;
	}
	batch_add(w, frame, len);
	if (roll(w, 100) < w->f.dup) {
		batch_add(w, frame, len);
		w->r->dups++;
	}
	if (w->held_len != 0) {
		batch_add(w, w->held, w->held_len);
		w->held_len = 0;
	}
}

/*
 * The device's receive side: a host thread, as the device's interrupt,
 * which never holds the fake CPU: batches go to a task and it waits.
 */
static void *
wire_thread(void *arg)
{
	struct wire *w = arg;
	uint8_t frame[FRAME_MAX];
	uint64_t last = 0, t;
	struct pollfd p;
	ssize_t n;
	int r;

	while (!atomic_load(&w->stop)) {
		p.fd = w->fd;
		p.events = POLLIN;
		r = poll(&p, 1, w->held_len != 0 ? 2 : 20);
		if (r == 0 && w->held_len != 0) {
			batch_add(w, w->held, w->held_len);	/* delayed */
			w->held_len = 0;
		}
		while (r > 0 && w->nbatch + 3 <= BATCH) {
			n = recv(w->fd, frame, sizeof(frame), MSG_DONTWAIT);
			if (n == 0)
				return NULL;		/* the peer is gone */
			if (n < 0)
				break;
			t = now_ns();
			if (last != 0 && t - last > 100000000) {
				w->r->stalls++;
				w->r->stall_ns += t - last;
			}
			last = t;
			inject(w, frame, (size_t)n);
		}
		batch_flush(w);
	}
	return NULL;
}

static void
register_task(void *arg)
{
	struct wire *w = arg;

	if (netdev_register(&w->nd) < 0)
		abort();
}

/* Boots this process's stack with its device on fd. */
static void
side_boot(int fd, int id, const struct faults *f)
{
	static const struct fw_boot_option opt_b[] = {
		{ "ip", "10.0.2.16::10.0.2.2:255.255.255.0::eth0:off" },
	};

	if (id == 1) {
		fw_boot_params.options = opt_b;
		fw_boot_params.noptions = 1;
	}
	env_setup();
	env_p->rlim[LINUX_RLIMIT_NOFILE].cur = 1024;
	env_p->rlim[LINUX_RLIMIT_NOFILE].max = 4096;
	if (SYS(mmap, UBUF, UBUF_LEN, LINUX_PROT_READ | LINUX_PROT_WRITE,
	    LINUX_MAP_PRIVATE | LINUX_MAP_ANONYMOUS | LINUX_MAP_FIXED,
	    (uint64_t)-1, 0) != (long)UBUF)
		FAIL("mmap");
	side.fd = fd;
	side.f = *f;
	side.r = &rep;
	side.rng = env_u64("TWOSTACK_SEED", 1) * 0x9e3779b97f4a7c15ULL +
	    (uint64_t)id + 1;
	side.nd.ops = &wire_ops;
	side.nd.priv = &side;
	side.nd.mtu = 1500;
	memcpy(side.nd.mac, (uint8_t[6]){ 0x02, 0, 0, 0, 0, 0x0a + id }, 6);
	fake_run(register_task, &side);
	if (pthread_create(&side.thread, NULL, wire_thread, &side) != 0)
		FAIL("pthread_create");
}

/* A sockaddr_in for 10.0.2.x:PORT at UBUF_ADDR. */
static void
put_sin(uint8_t host)
{
	uint8_t sa[16] = { LINUX_AF_INET, 0, PORT >> 8, PORT & 0xff, 10, 0,
	    2, host };

	if (host == 0)
		memset(sa + 4, 0, 4);		/* INADDR_ANY */
	if (env_put(UBUF_ADDR, sa, sizeof(sa)) < 0)
		FAIL("env_put");
}

/* The connection's state as TCP_INFO shows it (tcpi_state). */
static int
tcp_state(long fd)
{
	uint8_t info[104];
	uint32_t len = sizeof(info);

	if (env_put(UBUF_ADDR + 512, &len, sizeof(len)) < 0 ||
	    SYS(getsockopt, (uint64_t)fd, 6, 11, UBUF_ADDR,
	    UBUF_ADDR + 512) < 0 ||
	    env_get(UBUF_ADDR, info, sizeof(info)) < 0)
		return -1;
	return info[0];
}

/*
 * Waits (host time, up to 30 s) until the connection is in state, or in
 * also (-1: none).
 */
static void
wait_state(long fd, int state, int also)
{
	uint64_t end = now_ns() + 30000000000ULL;
	int s;

	while ((s = tcp_state(fd)) != state && s != also) {
		if (now_ns() > end)
			FAIL("state %d, not %d, after 30 s", s, state);
		usleep(2000);
	}
}

/* A: accepts, checks every byte, closes after the peer. */
static void
side_a(int ready_fd)
{
	uint8_t buf[CHUNK];
	uint64_t got = 0, t0;
	long ls, fd, n, i;

	if ((ls = SYS(socket, LINUX_AF_INET, LINUX_SOCK_STREAM, 0)) < 0)
		FAIL("socket: %ld", ls);
	put_sin(0);
	if ((n = SYS(bind, (uint64_t)ls, UBUF_ADDR, 16)) < 0 ||
	    (n = SYS(listen, (uint64_t)ls, 4)) < 0)
		FAIL("bind/listen: %ld", n);
	if (write(ready_fd, "r", 1) != 1)
		FAIL("ready");
	if ((fd = SYS(accept4, (uint64_t)ls, 0, 0, 0)) < 0)
		FAIL("accept4: %ld", fd);
	t0 = now_ns();
	for (;;) {
		if ((n = SYS(read, (uint64_t)fd, UBUF_DATA, CHUNK)) < 0)
			FAIL("read at %llu: %ld", (unsigned long long)got, n);
		if (n == 0)
			break;			/* B's FIN */
		if (env_get(UBUF_DATA, buf, (size_t)n) < 0)
			FAIL("env_get");
		for (i = 0; i < n; i++)
			if (buf[i] != pattern(got + (uint64_t)i))
				FAIL("byte %llu is %#x, not %#x",
				    (unsigned long long)(got + (uint64_t)i),
				    buf[i], pattern(got + (uint64_t)i));
		got += (uint64_t)n;
		if (got > total_bytes)
			FAIL("%llu bytes, more than sent",
			    (unsigned long long)got);
	}
	rep.ns = now_ns() - t0;
	rep.bytes = got;
	if ((n = SYS(shutdown, (uint64_t)fd, 1)) < 0)
		FAIL("shutdown: %ld", n);
	wait_state(fd, TCPI_CLOSE, -1);		/* our FIN was acknowledged */
	if (SYS(close, (uint64_t)fd) < 0 || SYS(close, (uint64_t)ls) < 0)
		FAIL("close");
	rep.ok = got == total_bytes;
	if (!rep.ok)
		FAIL("received %llu bytes", (unsigned long long)got);
}

/* B: connects, sends the pattern, half-closes and waits for A's FIN. */
static void
side_b(int ready_fd)
{
	uint8_t buf[CHUNK], c;
	uint64_t sent = 0, t0;
	long fd, n;
	size_t len, i;

	if (read(ready_fd, &c, 1) != 1)
		FAIL("A is not listening");
	if ((fd = SYS(socket, LINUX_AF_INET, LINUX_SOCK_STREAM, 0)) < 0)
		FAIL("socket: %ld", fd);
	put_sin(15);
	if ((n = SYS(connect, (uint64_t)fd, UBUF_ADDR, 16)) < 0)
		FAIL("connect: %ld", n);
	t0 = now_ns();
	while (sent < total_bytes) {
		len = total_bytes - sent < CHUNK ?
		    (size_t)(total_bytes - sent) : CHUNK;
		for (i = 0; i < len; i++)
			buf[i] = pattern(sent + i);
		if (env_put(UBUF_DATA, buf, len) < 0)
			FAIL("env_put");
		n = SYS(write, (uint64_t)fd, UBUF_DATA, len);
		if (n <= 0)
			FAIL("write at %llu: %ld", (unsigned long long)sent,
			    n);
		sent += (uint64_t)n;
	}
	rep.bytes = sent;
	if ((n = SYS(shutdown, (uint64_t)fd, 1)) < 0)
		FAIL("shutdown: %ld", n);
	if ((n = SYS(read, (uint64_t)fd, UBUF_DATA, CHUNK)) != 0)
		FAIL("read after shutdown: %ld, not EOF", n);
	rep.ns = now_ns() - t0;
	/*
	 * TIME_WAIT; or CLOSE, when a duplicate of one of our segments
	 * reached A after its connection was gone: A answers with a RST,
	 * which ends a TIME_WAIT as in Linux (tcp_rfc1337 = 0).
	 */
	wait_state(fd, TCPI_TIME_WAIT, TCPI_CLOSE);
	if (SYS(close, (uint64_t)fd) < 0)
		FAIL("close");
	rep.ok = 1;
}

struct child {
	pid_t	 pid;
	int	 rep, ctl;		/* the parent's ends */
	struct report r;
	bool	 have;
};

static void
child_start(struct child *c, int id, int wire_fd, int ready_fd,
    const struct faults *f, int *close_fds, int nclose)
{
	int rp[2], cp[2], i;

	ck_assert_int_eq(pipe(rp), 0);
	ck_assert_int_eq(pipe(cp), 0);
	c->pid = fork();
	ck_assert_int_ge(c->pid, 0);
	if (c->pid == 0) {
		for (i = 0; i < nclose; i++)
			close(close_fds[i]);
		close(rp[0]);
		close(cp[1]);
		rep_fd = rp[1];
		ctl_fd = cp[0];
		side_boot(wire_fd, id, f);
		if (id == 0)
			side_a(ready_fd);
		else
			side_b(ready_fd);
		side_exit();
	}
	close(rp[1]);
	close(cp[0]);
	c->rep = rp[0];
	c->ctl = cp[1];
	c->have = false;
}

/* Reads the children's reports until both came or the deadline passed. */
static void
collect(struct child *c, uint64_t deadline)
{
	struct pollfd p;
	int i;

	for (i = 0; i < 2; i++)
		while (!c[i].have && now_ns() < deadline) {
			p.fd = c[i].rep;
			p.events = POLLIN;
			if (poll(&p, 1, 100) <= 0)
				continue;
			if (read(c[i].rep, &c[i].r, sizeof(c[i].r)) !=
			    (ssize_t)sizeof(c[i].r))
				break;		/* it died */
			c[i].have = true;
		}
}

/*
 * A frame the socket has no room for is dropped (a full ring): room for
 * a few thousand keeps the clean wire clean.  SO_SNDBUFFORCE passes
 * wmem_max as root; SO_SNDBUF is cut to it otherwise.
 */
static void
wire_buffers(int fd)
{
	int size = 8 << 20;

	if (setsockopt(fd, SOL_SOCKET, SO_SNDBUFFORCE, &size,
	    sizeof(size)) < 0)
		(void)setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &size,
		    sizeof(size));
	if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &size,
	    sizeof(size)) < 0)
		(void)setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size,
		    sizeof(size));
}

static void
run_case(const struct faults *f)
{
	uint64_t timeout = env_u64("TWOSTACK_TIMEOUT", 180);
	struct child c[2];
	int sv[2], ready[2], st, i, all[4];

	total_bytes = env_u64("TWOSTACK_BYTES", 10 << 20);
	if (getenv("FAKE_HAL_CLOCK_RATE") == NULL)
		setenv("FAKE_HAL_CLOCK_RATE", "4", 1);
	ck_assert_int_eq(socketpair(AF_UNIX, SOCK_SEQPACKET, 0, sv), 0);
	for (i = 0; i < 2; i++)
		wire_buffers(sv[i]);
	ck_assert_int_eq(pipe(ready), 0);
	all[0] = sv[1];
	all[1] = ready[0];
	child_start(&c[0], 0, sv[0], ready[1], f, all, 2);
	all[0] = sv[0];
	all[1] = ready[1];
	all[2] = c[0].rep;
	all[3] = c[0].ctl;
	child_start(&c[1], 1, sv[1], ready[0], f, all, 4);
	close(sv[0]);
	close(sv[1]);
	close(ready[0]);
	close(ready[1]);
	collect(c, now_ns() + timeout * 1000000000ULL);
	for (i = 0; i < 2; i++) {
		close(c[i].ctl);		/* both may exit now */
		if (!c[i].have)
			kill(c[i].pid, SIGKILL);
	}
	for (i = 0; i < 2; i++) {
		ck_assert_int_eq(waitpid(c[i].pid, &st, 0), c[i].pid);
		close(c[i].rep);
		fprintf(stderr, "twostack %s %c: %s %llu bytes in %.2f s; "
		    "frames out %llu (%llu refused), in %llu: lost %llu, "
		    "dup %llu, held %llu, corrupt %llu; %llu gaps (%.2f s)"
		    "%s%s\n", f->name,
		    'A' + i, c[i].have ? (c[i].r.ok ? "ok" : "FAILED") :
		    "TIMED OUT", (unsigned long long)c[i].r.bytes,
		    (double)c[i].r.ns / 1e9, (unsigned long long)c[i].r.tx,
		    (unsigned long long)c[i].r.tx_full,
		    (unsigned long long)c[i].r.rx,
		    (unsigned long long)c[i].r.lost,
		    (unsigned long long)c[i].r.dups,
		    (unsigned long long)c[i].r.held,
		    (unsigned long long)c[i].r.bent,
		    (unsigned long long)c[i].r.stalls,
		    (double)c[i].r.stall_ns / 1e9,
		    c[i].r.msg[0] != '\0' ? ": " : "", c[i].r.msg);
	}
	for (i = 0; i < 2; i++) {
		ck_assert_msg(c[i].have, "side %c timed out after %llu s",
		    'A' + i, (unsigned long long)timeout);
		ck_assert_msg(c[i].r.ok, "side %c: %s", 'A' + i, c[i].r.msg);
	}
	ck_assert_uint_eq(c[0].r.bytes, total_bytes);
	ck_assert_uint_eq(c[1].r.bytes, total_bytes);
	/* The faults asked for happened. */
	ck_assert(f->loss == 0 || c[0].r.lost + c[1].r.lost > 0);
	ck_assert(f->dup == 0 || c[0].r.dups + c[1].r.dups > 0);
	ck_assert(f->reorder == 0 || c[0].r.held + c[1].r.held > 0);
	ck_assert(f->corrupt == 0 || c[0].r.bent + c[1].r.bent > 0);
}

static const struct faults cases[] = {
	{ "clean", 0, 0, 0, 0 },
	{ "loss5", 5, 0, 0, 0 },
	{ "loss3_dup3_reorder10", 3, 3, 10, 0 },
	{ "corrupt1", 0, 0, 0, 1 },
};

/* TWOSTACK_FAULTS="loss,dup,reorder,corrupt" (percent): a case of one's
 * own, for hunting bugs with other seeds and rates. */
static struct faults custom = { "custom", 0, 0, 0, 0 };

START_TEST(test_transfer_intact)
{
	run_case(_i < 0 ? &custom : &cases[_i]);
}
END_TEST

/* TWOSTACK_CASE=name runs that case alone (ctest runs them apart). */
static Suite *
suite(void)
{
	const char *only = getenv("TWOSTACK_CASE");
	const char *mine = getenv("TWOSTACK_FAULTS");
	Suite *s = suite_create("twostack");
	TCase *tc = tcase_create("wire");
	int first = 0, end = (int)(sizeof(cases) / sizeof(cases[0])), i;

	for (i = 0; only != NULL && *only != '\0' && i < end; i++)
		if (strcmp(cases[i].name, only) == 0) {
			first = i;
			end = i + 1;
			break;
		}
	if (mine != NULL && sscanf(mine, "%u,%u,%u,%u", &custom.loss,
	    &custom.dup, &custom.reorder, &custom.corrupt) == 4) {
		first = -1;
		end = 0;
	}

	/* The cases keep their own deadline (TWOSTACK_TIMEOUT). */
	tcase_set_timeout(tc, (double)env_u64("TWOSTACK_TIMEOUT", 180) + 60);
	tcase_add_loop_test(tc, test_transfer_intact, first, end);
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
