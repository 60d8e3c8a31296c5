/*
 * services/net/socket.c: what every socket shares: its lifetime, its file
 * (read, write, readv and writev are recvmsg and sendmsg with no flags, one
 * datagram per call), readiness through the family's poll, FIONREAD and
 * SIOCOUTQ (the interface ioctls are ifioctl.c's), fstat as Linux's
 * sockfs shows a socket, waiting with socket timeouts, and handing
 * received rights and credentials to the guest's control buffer.
 * Locks: sk->lock for the options; waits hold nothing.
 */
#include <fw/alloc.h>
#include <fw/errno.h>
#include <fw/string.h>
#include <fw/timer.h>
#include <svc/file.h>
#include <svc/lib.h>
#include <svc/proc.h>
#include <svc/vfs.h>
#include <uapi/fcntl.h>
#include <uapi/stat.h>
#include "net.h"

static atomic_uint_fast64_t sock_next_ino = 0x40000;
static atomic_uint_fast64_t sock_next_cookie = 1;

struct sock *
sock_alloc(int family, int type, int protocol, const struct sock_ops *ops,
    void *priv)
{
	struct sock *sk;

	if ((sk = fw_zalloc(1, sizeof(*sk))) == NULL)
		return NULL;
	atomic_init(&sk->nref, 1);
	sk->ops = ops;
	sk->family = family;
	sk->type = type;
	sk->protocol = protocol;
	sk->priv = priv;
	fw_mutex_init(&sk->lock);
	fw_waitq_init(&sk->wq);
	pollhead_init(&sk->ph);
	atomic_init(&sk->sndbuf, SOCK_BUF_DEFAULT);
	atomic_init(&sk->rcvbuf, SOCK_BUF_DEFAULT);
	atomic_init(&sk->rcvlowat, 1);
	sk->cookie = atomic_fetch_add(&sock_next_cookie, 1);
	return sk;
}

struct sock *
sock_ref(struct sock *sk)
{
	atomic_fetch_add(&sk->nref, 1);
	return sk;
}

void
sock_unref(struct sock *sk)
{
	if (sk == NULL || atomic_fetch_sub(&sk->nref, 1) != 1)
		return;
	fw_free(sk);
}

void
sock_wake(struct sock *sk, uint32_t events)
{
	atomic_fetch_add(&sk->gen, 1);
	fw_waitq_wake_all(&sk->wq);
	poll_notify(&sk->ph, events);
}

struct sock_wait_cond {
	struct sock	*sk;
	unsigned int	 seen;
};

static bool
sock_moved(void *arg)
{
	struct sock_wait_cond *c = arg;

	return atomic_load(&c->sk->gen) != c->seen;
}

int
sock_wait(struct sock *sk, unsigned int seen, uint64_t deadline, bool timed)
{
	struct sock_wait_cond c = { sk, seen };
	int err;

	err = fw_waitq_wait(&sk->wq, sock_moved, &c, deadline, true);
	if (err == -ETIMEDOUT)
		return -EAGAIN;
	if (err == -EINTR)
		return timed ? -EINTR : -ERESTARTSYS;
	return 0;
}

uint64_t
sock_deadline(uint64_t ns)
{
	uint64_t now;

	if (ns == 0)
		return FW_NO_DEADLINE;
	now = fw_clock_monotonic();
	return ns > FW_NO_DEADLINE - now ? FW_NO_DEADLINE : now + ns;
}

int
sock_error(struct sock *sk)
{
	return atomic_exchange(&sk->err, 0);
}

void
sock_self_cred(struct thread *t, struct linux_ucred *out)
{
	struct proc *p = t->proc;

	fw_mutex_lock(&p->lock);
	out->pid = p->pid;
	out->uid = p->cred.uid;
	out->gid = p->cred.gid;
	fw_mutex_unlock(&p->lock);
}

void
scm_free(struct scm *s)
{
	unsigned int i;

	if (s == NULL)
		return;
	for (i = 0; i < s->nfds; i++)
		file_unref(s->files[i]);
	fw_free(s);
}

/*
 * Appends one control message, cut (with MSG_CTRUNC) to the room left:
 * 0 or -EFAULT.
 */
