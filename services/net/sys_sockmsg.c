/*
 * services/net/sys_sockmsg.c: sendto(2), recvfrom(2), sendmsg(2),
 * recvmsg(2), sendmmsg(2) and recvmmsg(2).  A msghdr is read whole; its
 * name is cut to 128 bytes (a negative length is EINVAL), its iovec
 * checked (EINVAL past 1024 entries), and on send its control messages
 * decoded before the family sees the call (scm_send(): a header that lies
 * about its length is EINVAL, rights need open descriptors (EBADF) and at
 * most 253 of them, credentials must be the caller's own unless it is
 * privileged (EPERM) and name a live process (ESRCH)).  The socket's
 * O_NONBLOCK becomes MSG_DONTWAIT.  sendmmsg reports how many went before
 * an error, losing it; recvmmsg keeps such an error for the next call.
 * Locks: none of their own.
 */
#include <fw/alloc.h>
#include <fw/errno.h>
#include <fw/string.h>
#include <fw/timer.h>
#include <fw/uaccess.h>
#include <svc/file.h>
#include <svc/lib.h>
#include <svc/proc.h>
#include <svc/signal.h>
#include <svc/syscall.h>
#include <uapi/fcntl.h>
#include <uapi/time.h>
#include "net.h"

#define SOCK_CTL_MAX	((size_t)128 * 1024)	/* net.core.optmem_max */
#define SOCK_MMSG_MAX	1024		/* UIO_MAXIOV */
#define MSGHDR_NAMELEN_OFF	8
#define MSGHDR_CONTROLLEN_OFF	40
#define MSGHDR_FLAGS_OFF	48
#define MMSGHDR_LEN_OFF		56

static bool
proc_exists(int pid)
{
	bool found;

	fw_mutex_lock(&proc_table_lock);
	found = proc_find_locked(pid) != NULL;
	fw_mutex_unlock(&proc_table_lock);
	return found;
}

/* scm_check_creds(): explicit SCM_CREDENTIALS for t's process. */
static int
scm_check_cred(struct thread *t, const struct linux_ucred *c)
{
	struct proc *p = t->proc;
	struct cred cr;
	int pid;

	fw_mutex_lock(&p->lock);
	cr = p->cred;
	pid = p->pid;
	fw_mutex_unlock(&p->lock);
	/* CAP_SYS_ADMIN, CAP_SETUID, CAP_SETGID: euid 0 here. */
	if (c->pid != pid && cr.euid != 0)
		return -EPERM;
	if (c->uid != cr.uid && c->uid != cr.euid && c->uid != cr.suid &&
	    cr.euid != 0)
		return -EPERM;
	if (c->gid != cr.gid && c->gid != cr.egid && c->gid != cr.sgid &&
	    cr.euid != 0)
		return -EPERM;
	if (!proc_exists(c->pid))
		return -ESRCH;
	return 0;
}

/* One SCM_RIGHTS message's descriptors, added to s. */
static int
scm_add_rights(struct thread *t, struct scm *s, const uint8_t *data,
    size_t len)
{
	size_t n = len / sizeof(int32_t), i;
	int32_t fd;
	int err;

	if (n == 0)
		return 0;
	if (n > LINUX_SCM_MAX_FD || s->nfds + n > LINUX_SCM_MAX_FD)
		return -EINVAL;
	for (i = 0; i < n; i++) {
		memcpy(&fd, data + i * sizeof(fd), sizeof(fd));
		if (fd < 0)
			return -EBADF;
		if ((err = fd_get(t->proc, fd, &s->files[s->nfds])) < 0)
			return err;
		s->nfds++;
	}
	return 0;
}

/* __scm_send(): decodes len bytes of control messages into *out. */
static int
scm_decode(struct thread *t, struct sock *sk, const uint8_t *ctl, size_t len,
    struct scm **out)
{
	struct linux_cmsghdr h;
	struct scm *s;
	size_t off = 0;
	int err = 0;

