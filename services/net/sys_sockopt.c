/*
 * services/net/sys_sockopt.c: setsockopt(2) and getsockopt(2) at
 * SOL_SOCKET (socket(7)); other levels go to the family's ops, and a
 * family without them answers EOPNOTSUPP, as AF_UNIX does.  Set: an int
 * option needs 4 bytes (EINVAL); buffer sizes are stored doubled and
 * bounded as Linux does; read-only options are ENOPROTOOPT.  Get: the
 * value is cut to the caller's length, which is written back with the
 * full one's size.
 * Privileged settings (the FORCE sizes, SO_MARK, priorities above 6)
 * need euid 0 here (CAP_NET_ADMIN).
 * Locks: sk->lock for the options not kept atomic.
 */
#include <fw/errno.h>
#include <fw/string.h>
#include <fw/uaccess.h>
#include <svc/file.h>
#include <svc/lib.h>
#include <svc/proc.h>
#include <svc/syscall.h>
#include <uapi/time.h>
#include "net.h"

#define SOCKOPT_MAX	256	/* the largest value handled here */

static bool
net_admin(struct thread *t)
{
	bool r;

	fw_mutex_lock(&t->proc->lock);
	r = t->proc->cred.euid == 0;
	fw_mutex_unlock(&t->proc->lock);
	return r;
}

/* SOL_SOCKET's boolean options and their flag bits. */
static uint32_t
sockopt_flag(int name)
{
	switch (name) {
	case LINUX_SO_DEBUG:		return SOCKF_DEBUG;
	case LINUX_SO_REUSEADDR:	return SOCKF_REUSEADDR;
	case LINUX_SO_REUSEPORT:	return SOCKF_REUSEPORT;
	case LINUX_SO_KEEPALIVE:	return SOCKF_KEEPALIVE;
	case LINUX_SO_BROADCAST:	return SOCKF_BROADCAST;
	case LINUX_SO_OOBINLINE:	return SOCKF_OOBINLINE;
	case LINUX_SO_TIMESTAMP:	return SOCKF_TIMESTAMP;
	case LINUX_SO_DONTROUTE:	return SOCKF_DONTROUTE;
	default:			return 0;
	}
}

/* sock_set_timeout(): a timeval to ns (0: none), or -EDOM. */
static int
sockopt_timeo(const uint8_t *val, size_t len, uint64_t *out)
{
	struct linux_timeval tv;

	if (len < sizeof(tv))
		return -EINVAL;
	memcpy(&tv, val, sizeof(tv));
	if (tv.tv_usec < 0 || tv.tv_usec >= 1000000)
		return -EDOM;
	if (tv.tv_sec < 0) {
		*out = 1;		/* Linux: expires at once */
		return 0;
	}
	if ((uint64_t)tv.tv_sec > UINT64_MAX / 2000000000)
		*out = 0;		/* practically forever */
	else
		*out = (uint64_t)tv.tv_sec * 1000000000 +
		    (uint64_t)tv.tv_usec * 1000;
	return 0;
}

static int
sockopt_set_buf(struct sock *sk, int name, int32_t v, bool admin)
{
	bool snd = name == LINUX_SO_SNDBUF || name == LINUX_SO_SNDBUFFORCE;
	bool force = name == LINUX_SO_SNDBUFFORCE ||
	    name == LINUX_SO_RCVBUFFORCE;
	uint32_t u = (uint32_t)v;
	int32_t size;

	if (force && !admin)
		return -EPERM;
	u = force ? MIN(u, (uint32_t)INT32_MAX / 2) :
	    MIN(u, (uint32_t)SOCK_BUF_MAX);
	size = (int32_t)MAX(u * 2, snd ? (uint32_t)SOCK_MIN_SNDBUF :
	    (uint32_t)SOCK_MIN_RCVBUF);
	atomic_store(snd ? &sk->sndbuf : &sk->rcvbuf, size);
	sock_wake(sk, snd ? LINUX_EPOLLOUT : 0);
	return 0;
}

