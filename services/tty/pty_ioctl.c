/*
 * services/tty/pty_ioctl.c: the ioctls of both sides of a pty pair
 * (tty_ioctl(4), pts(4)): termios (TCGETS, TCSETS, TCSETSW, TCSETSF),
 * window size (TIOCGWINSZ, TIOCSWINSZ: SIGWINCH to the foreground group
 * on a change), the master's TIOCGPTN, TIOCSPTLCK and TIOCGPTPEER, queue
 * sizes (FIONREAD, TIOCOUTQ), TCFLSH, and the controlling-terminal ones
 * (ctty.c).  TCSBRK and TCXONC succeed and do nothing (there is no line).
 * A hung-up slave answers EIO (TIOCSPGRP: ENOTTY); anything else, ENOTTY.
 *
 * Interface: pty_ioctl() (tty.h).
 * Locks: pty->lock around each look at the pair, never across a copy.
 */
#include <fw/uaccess.h>
#include <svc/file.h>
#include <uapi/fcntl.h>
#include <uapi/signal.h>
#include "tty.h"

static long
put_int(struct thread *th, uint64_t arg, int32_t v)
{
	return fw_copy_to_user(th->proc->vm, fw_uaddr(arg), &v, sizeof(v));
}

static long
pty_tcsets(struct pty *t, struct thread *th, unsigned int cmd, uint64_t arg)
{
	struct linux_termios tio, old;
	int err;

	if ((err = fw_copy_from_user(th->proc->vm, &tio, fw_uaddr(arg),
	    sizeof(tio))) < 0)
		return err;
	fw_mutex_lock(&t->lock);
	old = t->tio;
	t->tio = tio;
	if (cmd == LINUX_TCSETSF)
		n_tty_flush_locked(t);
	n_tty_set_locked(t, &old);
	pty_changed_locked(t, 0);
	fw_mutex_unlock(&t->lock);
	return 0;
}

static long
pty_winsize(struct pty *t, struct thread *th, unsigned int cmd,
    uint64_t arg)
{
	struct linux_winsize ws;
	int err, pgrp = 0;

	if (cmd == LINUX_TIOCGWINSZ) {
		fw_mutex_lock(&t->lock);
		ws = t->ws;
		fw_mutex_unlock(&t->lock);
		return fw_copy_to_user(th->proc->vm, fw_uaddr(arg), &ws,
		    sizeof(ws));
	}
	if ((err = fw_copy_from_user(th->proc->vm, &ws, fw_uaddr(arg),
	    sizeof(ws))) < 0)
		return err;
	fw_mutex_lock(&t->lock);
	if (memcmp(&ws, &t->ws, sizeof(ws)) != 0) {
		t->ws = ws;
		pgrp = t->pgrp;
	}
	fw_mutex_unlock(&t->lock);
	tty_signal_pgrp(pgrp, LINUX_SIGWINCH);
	return 0;
}

/* TCFLSH: a side's input queue is what it reads. */
static long
pty_flush(struct pty *t, bool master, uint64_t arg)
{
	bool in = arg == LINUX_TCIFLUSH || arg == LINUX_TCIOFLUSH;
	bool out = arg == LINUX_TCOFLUSH || arg == LINUX_TCIOFLUSH;

	if (!in && !out)
		return -EINVAL;
	fw_mutex_lock(&t->lock);
	if (master ? out : in)
		n_tty_flush_locked(t);
	if (master ? in : out)
		t->out.len = 0;
	pty_changed_locked(t, 0);
	fw_mutex_unlock(&t->lock);
	return 0;
}

/* TIOCGPTPEER: a slave file on a new descriptor, with open flags arg. */
static long
pty_open_peer(struct pty *t, struct thread *th, uint64_t arg)
{
	unsigned int flags = (unsigned int)arg;
	struct file *f;
	int err;

	if (flags & ~(unsigned int)(LINUX_O_ACCMODE | LINUX_O_NONBLOCK |
	    LINUX_O_NOCTTY | LINUX_O_CLOEXEC))
		return -EINVAL;
	if ((err = pty_slave_file(t, flags & ~(unsigned int)(LINUX_O_NOCTTY |
	    LINUX_O_CLOEXEC), &f)) < 0)
		return err;
	err = fd_install(th->proc, f, (flags & LINUX_O_CLOEXEC) != 0);
	file_unref(f);
	return err;
}

/* The master's own: TIOCGPTN, TIOCSPTLCK, TIOCGPTPEER. */
static long
pty_master_ioctl(struct pty *t, struct thread *th, unsigned int cmd,
    uint64_t arg)
{
	int32_t v;
	int err;

	switch (cmd) {
	case LINUX_TIOCGPTN:
		return put_int(th, arg, t->index);
	case LINUX_TIOCSPTLCK:
		if ((err = fw_copy_from_user(th->proc->vm, &v, fw_uaddr(arg),
		    sizeof(v))) < 0)
			return err;
		fw_mutex_lock(&t->lock);
		t->locked = v != 0;
		fw_mutex_unlock(&t->lock);
		return 0;
	case LINUX_TIOCGPTPEER:
		return pty_open_peer(t, th, arg);
	default:
		return -ENOTTY;
	}
}

static long
pty_queue_size(struct pty *t, bool master, struct thread *th,
    unsigned int cmd, uint64_t arg)
{
	size_t n;

	fw_mutex_lock(&t->lock);
	if (cmd == LINUX_FIONREAD)
		n = master ? t->out.len : n_tty_inq_locked(t);
	else
		n = master ? 0 : t->out.len;
	fw_mutex_unlock(&t->lock);
	return put_int(th, arg, (int32_t)n);
}

long
pty_ioctl(struct file *f, struct thread *th, unsigned int cmd, uint64_t arg)
{
	struct pty *t = f->priv;
	bool master = pty_is_master(f), hung;
	struct linux_termios tio;

	fw_mutex_lock(&t->lock);
	hung = !master && !t->master_open;
	tio = t->tio;
	fw_mutex_unlock(&t->lock);
	if (hung)
		return cmd == LINUX_TIOCSPGRP ? -ENOTTY : -EIO;
	switch (cmd) {
	case LINUX_TCGETS:
		return fw_copy_to_user(th->proc->vm, fw_uaddr(arg), &tio,
		    sizeof(tio));
	case LINUX_TCSETS: case LINUX_TCSETSW: case LINUX_TCSETSF:
		return pty_tcsets(t, th, cmd, arg);
	case LINUX_TIOCGWINSZ: case LINUX_TIOCSWINSZ:
		return pty_winsize(t, th, cmd, arg);
	case LINUX_FIONREAD: case LINUX_TIOCOUTQ:
		return pty_queue_size(t, master, th, cmd, arg);
	case LINUX_TCFLSH:
		return pty_flush(t, master, arg);
	case LINUX_TCSBRK: case LINUX_TCXONC:
		return 0;
	case LINUX_TIOCSCTTY: case LINUX_TIOCNOTTY: case LINUX_TIOCGPGRP:
	case LINUX_TIOCSPGRP: case LINUX_TIOCGSID:
		return tty_ctty_ioctl(t, master, th, cmd, arg);
	default:
		return master ? pty_master_ioctl(t, th, cmd, arg) : -ENOTTY;
	}
}
