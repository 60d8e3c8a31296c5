/*
 * services/net/sys_socket.c: socket(2), socketpair(2), bind(2), listen(2),
 * accept(2), accept4(2), connect(2), getsockname(2), getpeername(2) and
 * shutdown(2): decoding in Linux's order (flags, then the descriptor:
 * EBADF, ENOTSOCK; then the address: EINVAL past 128 bytes, EFAULT), the
 * family doing the rest.  AF_UNIX is whole; AF_INET and AF_INET6 have
 * TCP and UDP (inet.h, tcp.h); AF_NETLINK has NETLINK_ROUTE (netlink.h);
 * other families are EAFNOSUPPORT.
 * Locks: none of their own.
 */
#include <fw/errno.h>
#include <fw/string.h>
#include <fw/uaccess.h>
#include <svc/file.h>
#include <svc/lib.h>
#include <svc/proc.h>
#include <svc/syscall.h>
#include <svc/vfs.h>
#include <uapi/fcntl.h>
#include "inet.h"
#include "netlink.h"
#include "tcp.h"
#include "net.h"

#define SOCK_TYPE_MAX	11	/* SOCK_PACKET + 1 */

int
sock_get(struct proc *p, int fd, struct file **f, struct sock **sk)
{
	int err;

	if ((err = fd_get(p, fd, f)) < 0)
		return err;
	if ((*sk = sock_of_file(*f)) == NULL) {
		file_unref(*f);
		return -ENOTSOCK;
	}
	return 0;
}

int
sockaddr_import(struct fw_vm *vm, uint64_t uaddr, uint64_t len, uint8_t *buf,
    size_t *out)
{
	memset(buf, 0, LINUX_SOCKADDR_MAX);
	if ((int32_t)len < 0 || len > LINUX_SOCKADDR_MAX)
		return -EINVAL;
	*out = (size_t)len;
	if (len == 0)
		return 0;
	if (fw_copy_from_user(vm, buf, fw_uaddr(uaddr), (size_t)len) < 0)
		return -EFAULT;
	return 0;
}

int
sockaddr_export(struct fw_vm *vm, const uint8_t *addr, size_t klen,
    uint64_t uaddr, uint64_t ulen)
{
	int32_t len;

	if (fw_copy_from_user(vm, &len, fw_uaddr(ulen), sizeof(len)) < 0)
		return -EFAULT;
	if (len < 0)
		return -EINVAL;
	if ((size_t)len > klen)
		len = (int32_t)klen;
	if (len > 0 && fw_copy_to_user(vm, fw_uaddr(uaddr), addr,
	    (size_t)len) < 0)
		return -EFAULT;
	len = (int32_t)klen;
	if (fw_copy_to_user(vm, fw_uaddr(ulen), &len, sizeof(len)) < 0)
		return -EFAULT;
	return 0;
}

/* Checks socket()'s type argument: the type, or -EINVAL. */
static int
sock_type(uint64_t arg, unsigned int *flags)
{
	int type = (int)(arg & LINUX_SOCK_TYPE_MASK);
	uint64_t fl = arg & ~(uint64_t)LINUX_SOCK_TYPE_MASK;

	if (fl & ~(uint64_t)(LINUX_SOCK_CLOEXEC | LINUX_SOCK_NONBLOCK) ||
	    (int32_t)arg < 0)
		return -EINVAL;
	*flags = (unsigned int)fl;
	if (type >= SOCK_TYPE_MAX)
		return -EINVAL;
	return type;
}

/* inet_create(): TCP and UDP; raw and packet types are not built. */
static int
inet_create(int family, int type, int protocol, struct thread *t,
    struct sock **out)
{
	switch (type) {
	case LINUX_SOCK_DGRAM:
		if (protocol != 0 && protocol != LINUX_IPPROTO_UDP)
			return -EPROTONOSUPPORT;
		return udp_create(family, t, out);
	case LINUX_SOCK_STREAM:
		if (protocol != 0 && protocol != LINUX_IPPROTO_TCP)
			return -EPROTONOSUPPORT;
		return tcp_create(family, t, out);
	case LINUX_SOCK_SEQPACKET:
	case LINUX_SOCK_RDM:
		return -ESOCKTNOSUPPORT;
	default:
		return -EPROTONOSUPPORT;
	}
}

