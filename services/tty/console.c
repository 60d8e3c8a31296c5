/*
 * services/tty/console.c: files on the machine's console (fw/console.h).
 * A console file reads one port and writes another: the first process's
 * fd 0 reads FW_CONSOLE_IN and writes FW_CONSOLE_OUT, fd 1 and fd 2 write
 * FW_CONSOLE_OUT and FW_CONSOLE_ERR; /dev/console and /dev/tty read IN and
 * write OUT.  No line discipline yet: the host terminal does the editing.
 * The terminal ioctls (tty_ioctl(4)) answer ENOTTY unless the port is a
 * terminal on the host side; TCSETS* are stored and read back by TCGETS.
 *
 * Readiness: always writable (EPOLLOUT, WRNORM); readable (EPOLLIN,
 * RDNORM) while input waits or after it ended (a read then returns 0
 * without waiting; a terminal has no hang-up here).  The framework's
 * input hook notifies console_ph, which every console file's pollers
 * share; it is set when the first console file is made.
 *
 * Interface: console_file_open() (svc/vfs.h); console_file_ops and
 * console_file_init() for /dev nodes (services/fs/fs.h).
 * Locks: console_lock guards console_termios; the ports lock internally;
 * console_ph has its own lock.
 */
#include <fw/console.h>
#include <fw/uaccess.h>
#include <svc/file.h>
#include <svc/poll.h>
#include <svc/proc.h>
#include <svc/vfs.h>
#include <uapi/tty.h>
#include "../fs/fs.h"
#include "tty.h"

static struct fw_mutex console_lock;
/* Linux's defaults (tty_std_termios) until the first TCSETS. */
static struct linux_termios console_termios;		/* [console_lock] */
static bool console_termios_set_once;			/* [console_lock] */

static struct pollhead console_ph;

/* The framework's input hook: in its interrupt, so only notify. */
static void
console_input(void)
{
	poll_notify(&console_ph, LINUX_EPOLLIN | LINUX_EPOLLRDNORM);
}

static uint32_t
console_poll(struct file *f, struct poll_table *pt)
{
	uint32_t mask = LINUX_EPOLLOUT | LINUX_EPOLLWRNORM;

	poll_wait(pt, &console_ph);
	if (fw_console_readable(f->port_in))
		mask |= LINUX_EPOLLIN | LINUX_EPOLLRDNORM;
	return mask;
}

static long
console_read(struct file *f, void *buf, size_t len, uint64_t *off)
{
	bool nonblock = atomic_load(&f->flags) & LINUX_O_NONBLOCK;

	return fw_console_read(f->port_in, buf, len, nonblock);
}

static long
console_write(struct file *f, const void *buf, size_t len, uint64_t *off)
{
	return fw_console_write(f->port_out, buf, len);
}

static long
console_termios_get(struct fw_vm *vm, uint64_t arg)
{
	struct linux_termios tio;

	fw_mutex_lock(&console_lock);
	tio = console_termios_set_once ? console_termios : tty_std_termios;
	fw_mutex_unlock(&console_lock);
	return fw_copy_to_user(vm, fw_uaddr(arg), &tio, sizeof(tio));
}

static long
console_termios_set(struct fw_vm *vm, uint64_t arg)
{
	struct linux_termios tio;
	int err;

	if ((err = fw_copy_from_user(vm, &tio, fw_uaddr(arg), sizeof(tio))) < 0)
		return err;
	fw_mutex_lock(&console_lock);
	console_termios = tio;
	console_termios_set_once = true;
	fw_mutex_unlock(&console_lock);
	return 0;
}

static long
console_winsize(struct file *f, struct fw_vm *vm, uint64_t arg)
{
	struct linux_winsize ws = { 0 };
	int err;

	if ((err = fw_console_winsize(f->port, &ws.ws_row, &ws.ws_col)) < 0)
		return err;
	return fw_copy_to_user(vm, fw_uaddr(arg), &ws, sizeof(ws));
}

