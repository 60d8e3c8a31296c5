/*
 * services/fs/p9c.c: the 9P2000.L client (p9c.h).  Messages are built in
 * c->tx and the reply lands in c->rx, both msize bytes, under c->lock.
 * Reading a reply goes through a cursor that never passes the reply's
 * length: a short or malformed reply sets its bad flag and the call
 * answers -EPROTO.  Fids come from a bitmap; tags are always 1 (one
 * request at a time).
 *
 * Interface: p9c.h.
 * Locks used to protect fields in this file:
 *	I	immutable after p9c_open()
 *	c	c->lock
 */
#include <fw/alloc.h>
#include <fw/errno.h>
#include <fw/mutex.h>
#include <svc/lib.h>
#include <svc/virtio.h>
#include "p9c.h"

#define P9C_NFIDS	(1u << 16)
#define P9C_TAG		1
#define P9C_IOHDR	24	/* Tread/Twrite overhead in msize (Linux's) */

struct p9c {
	struct fw_mutex		 lock;
	struct p9_transport	*t;		/* [I] */
	size_t			 msize;		/* [I] negotiated */
	uint8_t			*tx, *rx;	/* [c] msize bytes each */
	uint64_t		*fids;		/* [c] bitmap: in use */
	uint32_t		 hint;		/* [c] where to look next */
};

/* A message being built in c->tx. */
struct p9m {
	uint8_t	*b;
	size_t	 n, cap;
	bool	 bad;
};

/* A cursor over a reply. */
struct p9r {
	const uint8_t	*b;
	size_t		 n, pos;
	bool		 bad;
};

static void
put(struct p9m *m, uint64_t v, size_t bytes)
{
	size_t i;

	if (m->n + bytes > m->cap) {
		m->bad = true;
		return;
	}
	for (i = 0; i < bytes; i++)
		m->b[m->n++] = (uint8_t)(v >> (8 * i));
}

static void
put_bytes(struct p9m *m, const void *p, size_t len)
{
	if (m->n + len > m->cap) {
		m->bad = true;
		return;
	}
	memcpy(m->b + m->n, p, len);
	m->n += len;
}

static void
put_str(struct p9m *m, const char *s, size_t len)
{
	if (len > 0xffff) {
		m->bad = true;
		return;
	}
	put(m, len, 2);
	put_bytes(m, s, len);
}

static struct p9m
begin(struct p9c *c, unsigned int type, unsigned int tag)
	FW_REQUIRES(&c->lock)
{
	struct p9m m = { c->tx, 0, c->msize, false };

	put(&m, 0, 4);
	put(&m, type, 1);
	put(&m, tag, 2);
	return m;
}

static uint64_t
get(struct p9r *r, size_t bytes)
{
	uint64_t v = 0;
	size_t i;

	if (r->bad || r->n - r->pos < bytes) {
		r->bad = true;
		return 0;
	}
	for (i = 0; i < bytes; i++)
		v |= (uint64_t)r->b[r->pos + i] << (8 * i);
	r->pos += bytes;
	return v;
}

/* A string's bytes (not NUL-terminated), or NULL with r bad. */
static const char *
get_str(struct p9r *r, size_t *len)
{
	const char *s;

	*len = (size_t)get(r, 2);
	if (r->bad || r->n - r->pos < *len) {
		r->bad = true;
		*len = 0;
		return NULL;
	}
	s = (const char *)r->b + r->pos;
	r->pos += *len;
	return s;
}

static struct p9_qid
get_qid(struct p9r *r)
{
	struct p9_qid q;

	q.type = (uint8_t)get(r, 1);
	q.version = (uint32_t)get(r, 4);
	q.path = get(r, 8);
	return q;
}

/*
 * Sends m and checks the reply is of type want: 0 with *r over its body,
 * the server's -errno (Rlerror), or -EMSGSIZE, -EPROTO, -EIO.
 */
