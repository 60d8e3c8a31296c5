/*
 * poll/signalfd.c: signalfd(2) and signalfd4(2) (fs/signalfd.c).  A
 * signalfd names a set of signals; read(2) takes pending ones of that set
 * (the reading thread's own queue first, then its process's, whatever
 * its mask) and returns one 128-byte signalfd_siginfo each, waiting for
 * the first unless O_NONBLOCK; it is readable (EPOLLIN) while one is
 * pending.  Like Linux's, the file does not belong to a process: it
 * always reads the queues of the thread that reads or polls it.  SIGKILL
 * and SIGSTOP are never in the set.  One read returns at most 128
 * records (the file layer's 16 KiB chunk).
 *
 * Interface: sys_signalfd, sys_signalfd4.
 * Locks used to protect fields in this file:
 *	a	atomic
 * The queues are under proc->lock inside signal_dequeue/signal_peek; a
 * reader waits on its process's signal head (svc/signal.h).
 */
#include <fw/alloc.h>
#include <fw/errno.h>
#include <fw/string.h>
#include <fw/task.h>
#include <fw/uaccess.h>
#include <svc/file.h>
#include <svc/poll.h>
#include <svc/proc.h>
#include <svc/signal.h>
#include <svc/syscall.h>
#include <svc/vfs.h>
#include <uapi/fcntl.h>
#include <uapi/fs.h>
#include "poll_impl.h"

struct signalfd {
	_Atomic uint64_t	 mask;		/* [a] */
};

static const struct file_ops signalfd_ops;

static uint64_t
sfd_mask(struct file *f)
{
	struct signalfd *s = f->priv;

	return atomic_load(&s->mask);
}

enum sfd_layout { SIL_KILL, SIL_TIMER, SIL_POLL, SIL_FAULT, SIL_CHLD,
	SIL_RT, SIL_SYS };

/* kernel/signal.c siginfo_layout: which union member si_code means. */
static enum sfd_layout
sfd_layout(int sig, int code)
{
	static const struct { int sig, limit; enum sfd_layout l; } kinds[] = {
		{ LINUX_SIGILL, 11, SIL_FAULT }, { LINUX_SIGFPE, 15, SIL_FAULT },
		{ LINUX_SIGSEGV, 10, SIL_FAULT }, { LINUX_SIGBUS, 5, SIL_FAULT },
		{ LINUX_SIGTRAP, 6, SIL_FAULT }, { LINUX_SIGCHLD, 6, SIL_CHLD },
		{ LINUX_SIGIO, 6, SIL_POLL }, { LINUX_SIGSYS, 2, SIL_SYS },
	};
	size_t i;

	if (code > LINUX_SI_USER && code < LINUX_SI_KERNEL) {
		for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
			if (kinds[i].sig == sig && code <= kinds[i].limit)
				return kinds[i].l;
		return code <= 6 ? SIL_POLL : SIL_KILL;
	}
	if (code == LINUX_SI_TIMER)
		return SIL_TIMER;
	if (code == -5)				/* SI_SIGIO */
		return SIL_POLL;
	return code < 0 ? SIL_RT : SIL_KILL;
}

/* signalfd_copyinfo: the record for one taken signal. */
static void
sfd_record(const struct linux_siginfo *in, struct linux_signalfd_siginfo *o)
{
	int32_t i32[2];
	uint64_t u64;

	memset(o, 0, sizeof(*o));
	o->ssi_signo = (uint32_t)in->signo;
	o->ssi_errno = in->err;
	o->ssi_code = in->code;
	memcpy(&u64, in->u.raw, sizeof(u64));
	memcpy(i32, in->u.raw + 8, sizeof(i32));
	switch (sfd_layout(in->signo, in->code)) {
	case SIL_TIMER:
		o->ssi_tid = (uint32_t)in->u.proc.pid;
		o->ssi_overrun = in->u.proc.uid;
		o->ssi_ptr = in->u.proc.value;
		o->ssi_int = (int32_t)in->u.proc.value;
		break;
	case SIL_POLL:
		o->ssi_band = (uint32_t)u64;
		o->ssi_fd = i32[0];
		break;
	case SIL_FAULT:
		o->ssi_addr = in->u.addr;
		break;
	case SIL_SYS:
		o->ssi_call_addr = u64;
		o->ssi_syscall = i32[0];
		o->ssi_arch = (uint32_t)i32[1];
		break;
	case SIL_CHLD:
		o->ssi_pid = (uint32_t)in->u.proc.pid;
		o->ssi_uid = in->u.proc.uid;
		o->ssi_status = (int32_t)in->u.proc.value;
		o->ssi_utime = (uint64_t)in->u.proc.utime;
		o->ssi_stime = (uint64_t)in->u.proc.stime;
		break;
	case SIL_RT:
		o->ssi_ptr = in->u.proc.value;
		o->ssi_int = (int32_t)in->u.proc.value;
		o->ssi_pid = (uint32_t)in->u.proc.pid;
		o->ssi_uid = in->u.proc.uid;
		break;
	case SIL_KILL:
		o->ssi_pid = (uint32_t)in->u.proc.pid;
		o->ssi_uid = in->u.proc.uid;
		break;
	}
}

