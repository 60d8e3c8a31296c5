/*
 * services/net/ifioctl.c: the interface ioctls of netdevice(7) on any
 * socket, answered as Linux's dev_ioctl() and devinet_ioctl() answer
 * them.  SIOCGIFCONF lists the IPv4 addresses (with a NULL buffer: the
 * room they need); SIOCGIFNAME finds a name by index; FLAGS, MTU,
 * HWADDR, INDEX, TXQLEN, METRIC and MAP are read by name (ENODEV).  The
 * IPv4 address reads (ADDR, NETMASK, BRDADDR, DSTADDR) are AF_INET's
 * (ENOTTY on other sockets) and EADDRNOTAVAIL without an address.  The
 * SIOCSIF* writes need CAP_NET_ADMIN (EPERM, checked before the name,
 * as Linux does) and then change nothing: one that asks for what is
 * already so succeeds, any other is EOPNOTSUPP.
 * Locks: none held; the data is ifaddr.h's snapshot.
 */
#include <fw/errno.h>
#include <fw/string.h>
#include <fw/uaccess.h>
#include <svc/lib.h>
#include <svc/proc.h>
#include <uapi/if.h>
#include <uapi/netlink.h>
#include "ifaddr.h"

/* SIOCDEVPRIVATE .. +15: the driver's own; ours have none. */
#define SIOCDEVPRIVATE_FIRST	0x89f0
#define SIOCDEVPRIVATE_LAST	0x89ff

static void
sin_put(uint8_t *sa, const uint8_t *v4)
{
	memset(sa, 0, 16);
	sa[0] = LINUX_AF_INET;		/* sin_family, little-endian */
	memcpy(sa + 4, v4, 4);
}

/* The first IPv4 address of interface index: 0, or -EADDRNOTAVAIL. */
static int
if_addr4(int index, struct net_ifaddr *out)
{
	struct net_ifaddr a[NET_ADDR_MAX];
	size_t n, i;

	n = net_addr_list(a, NET_ADDR_MAX);
	for (i = 0; i < n; i++)
		if (a[i].family == LINUX_AF_INET && a[i].index == index) {
			*out = a[i];
			return 0;
		}
	return -EADDRNOTAVAIL;
}

/* devinet_ioctl()'s reads: the address, mask, broadcast or peer. */
static int
if_get_inet(unsigned int cmd, const struct net_ifinfo *i,
    struct linux_ifreq *r)
{
	struct net_ifaddr a;
	uint8_t v[4], mask[4];
	unsigned int b;
	int err;

	if ((err = if_addr4(i->index, &a)) < 0)
		return err;
	memset(mask, 0, sizeof(mask));
	for (b = 0; b < a.prefix && b < 32; b++)
		mask[b / 8] |= (uint8_t)(0x80 >> (b % 8));
	for (b = 0; b < 4; b++) {
		if (cmd == LINUX_SIOCGIFNETMASK)
			v[b] = mask[b];
		else if (cmd == LINUX_SIOCGIFBRDADDR)
			v[b] = (uint8_t)(a.addr[b] | ~mask[b]);
		else
			v[b] = a.addr[b];	/* ADDR; DSTADDR: no peer */
	}
	/* lo's 127.0.0.1/8 has no broadcast address. */
	if (cmd == LINUX_SIOCGIFBRDADDR && a.scope == LINUX_RT_SCOPE_HOST)
		memset(v, 0, sizeof(v));
	sin_put(r->u.sockaddr, v);
	return 0;
}

/* dev_ifsioc_locked(): the reads any socket answers. */
static void
if_get_dev(unsigned int cmd, const struct net_ifinfo *i,
    struct linux_ifreq *r)
{
	memset(&r->u, 0, sizeof(r->u));
	switch (cmd) {
	case LINUX_SIOCGIFFLAGS:
		r->u.flags = (int16_t)(i->flags & 0xffff);
		break;
	case LINUX_SIOCGIFMTU:
		r->u.ivalue = (int32_t)i->mtu;
		break;
	case LINUX_SIOCGIFHWADDR:
		r->u.sockaddr[0] = (uint8_t)(i->type & 0xff);
		r->u.sockaddr[1] = (uint8_t)(i->type >> 8);
		memcpy(r->u.sockaddr + 2, i->mac, 6);
		break;
	case LINUX_SIOCGIFINDEX:
		r->u.ivalue = i->index;
		break;
	case LINUX_SIOCGIFTXQLEN:
		r->u.ivalue = (int32_t)i->txqlen;
		break;
	default:			/* METRIC and MAP: zeros */
		break;
	}
}

/* A write: 0 when it asks for what already is, else -EOPNOTSUPP. */
static int
if_set(unsigned int cmd, const struct net_ifinfo *i,
    const struct linux_ifreq *r)
{
	switch (cmd) {
	case LINUX_SIOCSIFFLAGS:
		return (uint16_t)r->u.flags == (i->flags & 0xffff) ? 0 :
		    -EOPNOTSUPP;
	case LINUX_SIOCSIFMTU:
		return (uint32_t)r->u.ivalue == i->mtu ? 0 : -EOPNOTSUPP;
	case LINUX_SIOCSIFTXQLEN:
		return (uint32_t)r->u.ivalue == i->txqlen ? 0 : -EOPNOTSUPP;
	default:
		return -EOPNOTSUPP;
	}
}