static int
sockopt_set_sol(struct sock *sk, struct thread *t, int name,
    const uint8_t *val, size_t len)
{
	uint32_t flag = sockopt_flag(name);
	int32_t v = 0;
	uint64_t ns;
	int err;

	switch (name) {
	case LINUX_SO_RCVTIMEO:
	case LINUX_SO_SNDTIMEO:
		if ((err = sockopt_timeo(val, len, &ns)) < 0)
			return err;
		fw_mutex_lock(&sk->lock);
		if (name == LINUX_SO_RCVTIMEO)
			sk->rcvtimeo = ns;
		else
			sk->sndtimeo = ns;
		fw_mutex_unlock(&sk->lock);
		return 0;
	case LINUX_SO_LINGER:
		if (len < sizeof(struct linux_linger))
			return -EINVAL;
		fw_mutex_lock(&sk->lock);
		memcpy(&sk->linger, val, sizeof(sk->linger));
		sk->linger.l_onoff = sk->linger.l_onoff != 0;
		fw_mutex_unlock(&sk->lock);
		return 0;
	}
	if (len < sizeof(int32_t))
		return -EINVAL;
	memcpy(&v, val, sizeof(v));
	if (flag != 0) {
		fw_mutex_lock(&sk->lock);
		sk->flags = v ? sk->flags | flag : sk->flags & ~flag;
		fw_mutex_unlock(&sk->lock);
		return 0;
	}
	switch (name) {
	case LINUX_SO_SNDBUF:
	case LINUX_SO_RCVBUF:
	case LINUX_SO_SNDBUFFORCE:
	case LINUX_SO_RCVBUFFORCE:
		return sockopt_set_buf(sk, name, v, net_admin(t));
	case LINUX_SO_PASSCRED:
		atomic_store(&sk->passcred, v != 0);
		return 0;
	case LINUX_SO_RCVLOWAT:
		atomic_store(&sk->rcvlowat, v < 0 ? INT32_MAX : MAX(v, 1));
		sock_wake(sk, 0);
		return 0;
	case LINUX_SO_PRIORITY:
		if ((v < 0 || v > 6) && !net_admin(t))
			return -EPERM;
		fw_mutex_lock(&sk->lock);
		sk->priority = v;
		fw_mutex_unlock(&sk->lock);
		return 0;
	case LINUX_SO_MARK:
		if (!net_admin(t))
			return -EPERM;
		fw_mutex_lock(&sk->lock);
		sk->mark = v;
		fw_mutex_unlock(&sk->lock);
		return 0;
	case LINUX_SO_PEEK_OFF:
		return -EOPNOTSUPP;	/* not kept yet: say so */
	default:
		return -ENOPROTOOPT;
	}
}

SYSCALL(setsockopt)
{
	uint8_t val[SOCKOPT_MAX];
	int level = (int)a->a[1], name = (int)a->a[2];
	int32_t len = (int32_t)a->a[4];
	struct file *f;
	struct sock *sk;
	int err;

	if ((err = sock_get(t->proc, (int)a->a[0], &f, &sk)) < 0)
		return err;
	if (len < 0)
		err = -EINVAL;
	else if (level != LINUX_SOL_SOCKET && sk->ops->setsockopt == NULL)
		err = -EOPNOTSUPP;
	else {
		memset(val, 0, sizeof(val));
		if (fw_copy_from_user(t->proc->vm, val, fw_uaddr(a->a[3]),
		    MIN((size_t)len, sizeof(val))) < 0)
			err = -EFAULT;
		else if (level != LINUX_SOL_SOCKET)
			err = sk->ops->setsockopt(sk, level, name, val,
			    (size_t)len);
		else if ((err = sockopt_set_sol(sk, t, name, val,
		    (size_t)len)) == 0 && sk->ops->sol_changed != NULL)
			sk->ops->sol_changed(sk, name);
	}
	file_unref(f);
	return err;
}

static void
put_int(uint8_t *val, size_t *len, int32_t v)
{
	memcpy(val, &v, sizeof(v));
	*len = sizeof(v);
}

static void
put_timeo(uint8_t *val, size_t *len, uint64_t ns)
{
	struct linux_timeval tv = { (int64_t)(ns / 1000000000),
	    (int64_t)(ns % 1000000000 / 1000) };

	memcpy(val, &tv, sizeof(tv));
	*len = sizeof(tv);
}