static int
sock_create(int family, int type, int protocol, struct thread *t,
    struct sock **out)
{
	if (family < 0 || family >= LINUX_AF_MAX)
		return -EAFNOSUPPORT;
	switch (family) {
	case LINUX_AF_UNIX:
		return unix_create(type, protocol, out);
	case LINUX_AF_INET:
	case LINUX_AF_INET6:
		return inet_create(family, type, protocol, t, out);
	case LINUX_AF_NETLINK:
		return netlink_create(type, protocol, t, out);
	default:
		return -EAFNOSUPPORT;
	}
}

/* Installs a file on sk (cloexec and nonblock from SOCK_ flags). */
static int
sock_install(struct proc *p, struct sock *sk, unsigned int flags)
{
	struct file *f;
	int fd;

	if ((fd = sock_file(sk, flags & LINUX_SOCK_NONBLOCK, &f)) < 0)
		return fd;
	fd = fd_install(p, f, (flags & LINUX_SOCK_CLOEXEC) != 0);
	file_unref(f);
	return fd;
}

/* A socket that never got a file goes as its file would have. */
static void
sock_discard(struct sock *sk)
{
	sk->ops->release(sk);
	sock_unref(sk);
}

SYSCALL(socket)
{
	unsigned int flags;
	struct sock *sk;
	int type, err;

	if ((type = sock_type(a->a[1], &flags)) < 0)
		return type;
	if ((err = sock_create((int)a->a[0], type, (int)a->a[2], t, &sk)) < 0)
		return err;
	err = sock_install(t->proc, sk, flags);
	if (err < 0)
		sock_discard(sk);
	else
		sock_unref(sk);
	return err;
}

SYSCALL(socketpair)
{
	struct proc *p = t->proc;
	struct file *fa = NULL, *fb = NULL;
	struct sock *sa, *sb;
	unsigned int flags;
	int32_t fds[2];
	int type, family = (int)a->a[0], err;

	if ((type = sock_type(a->a[1], &flags)) < 0)
		return type;
	if (family == LINUX_AF_INET || family == LINUX_AF_INET6)
		return -EOPNOTSUPP;
	if (family != LINUX_AF_UNIX)
		return -EAFNOSUPPORT;
	if ((int)a->a[2] != 0 && (int)a->a[2] != LINUX_AF_UNIX)
		return -EPROTONOSUPPORT;
	if ((err = unix_pair(type, t, &sa, &sb)) < 0)
		return err;
	if ((err = sock_file(sa, flags & LINUX_SOCK_NONBLOCK, &fa)) < 0 ||
	    (err = sock_file(sb, flags & LINUX_SOCK_NONBLOCK, &fb)) < 0)
		goto out;
	fds[0] = fds[1] = -1;
	if ((fds[0] = fd_install(p, fa, flags & LINUX_SOCK_CLOEXEC)) < 0 ||
	    (fds[1] = fd_install(p, fb, flags & LINUX_SOCK_CLOEXEC)) < 0) {
		err = fds[0] < 0 ? fds[0] : fds[1];
		goto undo;
	}
	if (fw_copy_to_user(p->vm, fw_uaddr(a->a[3]), fds, sizeof(fds)) < 0) {
		err = -EFAULT;
		goto undo;
	}
	err = 0;
	goto out;
undo:
	/* Only a racing close can have beaten us to these. */
	if (fds[0] >= 0 && fd_close(p, fds[0]) < 0)
		fds[0] = -1;
	if (fds[1] >= 0 && fd_close(p, fds[1]) < 0)
		fds[1] = -1;
out:
	/* Files that exist release their socket; the others go by hand. */
	if (fa == NULL)
		sock_discard(sa);
	else
		sock_unref(sa);
	if (fb == NULL)
		sock_discard(sb);
	else
		sock_unref(sb);
	file_unref(fa);
	file_unref(fb);
	return err;
}

