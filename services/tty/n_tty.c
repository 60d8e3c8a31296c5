/*
 * services/tty/n_tty.c: the line discipline N_TTY of a pty pair
 * (termios(3)).  Input (what the master writes) is mapped (ISTRIP, IGNCR,
 * ICRNL, INLCR), may raise a signal (ISIG: VINTR, VQUIT, VSUSP), and is
 * edited into lines (ICANON: VERASE, VWERASE, VKILL, VEOF, VEOL, VEOL2)
 * or passed on raw; echoes (ECHO, ECHOE, ECHOK, ECHOKE, ECHONL, ECHOCTL)
 * and the slave's output go through OPOST processing (ONLCR, OCRNL) into
 * the output queue the master reads.  Character value 0 disables a c_cc
 * entry (_POSIX_VDISABLE).
 *
 * The input queue is linear: reads consume from its front and move the
 * rest down (at most TTY_BUF bytes).  In canonical mode one slot is kept
 * for the line end: a full line takes only erases and line ends.  An echo
 * that finds the output queue full is dropped, as Linux drops it.
 *
 * Interface: n_tty_* (tty.h).
 * Locks: everything here runs under pty->lock.
 */
#include <svc/lib.h>
#include <uapi/signal.h>
#include "tty.h"

/* Linux's tty_std_termios, with the control characters of termios(3). */
const struct linux_termios tty_std_termios = {
	.c_iflag = LINUX_ICRNL | LINUX_IXON,
	.c_oflag = LINUX_OPOST | LINUX_ONLCR,
	.c_cflag = LINUX_B38400 | LINUX_CS8 | LINUX_CREAD | LINUX_HUPCL,
	.c_lflag = LINUX_ISIG | LINUX_ICANON | LINUX_ECHO | LINUX_ECHOE |
	    LINUX_ECHOK | LINUX_IEXTEN | LINUX_ECHOCTL | LINUX_ECHOKE,
	.c_cc = {
		[LINUX_VINTR] = 003, [LINUX_VQUIT] = 034,
		[LINUX_VERASE] = 0177, [LINUX_VKILL] = 025,
		[LINUX_VEOF] = 004, [LINUX_VTIME] = 0, [LINUX_VMIN] = 1,
		[LINUX_VSTART] = 021, [LINUX_VSTOP] = 023,
		[LINUX_VSUSP] = 032, [LINUX_VREPRINT] = 022,
		[LINUX_VDISCARD] = 017, [LINUX_VWERASE] = 027,
		[LINUX_VLNEXT] = 026,
	},
};

#define LFLAG(t, f)	(((t)->tio.c_lflag & LINUX_##f) != 0)
#define IFLAG(t, f)	(((t)->tio.c_iflag & LINUX_##f) != 0)

/* Whether c is the enabled control character cc of t. */
static bool
is_cc(const struct pty *t, uint8_t c, int cc)
{
	return t->tio.c_cc[cc] != 0 && t->tio.c_cc[cc] == c;
}

static bool
is_ctl(uint8_t c)
{
	return (c < 040 && c != '\t') || c == 0177;
}

static bool
out_put_locked(struct pty *t, const uint8_t *s, size_t n)
	FW_REQUIRES(&t->lock)
{
	if (t->out.len + n > TTY_BUF)
		return false;
	memcpy(t->out.buf + t->out.len, s, n);
	t->out.len += n;
	return true;
}

/* One byte of output through OPOST: whether it went in whole. */
static bool
opost_locked(struct pty *t, uint8_t c) FW_REQUIRES(&t->lock)
{
	static const uint8_t crlf[2] = { '\r', '\n' };
	uint32_t o = t->tio.c_oflag;

	if ((o & LINUX_OPOST) && c == '\n' && (o & LINUX_ONLCR))
		return out_put_locked(t, crlf, 2);
	if ((o & LINUX_OPOST) && c == '\r' && (o & LINUX_OCRNL))
		c = '\n';
	return out_put_locked(t, &c, 1);
}