static int
rpc(struct p9c *c, struct p9m *m, unsigned int want, struct p9r *r)
	FW_REQUIRES(&c->lock)
{
	struct p9r h;
	uint32_t ecode;
	long n;

	if (m->bad)
		return -EMSGSIZE;
	m->b[0] = (uint8_t)m->n;
	m->b[1] = (uint8_t)(m->n >> 8);
	m->b[2] = (uint8_t)(m->n >> 16);
	m->b[3] = (uint8_t)(m->n >> 24);
	if ((n = p9_transport_rpc(c->t, m->b, m->n, c->rx, c->msize)) < 0)
		return (int)n;
	h = (struct p9r){ c->rx, (size_t)n, 4, false };
	if (get(&h, 1) == P9_RLERROR) {
		(void)get(&h, 2);
		ecode = (uint32_t)get(&h, 4);
		/* An error code Linux does not have is still an error. */
		return h.bad || ecode == 0 || ecode >= 4096 ? -EPROTO :
		    -(int)ecode;
	}
	/* The reply carries the request's tag. */
	if (c->rx[4] != want || get(&h, 2) != (uint64_t)(m->b[5] |
	    m->b[6] << 8))
		return -EPROTO;
	*r = h;
	return 0;
}

/* A free fid, marked used: 0 or -EMFILE. */
static int
fid_alloc(struct p9c *c, uint32_t *fid) FW_REQUIRES(&c->lock)
{
	uint32_t i, f;

	for (i = 0; i < P9C_NFIDS / 64; i++) {
		uint32_t w = (c->hint + i) % (P9C_NFIDS / 64);
		uint64_t bits = c->fids[w];

		if (bits == ~0ull)
			continue;
		for (f = 0; bits & (1ull << f); f++)
			;
		c->fids[w] |= 1ull << f;
		c->hint = w;
		*fid = w * 64 + f;
		return 0;
	}
	return -EMFILE;
}

static void
fid_free(struct p9c *c, uint32_t fid) FW_REQUIRES(&c->lock)
{
	if (fid < P9C_NFIDS)
		c->fids[fid / 64] &= ~(1ull << (fid % 64));
}

static void
clunk_locked(struct p9c *c, uint32_t fid) FW_REQUIRES(&c->lock)
{
	struct p9m m = begin(c, P9_TCLUNK, P9C_TAG);
	struct p9r r;

	put(&m, fid, 4);
	(void)rpc(c, &m, P9_RCLUNK, &r);
	fid_free(c, fid);
}

void
p9c_clunk(struct p9c *c, uint32_t fid)
{
	fw_mutex_lock(&c->lock);
	clunk_locked(c, fid);
	fw_mutex_unlock(&c->lock);
}

static int
p9c_session(struct p9c *c, uint32_t *root, struct p9_qid *qid)
	FW_REQUIRES(&c->lock)
{
	struct p9m m = begin(c, P9_TVERSION, P9_NOTAG);
	struct p9r r;
	size_t len, msize;
	const char *v;
	int err;

	put(&m, c->msize, 4);
	put_str(&m, P9_VERSION, sizeof(P9_VERSION) - 1);
	if ((err = rpc(c, &m, P9_RVERSION, &r)) < 0)
		return err;
	msize = (size_t)get(&r, 4);
	v = get_str(&r, &len);
	if (r.bad || len != sizeof(P9_VERSION) - 1 ||
	    memcmp(v, P9_VERSION, len) != 0 || msize < 4096 ||
	    msize > c->msize)
		return -EPROTO;
	c->msize = msize;
	if ((err = fid_alloc(c, root)) < 0)
		return err;
	m = begin(c, P9_TATTACH, P9C_TAG);
	put(&m, *root, 4);
	put(&m, P9_NOFID, 4);
	put_str(&m, "root", 4);
	put_str(&m, "", 0);
	put(&m, 0, 4);			/* n_uname: uid 0 */
	if ((err = rpc(c, &m, P9_RATTACH, &r)) == 0) {
		*qid = get_qid(&r);
		if (r.bad)
			err = -EPROTO;
	}
	if (err < 0)
		fid_free(c, *root);
	return err;
}