static long
console_pgrp(struct proc *p, uint64_t arg)
{
	int32_t pgid;

	fw_mutex_lock(&p->lock);
	pgid = p->pgid;
	fw_mutex_unlock(&p->lock);
	return fw_copy_to_user(p->vm, fw_uaddr(arg), &pgid, sizeof(pgid));
}

static long
console_ioctl(struct file *f, struct thread *t, unsigned int cmd,
    uint64_t arg)
{
	struct proc *p = t->proc;
	int32_t v;

	if (!fw_console_isatty(f->port))
		return -ENOTTY;
	switch (cmd) {
	case LINUX_TCGETS:
		return console_termios_get(p->vm, arg);
	case LINUX_TCSETS: case LINUX_TCSETSW: case LINUX_TCSETSF:
		return console_termios_set(p->vm, arg);
	case LINUX_TIOCGWINSZ:
		return console_winsize(f, p->vm, arg);
	case LINUX_TIOCGPGRP:
		return console_pgrp(p, arg);
	case LINUX_TIOCSPGRP:
		return fw_copy_from_user(p->vm, &v, fw_uaddr(arg), sizeof(v));
	default:
		return -ENOTTY;
	}
}

/* A console opened without a /dev node: a character device 5:1. */
static void
console_stat(struct file *f, struct linux_stat *st)
{
	st->st_dev = 1;
	st->st_ino = 0x10000 + f->port;
	st->st_nlink = 1;
	st->st_mode = LINUX_S_IFCHR | 0620;
	st->st_rdev = linux_makedev(LINUX_TTYAUX_MAJOR, 1);
	st->st_blksize = 1024;
}

const struct file_ops console_file_ops = {
	.read = console_read,
	.write = console_write,
	.ioctl = console_ioctl,
	.poll = console_poll,
	.stat = console_stat,
};

/* /dev/console and /dev/tty: read IN, write OUT. */
int
console_file_init(struct file *f)
{
	f->port = FW_CONSOLE_OUT;
	f->port_in = FW_CONSOLE_IN;
	f->port_out = FW_CONSOLE_OUT;
	fw_console_set_input_hook(console_input);
	return 0;
}

/*
 * Each port's file has a vnode of no file system, which /proc/<pid>/fd/N
 * leads to: opening it opens the same port again (/dev/stderr).  Made by
 * the first open (at boot, by the first task); they live until shutdown.
 */
static struct vnode *console_vnodes[FW_CONSOLE_ERR + 1];	/* [I] */

static int
console_vnode_open(struct vnode *v, unsigned int flags, struct file **out)
{
	int err;

	if ((err = console_file_open(v->port, out)) == 0)
		atomic_store(&(*out)->flags, flags);
	return err;
}

static const struct vnode_ops console_vnode_ops = {
	.open = console_vnode_open,
};

static int
console_vnode(unsigned int port, struct vnode **out)
{
	struct vnode *v;
	int err;

	if (console_vnodes[port] == NULL) {
		if ((err = vnode_alloc(&console_vnode_ops, LINUX_S_IFCHR | 0620,
		    &v)) < 0)
			return err;
		v->port = port;
		v->rmajor = LINUX_TTYAUX_MAJOR;
		v->rminor = 1;
		console_vnodes[port] = v;
	}
	*out = console_vnodes[port];
	return 0;
}

int
console_file_open(unsigned int port, struct file **out)
{
	struct vnode *v;
	struct file *f;
	int err;

	if (port > FW_CONSOLE_ERR)
		return -EINVAL;
	if ((err = console_vnode(port, &v)) < 0)
		return err;
	if ((err = file_alloc(&console_file_ops, v, LINUX_O_RDWR, false,
	    &f)) < 0)
		return err;
	f->port = port;
	f->port_in = FW_CONSOLE_IN;
	f->port_out = port == FW_CONSOLE_IN ? FW_CONSOLE_OUT : port;
	fw_console_set_input_hook(console_input);
	*out = f;
	return 0;
}
