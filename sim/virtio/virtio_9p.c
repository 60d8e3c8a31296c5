/*
 * virtio_9p.c: the virtio-9p device (virtio 1.2 §5.11) over the 9P2000.L
 * server (sim/p9/p9srv.h).  One request queue; each chain is a readable
 * T-message followed by a writable area for the R-message.  The config
 * space is the mount tag: le16 tag_len, then the tag's bytes (feature
 * VIRTIO_9P_MOUNT_TAG).  Runs on the transport's device thread.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "p9srv.h"
#include "virtio_mmio.h"

#define V9P_DEVICE_ID		9
#define VIRTIO_9P_MOUNT_TAG	(1ull << 0)
#define V9P_TAG			"trellis"
#define V9P_MSIZE_MAX		(128u << 10)

struct v9p {
	struct p9srv	*srv;
	uint8_t		 config[2 + sizeof(V9P_TAG) - 1];
	char		*dir;
	bool		 writable;
};

static size_t
v9p_handle(void *ctx, unsigned int q, const uint8_t *in, size_t in_len,
    uint8_t *out, size_t out_cap)
{
	struct v9p *v = ctx;

	(void)q;
	return p9srv_handle(v->srv, in, in_len, out, out_cap);
}

/* A device reset forgets every fid: a fresh server on the same tree. */
static void
v9p_reset(void *ctx)
{
	struct v9p *v = ctx;
	struct p9srv *s = p9srv_new(v->dir, v->writable, V9P_MSIZE_MAX);

	if (s == NULL)
		return;			/* keep the old session */
	p9srv_free(v->srv);
	v->srv = s;
}

int
v9p_device(const char *dir, bool writable, struct vmmio_device *out)
{
	struct v9p *v;
	size_t tl = sizeof(V9P_TAG) - 1;

	if ((v = calloc(1, sizeof(*v))) == NULL ||
	    (v->dir = strdup(dir)) == NULL) {
		free(v);
		return -ENOMEM;
	}
	v->writable = writable;
	if ((v->srv = p9srv_new(dir, writable, V9P_MSIZE_MAX)) == NULL) {
		int err = errno ? -errno : -EINVAL;

		free(v->dir);
		free(v);
		return err;
	}
	v->config[0] = (uint8_t)tl;
	v->config[1] = (uint8_t)(tl >> 8);
	memcpy(v->config + 2, V9P_TAG, tl);
	*out = (struct vmmio_device){
		.device_id = V9P_DEVICE_ID,
		.features = VIRTIO_9P_MOUNT_TAG,
		.nqueues = 1,
		.config = v->config,
		.config_len = sizeof(v->config),
		.handle = v9p_handle,
		.reset = v9p_reset,
		.ctx = v,
	};
	return 0;
}

void
v9p_device_free(struct vmmio_device *dev)
{
	struct v9p *v = dev->ctx;

	if (v == NULL)
		return;
	p9srv_free(v->srv);
	free(v->dir);
	free(v);
	dev->ctx = NULL;
}