int
p9c_open(struct p9c **out, uint32_t *root, struct p9_qid *qid)
{
	struct p9c *c;
	char tag[32];
	int err;

	if ((c = fw_zalloc(1, sizeof(*c))) == NULL)
		return -ENOMEM;
	fw_mutex_init(&c->lock);
	if ((err = p9_transport_open(&c->t, tag, sizeof(tag))) < 0) {
		fw_free(c);
		return err;
	}
	c->msize = p9_transport_msize(c->t);
	c->tx = fw_alloc(c->msize);
	c->rx = fw_alloc(c->msize);
	c->fids = fw_zalloc(P9C_NFIDS / 64, sizeof(*c->fids));
	fw_mutex_lock(&c->lock);
	err = c->tx == NULL || c->rx == NULL || c->fids == NULL ? -ENOMEM :
	    p9c_session(c, root, qid);
	fw_mutex_unlock(&c->lock);
	if (err < 0) {
		p9c_close(c);
		return err;
	}
	*out = c;
	return 0;
}

void
p9c_close(struct p9c *c)
{
	if (c == NULL)
		return;
	p9_transport_close(c->t);
	fw_free(c->tx);
	fw_free(c->rx);
	fw_free(c->fids);
	fw_free(c);
}

size_t
p9c_iounit(const struct p9c *c)
{
	return c->msize - P9C_IOHDR;
}

int
p9c_walk(struct p9c *c, uint32_t fid, const char *name, size_t len,
    uint32_t *newfid, struct p9_qid *qid)
{
	struct p9m m;
	struct p9r r;
	uint64_t nwqid;
	int err;

	fw_mutex_lock(&c->lock);
	if ((err = fid_alloc(c, newfid)) < 0)
		goto out;
	m = begin(c, P9_TWALK, P9C_TAG);
	put(&m, fid, 4);
	put(&m, *newfid, 4);
	put(&m, len > 0 ? 1 : 0, 2);
	if (len > 0)
		put_str(&m, name, len);
	if ((err = rpc(c, &m, P9_RWALK, &r)) == 0) {
		nwqid = get(&r, 2);
		/* A partial walk (nwqid 0 of 1) made no fid: the name is absent. */
		if (!r.bad && len > 0 && nwqid == 0)
			err = -ENOENT;
		else if (nwqid == 1)
			*qid = get_qid(&r);
		if (err == 0 && (r.bad || nwqid != (len > 0 ? 1u : 0u)))
			err = -EPROTO;
	}
	if (err == -EPROTO)
		clunk_locked(c, *newfid);	/* the server may have made it */
	else if (err < 0)
		fid_free(c, *newfid);
out:
	fw_mutex_unlock(&c->lock);
	return err;
}

static uint64_t
get_time(struct p9r *r)
{
	uint64_t sec = get(r, 8), nsec = get(r, 8);

	if (nsec >= 1000000000ull || sec > UINT64_MAX / 1000000000ull - 1)
		return 0;	/* out of range: the epoch, not a wrap */
	return sec * 1000000000ull + nsec;
}

int
p9c_getattr(struct p9c *c, uint32_t fid, struct p9_attr *a)
{
	struct p9m m;
	struct p9r r;
	int err;

	fw_mutex_lock(&c->lock);
	m = begin(c, P9_TGETATTR, P9C_TAG);
	put(&m, fid, 4);
	put(&m, P9_GETATTR_ALL, 8);
	if ((err = rpc(c, &m, P9_RGETATTR, &r)) == 0) {
		(void)get(&r, 8);		/* valid */
		a->qid = get_qid(&r);
		a->mode = (uint32_t)get(&r, 4);
		a->uid = (uint32_t)get(&r, 4);
		a->gid = (uint32_t)get(&r, 4);
		a->nlink = get(&r, 8);
		a->rdev = get(&r, 8);
		a->size = get(&r, 8);
		(void)get(&r, 8);		/* blksize */
		a->blocks = get(&r, 8);
		a->atime = get_time(&r);
		a->mtime = get_time(&r);
		a->ctime = get_time(&r);
		a->btime = get_time(&r);
		if (r.bad)
			err = -EPROTO;
	}
	fw_mutex_unlock(&c->lock);
	return err;
}

