/*
 * p9shim.c: the virtio-9p transport (svc/virtio.h) for the file services'
 * unit tests: requests go straight to the simulator's 9P server
 * (sim/p9/p9srv.h) on a host directory, with no device in between.  A
 * test may pass every reply through a mangler (the fuzzer does).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <svc/virtio.h>
#include "p9srv.h"
#include "shim.h"

#define SHIM_P9_MSIZE	((128u << 10) + 4096)

struct p9_transport {
	int	unused;
};

static struct p9srv *srv;
static struct p9_transport the_transport;
static bool in_use;
static size_t (*mangler)(uint8_t *reply, size_t len, size_t cap);

static int
export(const char *dir, bool writable)
{
	p9srv_free(srv);
	srv = NULL;
	if (dir != NULL &&
	    (srv = p9srv_new(dir, writable, SHIM_P9_MSIZE)) == NULL)
		return -errno;
	return 0;
}

int
shim_p9_export(const char *dir)
{
	return export(dir, false);
}

int
shim_p9_export_rw(const char *dir)
{
	return export(dir, true);
}

void
shim_p9_mangle(size_t (*fn)(uint8_t *reply, size_t len, size_t cap))
{
	mangler = fn;
}

bool
shim_p9_busy(void)
{
	return in_use;
}

int
p9_transport_open(struct p9_transport **out, char *tag, size_t tagcap)
{
	if (srv == NULL)
		return -ENODEV;
	if (in_use)
		return -EBUSY;
	in_use = true;
	if (tagcap > 0) {
		strncpy(tag, "trellis", tagcap - 1);
		tag[tagcap - 1] = '\0';
	}
	*out = &the_transport;
	return 0;
}

void
p9_transport_close(struct p9_transport *t)
{
	if (t != NULL)
		in_use = false;
}

size_t
p9_transport_msize(const struct p9_transport *t)
{
	(void)t;
	return SHIM_P9_MSIZE;
}

/* The checks virtio_9p.c makes of what the device wrote. */
long
p9_transport_rpc(struct p9_transport *t, const void *tmsg, size_t tlen,
    void *rbuf, size_t rcap)
{
	static uint8_t reply[SHIM_P9_MSIZE];
	size_t n, size;

	(void)t;
	if (tlen < 7 || tlen > SHIM_P9_MSIZE)
		return -EMSGSIZE;
	n = p9srv_handle(srv, tmsg, tlen, reply, sizeof(reply));
	if (mangler != NULL)
		n = mangler(reply, n, sizeof(reply));
	if (n < 7)
		return -EPROTO;
	size = (size_t)reply[0] | (size_t)reply[1] << 8 |
	    (size_t)reply[2] << 16 | (size_t)reply[3] << 24;
	if (size < 7 || size > n || size > rcap)
		return -EPROTO;
	memcpy(rbuf, reply, size);
	return (long)size;
}