static int
put_cmsg(struct sock_msg *m, int type, const void *data, size_t len)
{
	struct linux_cmsghdr h = { sizeof(h) + len, LINUX_SOL_SOCKET, type };
	size_t room = m->controllen - m->control_used;
	fw_uaddr_t at = fw_uaddr_add(m->control, m->control_used);

	if (room < sizeof(h)) {
		m->oflags |= LINUX_MSG_CTRUNC;
		return 0;
	}
	if (room < h.cmsg_len) {
		m->oflags |= LINUX_MSG_CTRUNC;
		h.cmsg_len = room;
	}
	if (fw_copy_to_user(m->t->proc->vm, at, &h, sizeof(h)) < 0 ||
	    fw_copy_to_user(m->t->proc->vm, fw_uaddr_add(at, sizeof(h)), data,
	    h.cmsg_len - sizeof(h)) < 0)
		return -EFAULT;
	m->control_used += MIN(LINUX_CMSG_ALIGN(h.cmsg_len), room);
	return 0;
}

/* Installs what fits of s's files as an SCM_RIGHTS message. */
static int
put_rights(struct sock_msg *m, struct scm *s)
{
	size_t room = m->controllen - m->control_used;
	bool cloexec = (m->flags & LINUX_MSG_CMSG_CLOEXEC) != 0;
	unsigned int fit, n = 0, i;
	int32_t fds[LINUX_SCM_MAX_FD];
	int fd, err = 0;

	fit = room < sizeof(struct linux_cmsghdr) ? 0 :
	    (unsigned int)((room - sizeof(struct linux_cmsghdr)) /
	    sizeof(int32_t));
	for (i = 0; i < s->nfds && i < fit; i++) {
		if ((fd = fd_install(m->t->proc, s->files[i], cloexec)) < 0)
			break;
		fds[n++] = fd;
	}
	if (n < s->nfds)
		m->oflags |= LINUX_MSG_CTRUNC;
	if (n > 0)
		err = put_cmsg(m, LINUX_SCM_RIGHTS, fds, n * sizeof(int32_t));
	return err;
}

int
sock_put_scm(struct sock *sk, struct sock_msg *m, struct scm *s, bool creds)
{
	int err = 0;

	if (creds && atomic_load(&sk->passcred))
		err = put_cmsg(m, LINUX_SCM_CREDENTIALS, &s->cred,
		    sizeof(s->cred));
	if (err == 0 && s->nfds > 0)
		err = put_rights(m, s);
	return err;
}

int
sock_no_listen(struct sock *sk, struct thread *t, int backlog)
{
	return -EOPNOTSUPP;
}

int
sock_no_accept(struct sock *sk, bool nonblock, struct sock **out)
{
	return -EOPNOTSUPP;
}

/* The msg_iter: a user iovec walked entry by entry, or a kernel buffer. */
void
iter_init_user(struct msg_iter *it, struct fw_vm *vm,
    const struct linux_iovec *iov, size_t cnt)
{
	size_t i;

	memset(it, 0, sizeof(*it));
	it->vm = vm;
	it->iov = iov;
	it->cnt = cnt;
	for (i = 0; i < cnt; i++)
		it->left += iov[i].iov_len;
}

void
iter_init_kernel(struct msg_iter *it, void *buf, size_t len)
{
	memset(it, 0, sizeof(*it));
	it->kbuf = buf;
	it->left = len;
}

/* Moves n bytes (n <= left) between kernel memory k and the iterator. */
static int
iter_move(struct msg_iter *it, uint8_t *k, size_t n, bool to)
{
	size_t step;
	fw_uaddr_t u;

	if (it->vm == NULL) {
		if (to)
			memcpy(it->kbuf + it->off, k, n);
		else
			memcpy(k, it->kbuf + it->off, n);
		it->off += n;
		it->left -= n;
		return 0;
	}
	while (n > 0) {
		if (it->off == it->iov[it->idx].iov_len) {
			it->idx++;
			it->off = 0;
			continue;
		}
		step = MIN(n, it->iov[it->idx].iov_len - it->off);
		u = fw_uaddr_add(fw_uaddr(it->iov[it->idx].iov_base), it->off);
		if ((to ? fw_copy_to_user(it->vm, u, k, step) :
		    fw_copy_from_user(it->vm, k, u, step)) < 0)
			return -EFAULT;
		it->off += step;
		it->left -= step;
		k += step;
		n -= step;
	}
	return 0;
}

int
iter_copy_from(struct msg_iter *it, void *dst, size_t n)
{
	return iter_move(it, dst, n, false);
}

