/*
 * drivers/virtio/p9_selftest.c: a boot-time check of the device path end
 * to end (boot option p9test=FILE, `trellis run --root DIR --kopt
 * p9test=FILE`): over the virtio-9p transport it sends Tversion, Tattach,
 * Twalk to FILE (one name), Tlopen and Tread, and prints the file's first
 * bytes to the console between "p9test: begin" and "p9test: end" lines,
 * then clunks, closes and resets the device.  Until the 9P client file
 * system exists, this is how the tests reach the device from the services.
 */
#include <fw/console.h>
#include <fw/errno.h>
#include <fw/log.h>
#include <svc/lib.h>
#include <svc/virtio.h>

#define P9_NOTAG	0xffffu
#define P9_NOFID	0xffffffffu
#define P9_RLERROR	7
#define P9_TLOPEN	12
#define P9_TVERSION	100
#define P9_TATTACH	104
#define P9_TWALK	110
#define P9_TREAD	116
#define P9_TCLUNK	120
#define ST_BUF		8192

/* A message being built: a buffer and a length. */
struct st_msg {
	uint8_t	b[512];
	size_t	n;
	bool	bad;
};

static void
put(struct st_msg *m, uint64_t v, size_t bytes)
{
	size_t i;

	if (m->n + bytes > sizeof(m->b)) {
		m->bad = true;
		return;
	}
	for (i = 0; i < bytes; i++)
		m->b[m->n++] = (uint8_t)(v >> (8 * i));
}

static void
put_str(struct st_msg *m, const char *s)
{
	size_t len = str_len(s);

	put(m, len, 2);
	if (m->n + len > sizeof(m->b)) {
		m->bad = true;
		return;
	}
	memcpy(m->b + m->n, s, len);
	m->n += len;
}

static void
begin(struct st_msg *m, unsigned int type, unsigned int tag)
{
	m->n = 0;
	m->bad = false;
	put(m, 0, 4);
	put(m, type, 1);
	put(m, tag, 2);
}

static uint32_t
get32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24;
}

/* Sends m and checks the reply's type: its length, or -errno. */
static long
rpc(struct p9_transport *t, struct st_msg *m, uint8_t *r, unsigned int want)
{
	long n;

	if (m->bad)
		return -EMSGSIZE;
	m->b[0] = (uint8_t)m->n;
	m->b[1] = (uint8_t)(m->n >> 8);
	m->b[2] = (uint8_t)(m->n >> 16);
	m->b[3] = (uint8_t)(m->n >> 24);
	if ((n = p9_transport_rpc(t, m->b, m->n, r, ST_BUF)) < 0)
		return n;
	if (r[4] == P9_RLERROR && n >= 11)
		return -(long)get32(r + 7);
	return r[4] == want ? n : -EPROTO;
}

static void
say(const char *s, size_t n)
{
	if (fw_console_write(FW_CONSOLE_OUT, s, n) < 0)
		fw_log(FW_LOG_ERROR, "p9test: console write failed");
}

static long
p9_selftest_run(struct p9_transport *t, const char *file, uint8_t *r)
{
	struct st_msg m;
	long n;

	begin(&m, P9_TVERSION, P9_NOTAG);
	put(&m, p9_transport_msize(t), 4);
	put_str(&m, "9P2000.L");
	if ((n = rpc(t, &m, r, P9_TVERSION + 1)) < 0)
		return n;
	begin(&m, P9_TATTACH, 1);
	put(&m, 0, 4);
	put(&m, P9_NOFID, 4);
	put_str(&m, "root");
	put_str(&m, "");
	put(&m, 0, 4);
	if ((n = rpc(t, &m, r, P9_TATTACH + 1)) < 0)
		return n;
	begin(&m, P9_TWALK, 1);
	put(&m, 0, 4);
	put(&m, 1, 4);
	put(&m, 1, 2);
	put_str(&m, file);
	if ((n = rpc(t, &m, r, P9_TWALK + 1)) < 0)
		return n;
	if (n < 9 || (r[7] | r[8] << 8) != 1)
		return -ENOENT;
	begin(&m, P9_TLOPEN, 1);
	put(&m, 1, 4);
	put(&m, 0, 4);			/* O_RDONLY */
	if ((n = rpc(t, &m, r, P9_TLOPEN + 1)) < 0)
		return n;
	begin(&m, P9_TREAD, 1);
	put(&m, 1, 4);
	put(&m, 0, 8);
	put(&m, ST_BUF - 11, 4);
	if ((n = rpc(t, &m, r, P9_TREAD + 1)) < 0)
		return n;
	if (n < 11 || get32(r + 7) > (size_t)n - 11)
		return -EPROTO;
	say("p9test: begin\n", 14);
	say((const char *)r + 11, get32(r + 7));
	say("p9test: end\n", 12);
	begin(&m, P9_TCLUNK, 1);
	put(&m, 1, 4);
	if ((n = rpc(t, &m, r, P9_TCLUNK + 1)) < 0)
		return n;
	begin(&m, P9_TCLUNK, 1);
	put(&m, 0, 4);
	return rpc(t, &m, r, P9_TCLUNK + 1);
}

int
p9_selftest(const char *file)
{
	static uint8_t r[ST_BUF];	/* only svc_main runs this */
	struct p9_transport *t;
	char tag[32], line[96];
	long err;
	int n;

	if ((err = p9_transport_open(&t, tag, sizeof(tag))) == 0) {
		n = fw_snprintf(line, sizeof(line), "p9test: tag %s\n", tag);
		say(line, (size_t)n);
		err = p9_selftest_run(t, file, r);
		p9_transport_close(t);
	}
	if (err < 0) {
		n = fw_snprintf(line, sizeof(line), "p9test: error %ld\n", -err);
		say(line, (size_t)n);
		return (int)err;
	}
	return 0;
}