	if ((s = fw_zalloc(1, sizeof(*s))) == NULL)
		return -ENOMEM;
	sock_self_cred(t, &s->cred);
	while (err == 0 && len - off >= sizeof(h)) {
		memcpy(&h, ctl + off, sizeof(h));
		if (h.cmsg_len < sizeof(h) || h.cmsg_len > len - off) {
			err = -EINVAL;
			break;
		}
		if (h.cmsg_level == LINUX_SOL_SOCKET) {
			switch (h.cmsg_type) {
			case LINUX_SCM_RIGHTS:
				err = sk->family != LINUX_AF_UNIX ? -EINVAL :
				    scm_add_rights(t, s, ctl + off + sizeof(h),
				    h.cmsg_len - sizeof(h));
				break;
			case LINUX_SCM_CREDENTIALS:
				if (h.cmsg_len != sizeof(h) +
				    sizeof(struct linux_ucred)) {
					err = -EINVAL;
					break;
				}
				memcpy(&s->cred, ctl + off + sizeof(h),
				    sizeof(s->cred));
				err = scm_check_cred(t, &s->cred);
				break;
			default:
				err = -EINVAL;
			}
		}
		if (LINUX_CMSG_ALIGN(h.cmsg_len) > len - off)
			break;
		off += LINUX_CMSG_ALIGN(h.cmsg_len);
	}
	if (err < 0) {
		scm_free(s);
		return err;
	}
	*out = s;
	return 0;
}

/* The parts of a msghdr a call takes, with its iovec imported. */
struct msg_call {
	struct linux_msghdr	 h;
	struct linux_iovec	*iov;
	struct sock_msg		 m;
};

static int
msg_import(struct thread *t, struct sock *sk, uint64_t umsg,
    struct msg_call *c, int flags, bool send)
{
	struct fw_vm *vm = t->proc->vm;
	uint8_t *ctl;
	int err;

	memset(&c->m, 0, sizeof(c->m));
	c->iov = NULL;
	if (fw_copy_from_user(vm, &c->h, fw_uaddr(umsg), sizeof(c->h)) < 0)
		return -EFAULT;
	if ((int32_t)c->h.msg_namelen < 0)
		return -EINVAL;
	c->m.t = t;
	c->m.flags = flags;
	if (send && c->h.msg_name != 0 && c->h.msg_namelen > 0) {
		c->m.namelen = MIN(c->h.msg_namelen, LINUX_SOCKADDR_MAX);
		if (fw_copy_from_user(vm, c->m.name, fw_uaddr(c->h.msg_name),
		    c->m.namelen) < 0)
			return -EFAULT;
	}
	if ((err = iovec_import(vm, c->h.msg_iov, c->h.msg_iovlen,
	    &c->iov)) < 0)
		return err;
	iter_init_user(&c->m.it, vm, c->iov, c->h.msg_iovlen);
	if (!send) {
		c->m.control = fw_uaddr(c->h.msg_control);
		c->m.controllen = c->h.msg_controllen;
		return 0;
	}
	if (c->h.msg_controllen > INT32_MAX)
		return -ENOBUFS;
	if (c->h.msg_controllen < sizeof(struct linux_cmsghdr))
		return 0;
	if (c->h.msg_controllen > SOCK_CTL_MAX)
		return -ENOBUFS;
	if ((ctl = fw_alloc(c->h.msg_controllen)) == NULL)
		return -ENOMEM;
	if (fw_copy_from_user(vm, ctl, fw_uaddr(c->h.msg_control),
	    c->h.msg_controllen) < 0)
		err = -EFAULT;
	else
		err = scm_decode(t, sk, ctl, c->h.msg_controllen, &c->m.scm);
	fw_free(ctl);
	return err;
}

static void
msg_done(struct msg_call *c)
{
	fw_free(c->iov);
	scm_free(c->m.scm);
}