/* The value of option name in val (*len bytes): 0 or -errno. */
static int
sockopt_get_sol(struct sock *sk, int name, uint8_t *val, size_t *len,
    size_t ulen)
{
	uint32_t flag = sockopt_flag(name);
	struct linux_ucred cred;
	int err;

	if (flag != 0) {
		fw_mutex_lock(&sk->lock);
		put_int(val, len, (sk->flags & flag) != 0);
		fw_mutex_unlock(&sk->lock);
		return 0;
	}
	switch (name) {
	case LINUX_SO_TYPE:
		put_int(val, len, sk->type);
		return 0;
	case LINUX_SO_PROTOCOL:
		put_int(val, len, sk->protocol);
		return 0;
	case LINUX_SO_DOMAIN:
		put_int(val, len, sk->family);
		return 0;
	case LINUX_SO_ERROR:
		put_int(val, len, -sock_error(sk));
		return 0;
	case LINUX_SO_SNDBUF:
		put_int(val, len, atomic_load(&sk->sndbuf));
		return 0;
	case LINUX_SO_RCVBUF:
		put_int(val, len, atomic_load(&sk->rcvbuf));
		return 0;
	case LINUX_SO_RCVLOWAT:
		put_int(val, len, atomic_load(&sk->rcvlowat));
		return 0;
	case LINUX_SO_SNDLOWAT:
		put_int(val, len, 1);
		return 0;
	case LINUX_SO_PASSCRED:
		put_int(val, len, atomic_load(&sk->passcred));
		return 0;
	case LINUX_SO_ACCEPTCONN:
		put_int(val, len, atomic_load(&sk->listening));
		return 0;
	case LINUX_SO_PRIORITY:
	case LINUX_SO_MARK:
		fw_mutex_lock(&sk->lock);
		put_int(val, len, name == LINUX_SO_MARK ? sk->mark :
		    sk->priority);
		fw_mutex_unlock(&sk->lock);
		return 0;
	case LINUX_SO_RCVTIMEO:
	case LINUX_SO_SNDTIMEO:
		fw_mutex_lock(&sk->lock);
		put_timeo(val, len, name == LINUX_SO_RCVTIMEO ? sk->rcvtimeo :
		    sk->sndtimeo);
		fw_mutex_unlock(&sk->lock);
		return 0;
	case LINUX_SO_LINGER:
		fw_mutex_lock(&sk->lock);
		memcpy(val, &sk->linger, sizeof(sk->linger));
		fw_mutex_unlock(&sk->lock);
		*len = sizeof(sk->linger);
		return 0;
	case LINUX_SO_PEERCRED:
		if (sk->ops->peercred == NULL)
			return -ENODATA;
		if ((err = sk->ops->peercred(sk, &cred)) < 0)
			return err;
		memcpy(val, &cred, sizeof(cred));
		*len = sizeof(cred);
		return 0;
	case LINUX_SO_PEERNAME:
		if (sk->ops->getname(sk, val, len, 1) < 0)
			return -ENOTCONN;
		/* Linux: a buffer larger than the name is EINVAL. */
		return *len < ulen ? -EINVAL : 0;
	case LINUX_SO_COOKIE:
		memcpy(val, &sk->cookie, sizeof(sk->cookie));
		*len = sizeof(sk->cookie);
		return 0;
	case LINUX_SO_PEEK_OFF:
		return -EOPNOTSUPP;
	default:
		return -ENOPROTOOPT;
	}
}

SYSCALL(getsockopt)
{
	struct fw_vm *vm = t->proc->vm;
	uint8_t val[SOCKOPT_MAX];
	int level = (int)a->a[1], name = (int)a->a[2];
	struct file *f;
	struct sock *sk;
	size_t klen = 0;
	int32_t ulen;
	int err;

	if ((err = sock_get(t->proc, (int)a->a[0], &f, &sk)) < 0)
		return err;
	if (level != LINUX_SOL_SOCKET && sk->ops->getsockopt == NULL)
		err = -EOPNOTSUPP;
	else if (fw_copy_from_user(vm, &ulen, fw_uaddr(a->a[4]),
	    sizeof(ulen)) < 0)
		err = -EFAULT;
	else if (ulen < 0)
		err = -EINVAL;
	else {
		memset(val, 0, sizeof(val));
		err = level != LINUX_SOL_SOCKET ?
		    sk->ops->getsockopt(sk, level, name, val, &klen) :
		    sockopt_get_sol(sk, name, val, &klen, (size_t)ulen);
	}
	if (err == 0) {
		klen = MIN(klen, (size_t)ulen);
		ulen = (int32_t)klen;
		if (fw_copy_to_user(vm, fw_uaddr(a->a[3]), val, klen) < 0 ||
		    fw_copy_to_user(vm, fw_uaddr(a->a[4]), &ulen,
		    sizeof(ulen)) < 0)
			err = -EFAULT;
	}
	file_unref(f);
	return err;
}
