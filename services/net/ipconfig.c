/*
 * services/net/ipconfig.c: eth0's static IPv4 configuration from the ip=
 * boot option, in the syntax of Linux's nfsroot.txt:
 *
 *	ip=<client-ip>:<server-ip>:<gw-ip>:<netmask>:<hostname>:<device>:
 *	   <autoconf>
 *
 * Only the fields a static setup needs are taken: the address, the
 * gateway and the netmask (contiguous; a dotted mask or a bare prefix
 * length).  An empty field keeps the default of the 10.0.2.x plan
 * (netdev.c), so "ip=10.0.2.16" changes the address alone.  The device
 * must be empty or eth0 and autoconf empty, "off", "none" or "static";
 * DHCP is not built.  A value that does not parse changes nothing and is
 * logged.  Called from netdev_register() with the device's defaults set.
 * Locks: inet_lock.
 */
#include <fw/boot.h>
#include <fw/errno.h>
#include <fw/log.h>
#include <fw/string.h>
#include <svc/lib.h>
#include "netdev_impl.h"
#include "wire.h"

#define IPCONFIG_FIELDS	7
#define IPCONFIG_MAX	128

/* "a.b.c.d" into out[4]: 0, or -EINVAL. */
static int
ipconfig_quad(const char *s, uint8_t *out)
{
	unsigned int i, v, digits;

	for (i = 0; i < 4; i++) {
		v = 0;
		for (digits = 0; *s >= '0' && *s <= '9'; s++, digits++) {
			v = v * 10 + (unsigned int)(*s - '0');
			if (digits >= 3 || v > 255)
				return -EINVAL;
		}
		if (digits == 0 || *s != (i < 3 ? '.' : '\0'))
			return -EINVAL;
		out[i] = (uint8_t)v;
		s++;
	}
	return 0;
}

/* A netmask, dotted ("255.255.255.0") or a length ("24"): its length. */
static int
ipconfig_prefix(const char *s)
{
	uint8_t m[4];
	uint32_t mask;
	uint64_t n;
	int len;

	if (str_chr(s, '.') == NULL)
		return str_to_u64(s, 10, &n) == 0 && n <= 32 ? (int)n :
		    -EINVAL;
	if (ipconfig_quad(s, m) < 0)
		return -EINVAL;
	mask = wire_get32(m);
	for (len = 0; len < 32 && (mask & (0x80000000U >> len)) != 0; len++)
		;
	if (len < 32 && (mask << len) != 0)
		return -EINVAL;			/* not contiguous */
	return len;
}

/* Splits buf at the colons: the number of fields. */
static unsigned int
ipconfig_split(char *buf, char **field)
{
	unsigned int n = 0;
	char *p = buf;

	field[n++] = p;
	while ((p = str_chr(p, ':')) != NULL && n < IPCONFIG_FIELDS) {
		*p++ = '\0';
		field[n++] = p;
	}
	return p == NULL ? n : IPCONFIG_FIELDS + 1;	/* too many */
}

static int
ipconfig_parse(const char *opt, struct net_if *ifc)
{
	char buf[IPCONFIG_MAX], *f[IPCONFIG_FIELDS] = { 0 };
	const char *dev, *autoconf;
	unsigned int n;
	uint8_t addr[4], gw[4];
	int prefix = (int)ifc->prefix;

	if (str_lcpy(buf, opt, sizeof(buf)) >= sizeof(buf) ||
	    (n = ipconfig_split(buf, f)) > IPCONFIG_FIELDS)
		return -EINVAL;
	memcpy(addr, ifc->addr, 4);
	memcpy(gw, ifc->gw, 4);
	dev = n > 5 ? f[5] : "";
	autoconf = n > 6 ? f[6] : "";
	if ((*dev != '\0' && !str_eq(dev, "eth0")) ||
	    (*autoconf != '\0' && !str_eq(autoconf, "off") &&
	    !str_eq(autoconf, "none") && !str_eq(autoconf, "static")))
		return -EINVAL;
	if ((*f[0] != '\0' && ipconfig_quad(f[0], addr) < 0) ||
	    (n > 2 && *f[2] != '\0' && ipconfig_quad(f[2], gw) < 0) ||
	    (n > 3 && *f[3] != '\0' && (prefix = ipconfig_prefix(f[3])) < 0))
		return -EINVAL;
	memcpy(ifc->addr, addr, 4);
	memcpy(ifc->gw, gw, 4);
	ifc->prefix = (unsigned int)prefix;
	return 0;
}

void
net_ipconfig(struct net_if *ifc)
{
	const char *opt = fw_boot_option("ip");

	if (opt != NULL && ipconfig_parse(opt, ifc) < 0)
		fw_log(FW_LOG_WARN, "net: ip=%s not understood, eth0 keeps "
		    "its defaults\n", opt);
}