static long
sock_send(struct file *f, struct sock *sk, struct sock_msg *m)
{
	if (atomic_load(&f->flags) & LINUX_O_NONBLOCK)
		m->flags |= LINUX_MSG_DONTWAIT;
	return sk->ops->sendmsg(sk, m, false);
}

static long
sock_recv(struct file *f, struct sock *sk, struct sock_msg *m)
{
	if (atomic_load(&f->flags) & LINUX_O_NONBLOCK)
		m->flags |= LINUX_MSG_DONTWAIT;
	return sk->ops->recvmsg(sk, m, false);
}

/* sendto(2) and recvfrom(2): one buffer, an optional address. */
static long
sock_xfer(struct thread *t, const struct syscall_args *a, bool send)
{
	struct linux_iovec iov = { a->a[1], MIN(a->a[2], (uint64_t)INT32_MAX) };
	struct fw_vm *vm = t->proc->vm;
	struct sock_msg m;
	struct file *f;
	struct sock *sk;
	long n;
	int err;

	if ((err = sock_get(t->proc, (int)a->a[0], &f, &sk)) < 0)
		return err;
	memset(&m, 0, sizeof(m));
	m.t = t;
	m.flags = (int)a->a[3];
	iter_init_user(&m.it, vm, &iov, 1);
	if (!send)
		n = sock_recv(f, sk, &m);
	else if (a->a[4] != 0 && (err = sockaddr_import(vm, a->a[4], a->a[5],
	    m.name, &m.namelen)) < 0)
		n = err;
	else
		n = sock_send(f, sk, &m);
	if (!send && n >= 0 && a->a[4] != 0 && (err = sockaddr_export(vm,
	    m.name, m.namelen, a->a[4], a->a[5])) < 0)
		n = err;
	file_unref(f);
	return n;
}

SYSCALL(sendto)
{
	return sock_xfer(t, a, true);
}

SYSCALL(recvfrom)
{
	return sock_xfer(t, a, false);
}

static long
do_sendmsg(struct thread *t, struct file *f, struct sock *sk, uint64_t umsg,
    int flags)
{
	struct msg_call c;
	long n;

	if ((n = msg_import(t, sk, umsg, &c, flags, true)) == 0)
		n = sock_send(f, sk, &c.m);
	msg_done(&c);
	return n;
}

static long
do_recvmsg(struct thread *t, struct file *f, struct sock *sk, uint64_t umsg,
    int flags)
{
	struct fw_vm *vm = t->proc->vm;
	struct msg_call c;
	uint64_t used;
	int32_t oflags;
	long n;
	int err;

	if ((n = msg_import(t, sk, umsg, &c, flags, false)) == 0)
		n = sock_recv(f, sk, &c.m);
	if (n >= 0) {
		used = c.m.control_used;
		oflags = c.m.oflags;
		if ((c.h.msg_name != 0 && (err = sockaddr_export(vm, c.m.name,
		    c.m.namelen, c.h.msg_name,
		    umsg + MSGHDR_NAMELEN_OFF)) < 0) ||
		    (err = fw_copy_to_user(vm, fw_uaddr(umsg +
		    MSGHDR_FLAGS_OFF), &oflags, sizeof(oflags))) < 0 ||
		    (err = fw_copy_to_user(vm, fw_uaddr(umsg +
		    MSGHDR_CONTROLLEN_OFF), &used, sizeof(used))) < 0)
			n = err == -EINVAL ? -EINVAL : -EFAULT;
	}
	msg_done(&c);
	return n;
}

SYSCALL(sendmsg)
{
	struct file *f;
	struct sock *sk;
	long n;
	int err;

	if ((err = sock_get(t->proc, (int)a->a[0], &f, &sk)) < 0)
		return err;
	n = do_sendmsg(t, f, sk, a->a[1], (int)a->a[2]);
	file_unref(f);
	return n;
}