int
p9c_lopen(struct p9c *c, uint32_t fid, uint32_t flags)
{
	struct p9m m;
	struct p9r r;
	int err;

	fw_mutex_lock(&c->lock);
	m = begin(c, P9_TLOPEN, P9C_TAG);
	put(&m, fid, 4);
	put(&m, flags, 4);
	if ((err = rpc(c, &m, P9_RLOPEN, &r)) == 0) {
		(void)get_qid(&r);
		(void)get(&r, 4);		/* iounit: msize bounds it */
		if (r.bad)
			err = -EPROTO;
	}
	fw_mutex_unlock(&c->lock);
	return err;
}

/* Tread and Treaddir: fid off count, answered by count[4] data. */
static long
read_common(struct p9c *c, unsigned int type, uint32_t fid, uint64_t off,
    void *buf, size_t len)
{
	struct p9m m;
	struct p9r r;
	uint64_t count;
	long n;
	int err;

	if (len > p9c_iounit(c))
		len = p9c_iounit(c);
	fw_mutex_lock(&c->lock);
	m = begin(c, type, P9C_TAG);
	put(&m, fid, 4);
	put(&m, off, 8);
	put(&m, len, 4);
	if ((err = rpc(c, &m, type + 1, &r)) < 0) {
		n = err;
	} else {
		count = get(&r, 4);
		/* More than asked for, or than the reply holds: a bad server. */
		if (r.bad || count > len || count > r.n - r.pos) {
			n = -EPROTO;
		} else {
			memcpy(buf, r.b + r.pos, (size_t)count);
			n = (long)count;
		}
	}
	fw_mutex_unlock(&c->lock);
	return n;
}

long
p9c_read(struct p9c *c, uint32_t fid, uint64_t off, void *buf, size_t len)
{
	return read_common(c, P9_TREAD, fid, off, buf, len);
}

long
p9c_readdir(struct p9c *c, uint32_t fid, uint64_t off, void *buf,
    size_t len)
{
	return read_common(c, P9_TREADDIR, fid, off, buf, len);
}

bool
p9c_dirent_next(const void *buf, size_t len, size_t *pos,
    struct p9_dirent *d)
{
	struct p9r r = { buf, len, *pos, false };

	if (*pos >= len)
		return false;
	d->qid = get_qid(&r);
	d->off = get(&r, 8);
	d->type = (uint8_t)get(&r, 1);
	d->name = get_str(&r, &d->len);
	if (r.bad || d->len == 0)
		return false;
	*pos = r.pos;
	return true;
}

long
p9c_readlink(struct p9c *c, uint32_t fid, char *buf, size_t cap)
{
	struct p9m m;
	struct p9r r;
	const char *s;
	size_t len;
	long n;
	int err;

	fw_mutex_lock(&c->lock);
	m = begin(c, P9_TREADLINK, P9C_TAG);
	put(&m, fid, 4);
	if ((err = rpc(c, &m, P9_RREADLINK, &r)) < 0) {
		n = err;
	} else {
		s = get_str(&r, &len);
		if (r.bad || str_nlen(s, len) != len)
			n = -EPROTO;
		else if (len >= cap)
			n = -ENAMETOOLONG;
		else {
			memcpy(buf, s, len);
			buf[len] = '\0';
			n = (long)len;
		}
	}
	fw_mutex_unlock(&c->lock);
	return n;
}