/* Echoes c, a control character as ^X under ECHOCTL. */
static void
echo_locked(struct pty *t, uint8_t c) FW_REQUIRES(&t->lock)
{
	if (LFLAG(t, ECHOCTL) && is_ctl(c) && c != '\n') {
		(void)opost_locked(t, '^');
		c ^= 0100;
	}
	(void)opost_locked(t, c);
}

/* The columns c took when echoed. */
static int
echo_width(const struct pty *t, uint8_t c)
{
	return LFLAG(t, ECHOCTL) && is_ctl(c) ? 2 : 1;
}

/* Rubs out the last byte of the line being edited: whether there was one. */
static bool
erase_one_locked(struct pty *t, bool visual) FW_REQUIRES(&t->lock)
{
	static const uint8_t rub[3] = { '\b', ' ', '\b' };
	uint8_t c;
	int w;

	if (t->ld.len == t->ld.ready)
		return false;
	c = t->ld.buf[--t->ld.len];
	if (visual && LFLAG(t, ECHO) && LFLAG(t, ECHOE)) {
		for (w = echo_width(t, c); w > 0; w--)
			(void)out_put_locked(t, rub, sizeof(rub));
	}
	return true;
}

static bool
is_word(uint8_t c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z') || c == '_';
}

/* VERASE, VWERASE and VKILL on the line being edited. */
static void
erase_locked(struct pty *t, uint8_t c, int cc) FW_REQUIRES(&t->lock)
{
	bool seen_word = false;

	if (cc == LINUX_VERASE) {
		if (erase_one_locked(t, true) && LFLAG(t, ECHO) &&
		    !LFLAG(t, ECHOE))
			echo_locked(t, c);
		return;
	}
	if (cc == LINUX_VWERASE) {
		while (t->ld.len > t->ld.ready) {
			if (is_word(t->ld.buf[t->ld.len - 1]))
				seen_word = true;
			else if (seen_word)
				break;
			(void)erase_one_locked(t, true);
		}
		return;
	}
	if (LFLAG(t, ECHO) && LFLAG(t, ECHOK) && LFLAG(t, ECHOKE) &&
	    LFLAG(t, ECHOE)) {
		while (erase_one_locked(t, true))
			;
		return;
	}
	t->ld.len = t->ld.ready;
	if (LFLAG(t, ECHO)) {
		echo_locked(t, c);
		if (LFLAG(t, ECHOK))
			(void)opost_locked(t, '\n');
	}
}

static void
put_locked(struct pty *t, uint8_t c, uint8_t mark) FW_REQUIRES(&t->lock)
{
	t->ld.buf[t->ld.len] = c;
	t->ld.mark[t->ld.len++] = mark;
}

/* The signal c raises under ISIG, or 0. */
static int
isig_of(const struct pty *t, uint8_t c)
{
	if (!LFLAG(t, ISIG))
		return 0;
	if (is_cc(t, c, LINUX_VINTR))
		return LINUX_SIGINT;
	if (is_cc(t, c, LINUX_VQUIT))
		return LINUX_SIGQUIT;
	if (is_cc(t, c, LINUX_VSUSP))
		return LINUX_SIGTSTP;
	return 0;
}

/* One byte of canonical input (there is room for a line end). */
static void
canon_locked(struct pty *t, uint8_t c) FW_REQUIRES(&t->lock)
{
	bool ext = LFLAG(t, IEXTEN);

	if (is_cc(t, c, LINUX_VERASE) || is_cc(t, c, LINUX_VKILL) ||
	    (ext && is_cc(t, c, LINUX_VWERASE))) {
		erase_locked(t, c, is_cc(t, c, LINUX_VERASE) ? LINUX_VERASE :
		    is_cc(t, c, LINUX_VKILL) ? LINUX_VKILL : LINUX_VWERASE);
		return;
	}
	if (is_cc(t, c, LINUX_VEOF)) {
		put_locked(t, c, NTTY_EOF);
		t->ld.ready = t->ld.len;
		return;
	}
	if (c == '\n' || is_cc(t, c, LINUX_VEOL) ||
	    (ext && is_cc(t, c, LINUX_VEOL2))) {
		put_locked(t, c, NTTY_EOL);
		t->ld.ready = t->ld.len;
		if (c == '\n' && (LFLAG(t, ECHO) || LFLAG(t, ECHONL)))
			(void)opost_locked(t, '\n');
		else if (LFLAG(t, ECHO))
			echo_locked(t, c);
		return;
	}
	if (t->ld.len >= TTY_BUF - 1)
		return;				/* the line is full */
	put_locked(t, c, 0);
	if (LFLAG(t, ECHO))
		echo_locked(t, c);
}