int
iter_copy_to(struct msg_iter *it, const void *src, size_t n)
{
	/* iter_move() only reads k when copying to the iterator. */
	union { const void *c; uint8_t *p; } u = { .c = src };

	return iter_move(it, u.p, n, true);
}

void
iter_skip(struct msg_iter *it, size_t n)
{
	size_t step;

	n = MIN(n, it->left);
	if (it->vm == NULL) {
		it->off += n;
		it->left -= n;
		return;
	}
	while (n > 0) {
		if (it->off == it->iov[it->idx].iov_len) {
			it->idx++;
			it->off = 0;
			continue;
		}
		step = MIN(n, it->iov[it->idx].iov_len - it->off);
		it->off += step;
		it->left -= step;
		n -= step;
	}
}

/* The file: one sendmsg or recvmsg per call, with no flags. */
static long
sock_rw_iter(struct file *f, struct msg_iter *it, bool write)
{
	struct sock *sk = f->priv;
	bool nonblock = (atomic_load(&f->flags) & LINUX_O_NONBLOCK) != 0;
	struct sock_msg m;

	memset(&m, 0, sizeof(m));
	m.it = *it;
	m.t = thread_current();
	return write ? sk->ops->sendmsg(sk, &m, nonblock) :
	    sk->ops->recvmsg(sk, &m, nonblock);
}

static long
sock_rw_user(struct file *f, struct fw_vm *vm, const struct linux_iovec *iov,
    size_t cnt, bool write)
{
	struct msg_iter it;

	iter_init_user(&it, vm, iov, cnt);
	return sock_rw_iter(f, &it, write);
}

static long
sock_read(struct file *f, void *buf, size_t len, uint64_t *off)
{
	struct msg_iter it;

	iter_init_kernel(&it, buf, len);
	return sock_rw_iter(f, &it, false);
}

static long
sock_write(struct file *f, const void *buf, size_t len, uint64_t *off)
{
	union { const void *c; void *p; } u = { .c = buf };
	struct msg_iter it;

	iter_init_kernel(&it, u.p, len);
	return sock_rw_iter(f, &it, true);
}

static uint32_t
sock_file_poll(struct file *f, struct poll_table *pt)
{
	struct sock *sk = f->priv;

	return sk->ops->poll(sk, pt);
}

static long
sock_ioctl(struct file *f, struct thread *t, unsigned int cmd, uint64_t arg)
{
	struct sock *sk = f->priv;
	int32_t v;
	long n;

	switch (cmd) {
	case LINUX_FIONREAD:
		n = sk->ops->inq != NULL ? sk->ops->inq(sk) : -ENOTTY;
		break;
	case LINUX_SIOCOUTQ:
		n = sk->ops->outq != NULL ? sk->ops->outq(sk) : -ENOTTY;
		break;
	default:
		return net_if_ioctl(sk, t, cmd, arg);
	}
	if (n < 0)
		return n;
	v = (int32_t)MIN(n, (long)INT32_MAX);
	if (fw_copy_to_user(t->proc->vm, fw_uaddr(arg), &v, sizeof(v)) < 0)
		return -EFAULT;
	return 0;
}

static void
sock_stat(struct file *f, struct linux_stat *st)
{
	st->st_ino = (uint64_t)f->pos;	/* set once at sock_file() */
	st->st_nlink = 1;
	st->st_mode = LINUX_S_IFSOCK | 0777;
	st->st_blksize = FW_PAGE_SIZE;
}

static void
sock_release(struct file *f)
{
	struct sock *sk = f->priv;

	sk->ops->release(sk);
	sock_unref(sk);
}

static const struct file_ops sock_file_ops = {
	.anon_name = "socket",
	.read = sock_read,
	.write = sock_write,
	.rw_user = sock_rw_user,
	.poll = sock_file_poll,
	.ioctl = sock_ioctl,
	.stat = sock_stat,
	.release = sock_release,
};

struct sock *
sock_of_file(const struct file *f)
{
	return f->ops == &sock_file_ops ? f->priv : NULL;
}

int
sock_file(struct sock *sk, unsigned int flags, struct file **out)
{
	struct file *f;
	int err;

	if ((err = file_alloc(&sock_file_ops, NULL, LINUX_O_RDWR | flags,
	    false, &f)) < 0)
		return err;
	f->priv = sock_ref(sk);
	sk->file = f;
	/* Not seekable: pos is free to hold the inode number fstat shows. */
	f->pos = atomic_fetch_add(&sock_next_ino, 1);
	*out = f;
	return 0;
}