/* A reader's wait for its process's signal head. */
struct sfd_wait {
	struct poll_entry	 e;
	atomic_bool		 woken;
	struct fw_waitq		 wq;
};

static bool
sfd_wake(struct poll_entry *e, uint32_t events)
{
	struct sfd_wait *w = e->arg;

	(void)events;
	atomic_store(&w->woken, true);
	fw_waitq_wake_all(&w->wq);
	return true;
}

static bool
sfd_woken(void *arg)
{
	struct sfd_wait *w = arg;

	return atomic_load(&w->woken);
}

/* signalfd_dequeue: the first signal, waiting for it if allowed. */
static int
sfd_take_first(struct file *f, struct thread *t, struct linux_siginfo *info)
{
	struct sfd_wait w = { .e = { .wake = sfd_wake, .arg = &w } };
	int sig;

	if ((sig = signal_dequeue(t, sfd_mask(f), info)) != 0 ||
	    (atomic_load(&f->flags) & LINUX_O_NONBLOCK))
		return sig != 0 ? sig : -EAGAIN;
	fw_waitq_init(&w.wq);
	poll_entry_add(signal_pollhead(t->proc), &w.e);
	for (;;) {
		atomic_store(&w.woken, false);
		if ((sig = signal_dequeue(t, sfd_mask(f), info)) != 0)
			break;
		if (signal_pending(t)) {
			sig = -ERESTARTSYS;
			break;
		}
		if (fw_waitq_wait(&w.wq, sfd_woken, &w, FW_NO_DEADLINE,
		    true) == -EINTR)
			(void)fw_task_clear_interrupt();  /* looked at above */
	}
	poll_entry_del(&w.e);
	return sig;
}

static long
sfd_read(struct file *f, void *buf, size_t len, uint64_t *off)
{
	struct linux_signalfd_siginfo rec;
	struct thread *t = thread_current();
	struct linux_siginfo info;
	size_t n, max = len / sizeof(rec);
	uint8_t *dst = buf;
	int sig;

	(void)off;
	if (max == 0)
		return -EINVAL;
	if ((sig = sfd_take_first(f, t, &info)) < 0)
		return sig;
	for (n = 0; n < max; n++) {
		if (n > 0 && signal_dequeue(t, sfd_mask(f), &info) == 0)
			break;
		sfd_record(&info, &rec);
		memcpy(dst + n * sizeof(rec), &rec, sizeof(rec));
	}
	return (long)(n * sizeof(rec));
}

static uint32_t
sfd_poll(struct file *f, struct poll_table *pt)
{
	struct thread *t = thread_current();

	poll_wait(pt, signal_pollhead(t->proc));
	return signal_peek(t, sfd_mask(f)) != 0 ? LINUX_EPOLLIN : 0;
}

static void
sfd_stat(struct file *f, struct linux_stat *st)
{
	(void)f;
	anon_file_stat(st);
}

static void
sfd_release(struct file *f)
{
	fw_free(f->priv);
}

static const struct file_ops signalfd_ops = {
	.anon_name = "signalfd",
	.read = sfd_read,
	.poll = sfd_poll,
	.stat = sfd_stat,
	.release = sfd_release,
};

/* A new signalfd for mask on a descriptor. */
static long
sfd_new(struct thread *t, uint64_t mask, uint64_t flags)
{
	struct signalfd *s;
	struct file *f;
	int fd, err;

	if ((s = fw_zalloc(1, sizeof(*s))) == NULL)
		return -ENOMEM;
	atomic_init(&s->mask, mask);
	if ((err = file_alloc(&signalfd_ops, NULL, LINUX_O_RDWR |
	    (flags & LINUX_SFD_NONBLOCK), false, &f)) < 0) {
		fw_free(s);
		return err;
	}
	f->priv = s;
	fd = fd_install(t->proc, f, flags & LINUX_SFD_CLOEXEC);
	file_unref(f);
	return fd;
}

/* signalfd4(fd, mask, sizemask, flags): a new one, or a new mask. */
static long
sfd_do(struct thread *t, int ufd, uint64_t umask, uint64_t size,
    uint64_t flags)
{
	struct signalfd *s;
	struct file *f;
	uint64_t mask;
	int err;

	if (size != sizeof(mask))
		return -EINVAL;
	if ((err = fw_copy_from_user(t->proc->vm, &mask, fw_uaddr(umask),
	    sizeof(mask))) < 0)
		return err;
	if (flags & ~(uint64_t)(LINUX_SFD_CLOEXEC | LINUX_SFD_NONBLOCK))
		return -EINVAL;
	mask &= ~SIG_UNBLOCKABLE;
	if (ufd == -1)
		return sfd_new(t, mask, flags);
	if (fd_get(t->proc, ufd, &f) < 0)
		return -EBADF;
	if (f->ops != &signalfd_ops) {
		file_unref(f);
		return -EINVAL;
	}
	s = f->priv;
	atomic_store(&s->mask, mask);
	file_unref(f);
	poll_notify(signal_pollhead(t->proc), LINUX_EPOLLIN);
	return ufd;
}

SYSCALL(signalfd)
{
	return sfd_do(t, (int)a->a[0], a->a[1], a->a[2], 0);
}

SYSCALL(signalfd4)
{
	return sfd_do(t, (int)a->a[0], a->a[1], a->a[2], (uint32_t)a->a[3]);
}