int
p9c_statfs(struct p9c *c, uint32_t fid, struct p9_statfs *st)
{
	struct p9m m;
	struct p9r r;
	int err;

	fw_mutex_lock(&c->lock);
	m = begin(c, P9_TSTATFS, P9C_TAG);
	put(&m, fid, 4);
	if ((err = rpc(c, &m, P9_RSTATFS, &r)) == 0) {
		st->type = (uint32_t)get(&r, 4);
		st->bsize = (uint32_t)get(&r, 4);
		st->blocks = get(&r, 8);
		st->bfree = get(&r, 8);
		st->bavail = get(&r, 8);
		st->files = get(&r, 8);
		st->ffree = get(&r, 8);
		st->fsid = get(&r, 8);
		st->namelen = (uint32_t)get(&r, 4);
		if (r.bad)
			err = -EPROTO;
	}
	fw_mutex_unlock(&c->lock);
	return err;
}

/* A call whose reply has no body (Rmkdir etc. are handled apart). */
static int
call_empty(struct p9c *c, struct p9m *m, unsigned int want)
	FW_REQUIRES(&c->lock)
{
	struct p9r r;

	return rpc(c, m, want, &r);
}

/* A call answered by a qid[13], put in *qid (NULL: not wanted). */
static int
call_qid(struct p9c *c, struct p9m *m, unsigned int want,
    struct p9_qid *qid) FW_REQUIRES(&c->lock)
{
	struct p9_qid q;
	struct p9r r;
	int err;

	if ((err = rpc(c, m, want, &r)) < 0)
		return err;
	q = get_qid(&r);
	if (r.bad)
		return -EPROTO;
	if (qid != NULL)
		*qid = q;
	return 0;
}

long
p9c_write(struct p9c *c, uint32_t fid, uint64_t off, const void *buf,
    size_t len)
{
	struct p9m m;
	struct p9r r;
	uint64_t count;
	long n;
	int err;

	if (len > p9c_iounit(c))
		len = p9c_iounit(c);
	fw_mutex_lock(&c->lock);
	m = begin(c, P9_TWRITE, P9C_TAG);
	put(&m, fid, 4);
	put(&m, off, 8);
	put(&m, len, 4);
	put_bytes(&m, buf, len);
	if ((err = rpc(c, &m, P9_RWRITE, &r)) < 0) {
		n = err;
	} else {
		count = get(&r, 4);
		/* More written than sent: a bad server. */
		n = r.bad || count > len ? -EPROTO : (long)count;
	}
	fw_mutex_unlock(&c->lock);
	return n;
}

int
p9c_lcreate(struct p9c *c, uint32_t fid, const char *name, size_t len,
    uint32_t flags, uint32_t mode, uint32_t gid, struct p9_qid *qid)
{
	struct p9m m;
	struct p9r r;
	int err;

	fw_mutex_lock(&c->lock);
	m = begin(c, P9_TLCREATE, P9C_TAG);
	put(&m, fid, 4);
	put_str(&m, name, len);
	put(&m, flags, 4);
	put(&m, mode, 4);
	put(&m, gid, 4);
	if ((err = rpc(c, &m, P9_RLCREATE, &r)) == 0) {
		*qid = get_qid(&r);
		(void)get(&r, 4);		/* iounit: msize bounds it */
		if (r.bad)
			err = -EPROTO;
	}
	fw_mutex_unlock(&c->lock);
	return err;
}

int
p9c_mkdir(struct p9c *c, uint32_t dfid, const char *name, size_t len,
    uint32_t mode, uint32_t gid, struct p9_qid *qid)
{
	struct p9m m;
	int err;

	fw_mutex_lock(&c->lock);
	m = begin(c, P9_TMKDIR, P9C_TAG);
	put(&m, dfid, 4);
	put_str(&m, name, len);
	put(&m, mode, 4);
	put(&m, gid, 4);
	err = call_qid(c, &m, P9_RMKDIR, qid);
	fw_mutex_unlock(&c->lock);
	return err;
}