/* dev_ifconf() with inet_gifconf(): one ifreq per IPv4 address. */
static long
if_conf(struct fw_vm *vm, uint64_t arg)
{
	struct net_ifinfo ifs[NET_IF_MAX];
	struct net_ifaddr a[NET_ADDR_MAX];
	struct linux_ifconf c;
	struct linux_ifreq r;
	size_t n, ni, i, j;
	int32_t done = 0;

	if (fw_copy_from_user(vm, &c, fw_uaddr(arg), sizeof(c)) < 0)
		return -EFAULT;
	ni = net_if_list(ifs, NET_IF_MAX);
	n = net_addr_list(a, NET_ADDR_MAX);
	for (i = 0; i < n; i++) {
		if (a[i].family != LINUX_AF_INET)
			continue;
		if (c.ifc_buf != 0 && c.ifc_len - done < (int32_t)sizeof(r))
			break;
		if (c.ifc_buf != 0) {
			memset(&r, 0, sizeof(r));
			for (j = 0; j < ni; j++)
				if (ifs[j].index == a[i].index)
					str_lcpy(r.ifr_name, ifs[j].name,
					    sizeof(r.ifr_name));
			sin_put(r.u.sockaddr, a[i].addr);
			if (fw_copy_to_user(vm, fw_uaddr(c.ifc_buf +
			    (uint64_t)done), &r, sizeof(r)) < 0)
				return -EFAULT;
		}
		done += (int32_t)sizeof(r);
	}
	c.ifc_len = done;
	if (fw_copy_to_user(vm, fw_uaddr(arg), &c, sizeof(c.ifc_len)) < 0)
		return -EFAULT;
	return 0;
}

static bool
cmd_is_inet(unsigned int cmd)
{
	return (cmd >= LINUX_SIOCGIFADDR && cmd <= LINUX_SIOCSIFDSTADDR) ||
	    (cmd >= LINUX_SIOCGIFBRDADDR && cmd <= LINUX_SIOCSIFNETMASK);
}

static bool
cmd_is_set(unsigned int cmd)
{
	switch (cmd) {
	case LINUX_SIOCSIFFLAGS: case LINUX_SIOCSIFADDR:
	case LINUX_SIOCSIFDSTADDR: case LINUX_SIOCSIFBRDADDR:
	case LINUX_SIOCSIFNETMASK: case LINUX_SIOCSIFMETRIC:
	case LINUX_SIOCSIFMTU: case LINUX_SIOCSIFNAME:
	case LINUX_SIOCSIFHWADDR: case LINUX_SIOCSIFTXQLEN:
	case LINUX_SIOCSIFMAP:
		return true;
	default:
		return false;
	}
}

static bool
cmd_is_get(unsigned int cmd)
{
	switch (cmd) {
	case LINUX_SIOCGIFFLAGS: case LINUX_SIOCGIFMTU:
	case LINUX_SIOCGIFHWADDR: case LINUX_SIOCGIFINDEX:
	case LINUX_SIOCGIFTXQLEN: case LINUX_SIOCGIFMETRIC:
	case LINUX_SIOCGIFMAP:
		return true;
	default:
		return cmd_is_inet(cmd) && !cmd_is_set(cmd);
	}
}

long
net_if_ioctl(struct sock *sk, struct thread *t, unsigned int cmd,
    uint64_t arg)
{
	struct fw_vm *vm = t->proc->vm;
	struct net_ifinfo i;
	struct linux_ifreq r;
	bool dev = false;
	int err;

	if (cmd == LINUX_SIOCGIFCONF)
		return if_conf(vm, arg);
	if (cmd_is_inet(cmd) && sk->family != LINUX_AF_INET)
		return -ENOTTY;
	if (cmd >= SIOCDEVPRIVATE_FIRST && cmd <= SIOCDEVPRIVATE_LAST)
		dev = true;
	else if (cmd != LINUX_SIOCGIFNAME && !cmd_is_get(cmd) &&
	    !cmd_is_set(cmd))
		return -ENOTTY;
	if (fw_copy_from_user(vm, &r, fw_uaddr(arg), sizeof(r)) < 0)
		return -EFAULT;
	r.ifr_name[LINUX_IFNAMSIZ - 1] = '\0';
	if (cmd_is_set(cmd) && !inet_privileged(t))
		return -EPERM;
	if (cmd == LINUX_SIOCGIFNAME) {
		if ((err = net_if_find(r.u.ivalue > 0 ? r.u.ivalue : -1, "",
		    &i)) < 0)
			return err;
		str_lcpy(r.ifr_name, i.name, sizeof(r.ifr_name));
	} else if ((err = net_if_find(0, r.ifr_name, &i)) < 0)
		return err;
	else if (dev || cmd_is_set(cmd))
		return dev ? -EOPNOTSUPP : if_set(cmd, &i, &r);
	else if (cmd_is_inet(cmd)) {
		if ((err = if_get_inet(cmd, &i, &r)) < 0)
			return err;
	} else
		if_get_dev(cmd, &i, &r);
	if (fw_copy_to_user(vm, fw_uaddr(arg), &r, sizeof(r)) < 0)
		return -EFAULT;
	return 0;
}