SYSCALL(recvmsg)
{
	struct file *f;
	struct sock *sk;
	long n;
	int err;

	if ((err = sock_get(t->proc, (int)a->a[0], &f, &sk)) < 0)
		return err;
	n = do_recvmsg(t, f, sk, a->a[1], (int)a->a[2]);
	file_unref(f);
	return n;
}

SYSCALL(sendmmsg)
{
	uint64_t vlen = MIN(a->a[2], (uint64_t)SOCK_MMSG_MAX), i;
	uint64_t base = a->a[1];
	struct file *f;
	struct sock *sk;
	uint32_t len;
	long n = 0;
	int err;

	if ((err = sock_get(t->proc, (int)a->a[0], &f, &sk)) < 0)
		return err;
	for (i = 0; i < vlen; i++) {
		if ((n = do_sendmsg(t, f, sk, base + i * 64, (int)a->a[3])) < 0)
			break;
		len = (uint32_t)n;
		if (fw_copy_to_user(t->proc->vm, fw_uaddr(base + i * 64 +
		    MMSGHDR_LEN_OFF), &len, sizeof(len)) < 0) {
			n = -EFAULT;
			break;
		}
	}
	file_unref(f);
	return i > 0 ? (long)i : n;
}

/* recvmmsg's timeout: the deadline, or -EINVAL/-EFAULT. */
static int
mmsg_deadline(struct fw_vm *vm, uint64_t uts, uint64_t *deadline)
{
	struct linux_timespec ts;

	*deadline = FW_NO_DEADLINE;
	if (uts == 0)
		return 0;
	if (fw_copy_from_user(vm, &ts, fw_uaddr(uts), sizeof(ts)) < 0)
		return -EFAULT;
	if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= 1000000000)
		return -EINVAL;
	*deadline = fw_clock_monotonic() + (uint64_t)ts.tv_sec * 1000000000 +
	    (uint64_t)ts.tv_nsec;
	return 0;
}

SYSCALL(recvmmsg)
{
	uint64_t vlen = MIN(a->a[2], (uint64_t)SOCK_MMSG_MAX), i;
	uint64_t base = a->a[1], deadline, now, left;
	struct fw_vm *vm = t->proc->vm;
	int flags = (int)a->a[3];
	struct linux_timespec ts;
	struct file *f;
	struct sock *sk;
	uint32_t len;
	long n = 0;
	int err;

	if ((err = mmsg_deadline(vm, a->a[4], &deadline)) < 0)
		return err;
	if ((err = sock_get(t->proc, (int)a->a[0], &f, &sk)) < 0)
		return err;
	for (i = 0; i < vlen; i++) {
		if ((n = do_recvmsg(t, f, sk, base + i * 64, flags)) < 0)
			break;
		len = (uint32_t)n;
		if (fw_copy_to_user(vm, fw_uaddr(base + i * 64 +
		    MMSGHDR_LEN_OFF), &len, sizeof(len)) < 0) {
			n = -EFAULT;
			break;
		}
		if (flags & LINUX_MSG_WAITFORONE)
			flags |= LINUX_MSG_DONTWAIT;
		if (deadline != FW_NO_DEADLINE &&
		    fw_clock_monotonic() >= deadline) {
			i++;
			break;
		}
	}
	if (a->a[4] != 0 && i > 0) {
		now = fw_clock_monotonic();
		left = now >= deadline ? 0 : deadline - now;
		ts.tv_sec = (int64_t)(left / 1000000000);
		ts.tv_nsec = (int64_t)(left % 1000000000);
		if (fw_copy_to_user(vm, fw_uaddr(a->a[4]), &ts, sizeof(ts)) < 0)
			n = -EFAULT;
	}
	/* An error after some datagrams is the next call's to report. */
	if (i > 0 && n < 0 && n != -EAGAIN && n != -EFAULT)
		atomic_store(&sk->err, (int)n);
	file_unref(f);
	return i > 0 ? (long)i : n;
}