/* Whether the input queue can take another byte now. */
static bool
room_locked(const struct pty *t) FW_REQUIRES(&t->lock)
{
	if (!LFLAG(t, ICANON))
		return t->ld.len < TTY_BUF;
	return t->ld.len < TTY_BUF - 1 || t->ld.ready == 0;
}

size_t
n_tty_receive_locked(struct pty *t, const uint8_t *buf, size_t len,
    struct tty_sigs *sigs)
{
	size_t i;
	uint8_t c;
	int sig;

	for (i = 0; i < len && room_locked(t); i++) {
		c = buf[i];
		if (IFLAG(t, ISTRIP))
			c &= 0177;
		if (c == '\r' && IFLAG(t, IGNCR))
			continue;
		if (c == '\r' && IFLAG(t, ICRNL))
			c = '\n';
		else if (c == '\n' && IFLAG(t, INLCR))
			c = '\r';
		if ((sig = isig_of(t, c)) != 0) {
			if (!LFLAG(t, NOFLSH)) {
				n_tty_flush_locked(t);
				t->out.len = 0;
			}
			if (LFLAG(t, ECHO))
				echo_locked(t, c);
			if (sigs->n < (int)ARRAY_SIZE(sigs->sig))
				sigs->sig[sigs->n++] = sig;
		} else if (LFLAG(t, ICANON)) {
			canon_locked(t, c);
		} else {
			put_locked(t, c, 0);
			t->ld.ready = t->ld.len;
			if (LFLAG(t, ECHO))
				echo_locked(t, c);
		}
	}
	return i;
}

size_t
n_tty_write_locked(struct pty *t, const uint8_t *buf, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		if (!opost_locked(t, buf[i]))
			break;
	}
	return i;
}

static void
consume_locked(struct pty *t, size_t n) FW_REQUIRES(&t->lock)
{
	memmove(t->ld.buf, t->ld.buf + n, t->ld.len - n);
	memmove(t->ld.mark, t->ld.mark + n, t->ld.len - n);
	t->ld.len -= n;
	t->ld.ready -= n;
}

long
n_tty_read_locked(struct pty *t, uint8_t *buf, size_t len)
{
	size_t i, n, data;

	if (t->ld.ready == 0)
		return -EAGAIN;
	if (!LFLAG(t, ICANON)) {
		n = MIN(len, t->ld.ready);
		memcpy(buf, t->ld.buf, n);
		consume_locked(t, n);
		return (long)n;
	}
	for (i = 0; i + 1 < t->ld.ready && t->ld.mark[i] == 0; i++)
		;
	data = t->ld.mark[i] == NTTY_EOF ? i : i + 1;
	n = MIN(len, data);
	memcpy(buf, t->ld.buf, n);
	consume_locked(t, n == data ? i + 1 : n);
	return (long)n;
}

size_t
n_tty_inq_locked(const struct pty *t)
{
	size_t i, n = t->ld.ready;

	if (LFLAG(t, ICANON)) {
		for (i = 0; i < t->ld.ready; i++)
			n -= t->ld.mark[i] == NTTY_EOF;
	}
	return n;
}

void
n_tty_flush_locked(struct pty *t)
{
	t->ld.len = 0;
	t->ld.ready = 0;
}

void
n_tty_set_locked(struct pty *t, const struct linux_termios *old)
{
	size_t i;

	if (!LFLAG(t, ICANON)) {
		t->ld.ready = t->ld.len;
		return;
	}
	if (old->c_lflag & LINUX_ICANON)
		return;
	t->ld.ready = 0;
	for (i = 0; i < t->ld.len; i++) {
		if (t->ld.mark[i] != 0)
			t->ld.ready = i + 1;
	}
}
