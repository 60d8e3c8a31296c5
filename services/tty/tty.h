/*
 * services/tty/tty.h: pseudo-terminals (pty(7)) inside services/tty: the
 * pair (pty.c), its line discipline (n_tty.c), its ioctls (pty_ioctl.c)
 * and the controlling terminal with job control (ctty.c).
 *
 * A pair is one terminal seen from two files: the master (from /dev/ptmx)
 * and the slave (/dev/pts/N, a node of a devpts instance).  Bytes written
 * to the master go through the line discipline into the slave's input
 * queue (ld); bytes written to the slave, and echoes, go through output
 * processing into the output queue (out), which the master reads.  Both
 * queues are bounded (TTY_BUF bytes): a writer waits for room.
 *
 * Every change of a pair's state bumps seq and wakes wq, which all its
 * waiters share (readers and writers of both sides), and notifies ph,
 * which both sides' pollers share.
 *
 * Locks used to protect fields in this file:
 *	I	immutable after pty_new()
 *	l	pty->lock (a mutex; never held across a user access or a
 *		signal send)
 *	L	pty_list_lock (pty.c), the registry of live pairs
 *	a	atomic
 * Lock order: pty_list_lock, pty->lock, fs_lock; proc_table_lock and
 * proc->lock are never taken with pty->lock held.
 */
#ifndef TTY_TTY_H
#define TTY_TTY_H

#include <fw/mutex.h>
#include <fw/waitq.h>
#include <stdatomic.h>
#include <svc/poll.h>
#include <uapi/tty.h>
#include "../fs/fs.h"

#define TTY_BUF		4096	/* Linux's N_TTY_BUF_SIZE */

/* The slave's input queue: data and, per byte, whether it ends a line. */
#define NTTY_EOL	1	/* the byte ends a line (and is data) */
#define NTTY_EOF	2	/* a VEOF mark: ends a line, is no data */
struct n_tty {
	uint8_t		buf[TTY_BUF];
	uint8_t		mark[TTY_BUF];
	size_t		len;		/* bytes queued */
	size_t		ready;		/* of them, readable now: complete
					   lines (ICANON), else all */
};

/* Bytes waiting for the master to read them. */
struct tty_queue {
	uint8_t		buf[TTY_BUF];
	size_t		len;
};

/* Signals the line discipline raised, sent once pty->lock is dropped. */
struct tty_sigs {
	int		sig[4];
	int		n;
};

struct pty {
	struct fw_mutex		 lock;
	struct fw_waitq		 wq;
	atomic_uint		 seq;		/* [a] bumped on every change */
	struct pollhead		 ph;
	int			 index;		/* [I] N of /dev/pts/N */
	struct superblock	*sb;		/* [I] counted: its devpts */
	struct vnode		*node;		/* [I] counted: /dev/pts/N */
	struct linux_termios	 tio;		/* [l] the slave's */
	struct linux_winsize	 ws;		/* [l] */
	struct n_tty		 ld;		/* [l] */
	struct tty_queue	 out;		/* [l] */
	bool			 locked;	/* [l] TIOCSPTLCK */
	bool			 master_open;	/* [l] */
	unsigned int		 nslave;	/* [l] open slave files */
	bool			 slave_hup;	/* [l] the last slave closed */
	int			 session;	/* [l] controlling: sid, 0 none */
	int			 pgrp;		/* [l] foreground group, 0 none */
	struct pty		*next;		/* [L] */
};

/* pty.c */
extern const struct file_ops pty_master_ops, pty_slave_ops;
extern struct fw_mutex pty_list_lock;
extern struct pty *pty_list;				/* [L] */
/* The pair of a master or slave file, or NULL for another file. */
struct pty	*pty_of(const struct file *f);
bool		 pty_is_master(const struct file *f);
/* After a change under pty->lock: bumps seq, wakes waiters, notifies. */
void		 pty_changed_locked(struct pty *t, uint32_t events)
		    FW_REQUIRES(&t->lock);
/*
 * A new slave file on t (/dev/tty, TIOCGPTPEER): 0, or -EIO while it is
 * locked or hung up.  The first takes pty_list_lock.
 */
FW_MUST_CHECK int pty_slave_file(struct pty *t, unsigned int flags,
		    struct file **out);
FW_MUST_CHECK int pty_slave_file_locked(struct pty *t, unsigned int flags,
		    struct file **out) FW_REQUIRES(&pty_list_lock);
/*
 * A new pair in devpts instance sb, its node owned by cr's fsuid and
 * fsgid, and its master file on ptmx vnode v: 0, -ENOSPC, -ENOMEM.
 */
FW_MUST_CHECK int pty_master_open(struct superblock *sb, struct vnode *v,
		    const struct cred *cr, unsigned int flags,
		    struct file **out);
/* Sends sig to every member of group pgid (no lock held). */
void		 tty_signal_pgrp(int pgid, int sig);
void		 tty_send_sigs(int pgid, const struct tty_sigs *s);

/* n_tty.c: the line discipline (all under pty->lock). */
/* Master-written bytes into the input queue: how many were taken. */
size_t		 n_tty_receive_locked(struct pty *t, const uint8_t *buf,
		    size_t len, struct tty_sigs *sigs) FW_REQUIRES(&t->lock);
/* Slave-written bytes into the output queue: how many were taken. */
size_t		 n_tty_write_locked(struct pty *t, const uint8_t *buf,
		    size_t len) FW_REQUIRES(&t->lock);
/*
 * Moves what one read may take now into buf: a line at most (ICANON),
 * whose VEOF mark is consumed but not copied.  Bytes, 0 at a VEOF, or
 * -EAGAIN when nothing is readable.
 */
long		 n_tty_read_locked(struct pty *t, uint8_t *buf, size_t len)
		    FW_REQUIRES(&t->lock);
/* Bytes a read could take now (FIONREAD), and whether any. */
size_t		 n_tty_inq_locked(const struct pty *t) FW_REQUIRES(&t->lock);
void		 n_tty_flush_locked(struct pty *t) FW_REQUIRES(&t->lock);
/* The termios changed from old: recounts what is readable. */
void		 n_tty_set_locked(struct pty *t,
		    const struct linux_termios *old) FW_REQUIRES(&t->lock);
extern const struct linux_termios tty_std_termios;

/* pty_ioctl.c */
FW_MUST_CHECK long pty_ioctl(struct file *f, struct thread *t,
		    unsigned int cmd, uint64_t arg);

/* ctty.c: controlling terminal and job control. */
/*
 * Before a slave read (ttin) or write by p: 0 to go on, -EIO for an
 * orphaned background group, -ERESTARTSYS after SIGTTIN or SIGTTOU went
 * to it (Linux's tty_check_change / job_control).
 */
FW_MUST_CHECK int tty_job_check(struct pty *t, struct thread *th,
		    bool ttin);
/* The ctty ioctls: TIOCSCTTY, TIOCNOTTY, TIOCGPGRP, TIOCSPGRP, TIOCGSID. */
FW_MUST_CHECK long tty_ctty_ioctl(struct pty *t, bool master,
		    struct thread *th, unsigned int cmd, uint64_t arg);
/* A slave opened without O_NOCTTY by a session leader without one. */
void		 tty_maybe_acquire(struct pty *t, struct proc *p);
/* The master went away: SIGHUP and SIGCONT to its session. */
void		 tty_hangup_session(int sid, int pgrp);

#endif