SYSCALL(bind)
{
	uint8_t addr[LINUX_SOCKADDR_MAX];
	struct file *f;
	struct sock *sk;
	size_t len;
	int err;

	if ((err = sock_get(t->proc, (int)a->a[0], &f, &sk)) < 0)
		return err;
	if ((err = sockaddr_import(t->proc->vm, a->a[1], a->a[2], addr,
	    &len)) == 0)
		err = sk->ops->bind(sk, t, addr, len);
	file_unref(f);
	return err;
}

SYSCALL(listen)
{
	struct file *f;
	struct sock *sk;
	int err;

	if ((err = sock_get(t->proc, (int)a->a[0], &f, &sk)) < 0)
		return err;
	err = sk->ops->listen(sk, t, (int)a->a[1]);
	file_unref(f);
	return err;
}

SYSCALL(connect)
{
	uint8_t addr[LINUX_SOCKADDR_MAX];
	struct file *f;
	struct sock *sk;
	size_t len;
	int err;

	if ((err = sock_get(t->proc, (int)a->a[0], &f, &sk)) < 0)
		return err;
	if ((err = sockaddr_import(t->proc->vm, a->a[1], a->a[2], addr,
	    &len)) == 0)
		err = sk->ops->connect(sk, t, addr, len,
		    (atomic_load(&f->flags) & LINUX_O_NONBLOCK) != 0);
	file_unref(f);
	return err;
}

static long
do_accept(struct thread *t, const struct syscall_args *a, uint64_t flags)
{
	uint8_t addr[LINUX_SOCKADDR_MAX];
	struct proc *p = t->proc;
	struct sock *sk, *nsk;
	struct file *f, *nf;
	size_t len;
	int err, fd;

	if (flags & ~(uint64_t)(LINUX_SOCK_CLOEXEC | LINUX_SOCK_NONBLOCK))
		return -EINVAL;
	if ((err = sock_get(p, (int)a->a[0], &f, &sk)) < 0)
		return err;
	err = sk->ops->accept(sk, (atomic_load(&f->flags) &
	    LINUX_O_NONBLOCK) != 0, &nsk);
	file_unref(f);
	if (err < 0)
		return err;
	if ((err = sock_file(nsk, (unsigned int)flags & LINUX_SOCK_NONBLOCK,
	    &nf)) < 0) {
		sock_discard(nsk);
		return err;
	}
	sock_unref(nsk);
	if (a->a[1] != 0) {
		/* The name goes out before the descriptor exists. */
		len = 0;
		if ((err = nsk->ops->getname(nsk, addr, &len, 2)) < 0 &&
		    err != -ENOTCONN) {
			file_unref(nf);
			return err;
		}
		if (err == -ENOTCONN)
			len = 0;
		if ((err = sockaddr_export(p->vm, addr, len, a->a[1],
		    a->a[2])) < 0) {
			file_unref(nf);
			return err;
		}
	}
	fd = fd_install(p, nf, (flags & LINUX_SOCK_CLOEXEC) != 0);
	file_unref(nf);
	return fd;
}

SYSCALL(accept)
{
	return do_accept(t, a, 0);
}

SYSCALL(accept4)
{
	return do_accept(t, a, a->a[3]);
}

static long
do_getname(struct thread *t, const struct syscall_args *a, int peer)
{
	uint8_t addr[LINUX_SOCKADDR_MAX];
	struct file *f;
	struct sock *sk;
	size_t len = 0;
	int err;

	if ((err = sock_get(t->proc, (int)a->a[0], &f, &sk)) < 0)
		return err;
	if ((err = sk->ops->getname(sk, addr, &len, peer)) == 0)
		err = sockaddr_export(t->proc->vm, addr, len, a->a[1],
		    a->a[2]);
	file_unref(f);
	return err;
}

SYSCALL(getsockname)
{
	return do_getname(t, a, 0);
}

SYSCALL(getpeername)
{
	return do_getname(t, a, 1);
}

SYSCALL(shutdown)
{
	struct file *f;
	struct sock *sk;
	int err;

	if ((err = sock_get(t->proc, (int)a->a[0], &f, &sk)) < 0)
		return err;
	err = sk->ops->shutdown(sk, (int)a->a[1]);
	file_unref(f);
	return err;
}