int
p9c_symlink(struct p9c *c, uint32_t dfid, const char *name, size_t len,
    const char *target, uint32_t gid, struct p9_qid *qid)
{
	struct p9m m;
	int err;

	fw_mutex_lock(&c->lock);
	m = begin(c, P9_TSYMLINK, P9C_TAG);
	put(&m, dfid, 4);
	put_str(&m, name, len);
	put_str(&m, target, str_len(target));
	put(&m, gid, 4);
	err = call_qid(c, &m, P9_RSYMLINK, qid);
	fw_mutex_unlock(&c->lock);
	return err;
}

int
p9c_mknod(struct p9c *c, uint32_t dfid, const char *name, size_t len,
    uint32_t mode, uint32_t major, uint32_t minor, uint32_t gid,
    struct p9_qid *qid)
{
	struct p9m m;
	int err;

	fw_mutex_lock(&c->lock);
	m = begin(c, P9_TMKNOD, P9C_TAG);
	put(&m, dfid, 4);
	put_str(&m, name, len);
	put(&m, mode, 4);
	put(&m, major, 4);
	put(&m, minor, 4);
	put(&m, gid, 4);
	err = call_qid(c, &m, P9_RMKNOD, qid);
	fw_mutex_unlock(&c->lock);
	return err;
}

int
p9c_unlinkat(struct p9c *c, uint32_t dfid, const char *name, size_t len,
    uint32_t flags)
{
	struct p9m m;
	int err;

	fw_mutex_lock(&c->lock);
	m = begin(c, P9_TUNLINKAT, P9C_TAG);
	put(&m, dfid, 4);
	put_str(&m, name, len);
	put(&m, flags, 4);
	err = call_empty(c, &m, P9_RUNLINKAT);
	fw_mutex_unlock(&c->lock);
	return err;
}

int
p9c_renameat(struct p9c *c, uint32_t odfid, const char *oname, size_t olen,
    uint32_t ndfid, const char *nname, size_t nlen)
{
	struct p9m m;
	int err;

	fw_mutex_lock(&c->lock);
	m = begin(c, P9_TRENAMEAT, P9C_TAG);
	put(&m, odfid, 4);
	put_str(&m, oname, olen);
	put(&m, ndfid, 4);
	put_str(&m, nname, nlen);
	err = call_empty(c, &m, P9_RRENAMEAT);
	fw_mutex_unlock(&c->lock);
	return err;
}

int
p9c_link(struct p9c *c, uint32_t dfid, uint32_t fid, const char *name,
    size_t len)
{
	struct p9m m;
	int err;

	fw_mutex_lock(&c->lock);
	m = begin(c, P9_TLINK, P9C_TAG);
	put(&m, dfid, 4);
	put(&m, fid, 4);
	put_str(&m, name, len);
	err = call_empty(c, &m, P9_RLINK);
	fw_mutex_unlock(&c->lock);
	return err;
}

/* A time in ns as sec[8] nsec[8]. */
static void
put_time(struct p9m *m, uint64_t ns)
{
	put(m, ns / 1000000000ull, 8);
	put(m, ns % 1000000000ull, 8);
}

int
p9c_setattr(struct p9c *c, uint32_t fid, const struct p9_setattr *s)
{
	struct p9m m;
	int err;

	fw_mutex_lock(&c->lock);
	m = begin(c, P9_TSETATTR, P9C_TAG);
	put(&m, fid, 4);
	put(&m, s->valid, 4);
	put(&m, s->mode, 4);
	put(&m, s->uid, 4);
	put(&m, s->gid, 4);
	put(&m, s->size, 8);
	put_time(&m, s->atime);
	put_time(&m, s->mtime);
	err = call_empty(c, &m, P9_RSETATTR);
	fw_mutex_unlock(&c->lock);
	return err;
}

int
p9c_fsync(struct p9c *c, uint32_t fid, bool datasync)
{
	struct p9m m;
	int err;

	fw_mutex_lock(&c->lock);
	m = begin(c, P9_TFSYNC, P9C_TAG);
	put(&m, fid, 4);
	put(&m, datasync ? 1 : 0, 4);
	err = call_empty(c, &m, P9_RFSYNC);
	fw_mutex_unlock(&c->lock);
	return err;
}
