/*
 * p9srv.c: the 9P2000.L server's entry point (see p9srv.h): decoding the
 * header, dispatch, and the session's messages (Tversion, Tattach, Twalk,
 * Tclunk, Tflush).  Reading and writing files is in p9io.c, changing the
 * tree in p9ops.c, the fids and name resolution in p9fid.c.  Each handler
 * decodes and checks every field before it acts, and returns 0 with the
 * reply body written, or -errno for an Rlerror.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "p9srv_impl.h"

typedef int (*p9_handler_fn)(struct p9srv *, struct p9_in *, struct p9_out *);

struct p9srv *
p9srv_new(const char *root_dir, bool writable, uint32_t msize_max)
{
	struct p9srv *srv;
	struct stat st;

	if ((srv = calloc(1, sizeof(*srv))) == NULL)
		return NULL;
	if (msize_max < P9SRV_MSIZE_MIN)
		msize_max = P9SRV_MSIZE_MIN;
	if (msize_max > P9SRV_MSIZE_MAX)
		msize_max = P9SRV_MSIZE_MAX;
	srv->msize_max = srv->msize = msize_max;
	srv->writable = writable;
	srv->rootfd = open(root_dir, O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (srv->rootfd < 0 || fstat(srv->rootfd, &st) < 0 ||
	    (srv->scratch = malloc(msize_max)) == NULL) {
		int err = errno;

		if (srv->rootfd >= 0)
			close(srv->rootfd);
		free(srv);
		errno = err;
		return NULL;
	}
	srv->rootdev = st.st_dev;
	srv->rootino = st.st_ino;
	return srv;
}

void
p9srv_free(struct p9srv *srv)
{
	if (srv == NULL)
		return;
	p9fid_clunk_all(srv);
	close(srv->rootfd);
	free(srv->scratch);
	free(srv);
}

/* Tversion msize[4] version[s]: also ends the session (every fid). */
static int
h_version(struct p9srv *srv, struct p9_in *in, struct p9_out *out)
{
	uint32_t msize = p9_get32(in);
	struct p9_str v = p9_getstr(in);
	bool dotl = v.len >= 8 && memcmp(v.s, P9_VERSION, 8) == 0;

	if (in->bad)
		return -EPROTO;
	if (msize < P9SRV_MSIZE_MIN)
		return -EINVAL;
	p9fid_clunk_all(srv);
	srv->msize = msize < srv->msize_max ? msize : srv->msize_max;
	p9_put32(out, srv->msize);
	if (dotl)
		p9_putstr(out, P9_VERSION, strlen(P9_VERSION));
	else
		p9_putstr(out, "unknown", 7);
	return 0;
}

/* Tattach fid[4] afid[4] uname[s] aname[s] n_uname[4]: the root. */
static int
h_attach(struct p9srv *srv, struct p9_in *in, struct p9_out *out)
{
	uint32_t num = p9_get32(in);
	struct p9fid *fid;
	int err, fd;

	(void)p9_get32(in);
	(void)p9_getstr(in);
	(void)p9_getstr(in);
	(void)p9_get32(in);
	if (in->bad)
		return -EPROTO;
	if ((err = p9fid_new(srv, num, &fid)) < 0)
		return err;
	if ((fd = fcntl(srv->rootfd, F_DUPFD_CLOEXEC, 0)) < 0)
		err = -errno;
	else if ((err = p9fid_set(fid, fd, -1, NULL)) == 0 &&
	    (err = p9fid_putqid(srv, fid, out)) == 0)
		return 0;
	p9fid_clunk(srv, fid);
	return err;
}

/* Copies what fid points at into a fresh walk state w (not in the table). */
static int
walk_start(const struct p9fid *fid, struct p9fid *w)
{
	int fd, pfd = -1;

	memset(w, 0, sizeof(*w));
	w->fd = w->pfd = w->iofd = -1;
	if ((fd = fcntl(fid->fd, F_DUPFD_CLOEXEC, 0)) < 0)
		return -errno;
	if (fid->pfd >= 0 && (pfd = fcntl(fid->pfd, F_DUPFD_CLOEXEC, 0)) < 0) {
		close(fd);
		return -errno;
	}
	return p9fid_set(w, fd, pfd, fid->name);
}

static void
walk_end(struct p9fid *w)
{
	int fd = w->fd, pfd = w->pfd;

	w->fd = w->pfd = -1;
	free(w->name);
	if (pfd >= 0)
		close(pfd);
	if (fd >= 0)
		close(fd);
}

/*
 * Twalk fid[4] newfid[4] nwname[2] nwname*(wname[s]).  Every name is
 * checked before the first lookup.  newfid is made only if every name
 * was walked; a walk that stops after the first name answers with the
 * qids so far (9P's partial walk), one that stops at the first fails.
 */
static int
h_walk(struct p9srv *srv, struct p9_in *in, struct p9_out *out)
{
	char names[P9_MAXWELEM][P9SRV_NAME_MAX + 1];
	uint32_t num = p9_get32(in), newnum = p9_get32(in);
	uint16_t n = p9_get16(in), i;
	struct p9fid *fid, *nf, w;
	struct p9_qid qids[P9_MAXWELEM];
	struct stat st;
	int err = 0;

	if (n > P9_MAXWELEM)
		return -EINVAL;
	for (i = 0; i < n && !in->bad; i++)
		if ((err = p9_name(p9_getstr(in), names[i])) < 0 && !in->bad)
			return err;
	if (in->bad)
		return -EPROTO;
	if ((fid = p9fid_get(srv, num)) == NULL)
		return -EBADF;
	if (newnum != num && p9fid_get(srv, newnum) != NULL)
		return -EEXIST;
	if (n == 0 && newnum == num) {		/* a no-op */
		p9_put16(out, 0);
		return 0;
	}
	if ((err = walk_start(fid, &w)) < 0)
		return err;
	for (i = 0; i < n; i++) {
		if ((err = p9_walk1(srv, &w, names[i])) < 0 ||
		    (err = p9fid_stat(&w, &st)) < 0)
			break;
		qids[i] = p9_qid(srv, &st);
	}
	if (i == n) {
		nf = fid;
		if (newnum != num && (err = p9fid_new(srv, newnum, &nf)) < 0)
			goto out;
		if ((err = p9fid_set(nf, w.fd, w.pfd, w.name)) < 0) {
			w.fd = w.pfd = -1;
			if (nf != fid)
				p9fid_clunk(srv, nf);
			goto out;
		}
		w.fd = w.pfd = -1;
	} else if (i == 0) {
		goto out;
	}
	err = 0;
	p9_put16(out, i);
	for (uint16_t j = 0; j < i; j++)
		p9_putqid(out, &qids[j]);
out:
	walk_end(&w);
	return err;
}

/* Tclunk fid[4] */
static int
h_clunk(struct p9srv *srv, struct p9_in *in, struct p9_out *out)
{
	uint32_t num = p9_get32(in);
	struct p9fid *fid;

	if (in->bad)
		return -EPROTO;
	if ((fid = p9fid_get(srv, num)) == NULL)
		return -EBADF;
	p9fid_clunk(srv, fid);
	return 0;
}

/* Tflush oldtag[2]: every request is answered before the next arrives. */
static int
h_flush(struct p9srv *srv, struct p9_in *in, struct p9_out *out)
{
	(void)p9_get16(in);
	return in->bad ? -EPROTO : 0;
}

/* Extended attributes are not exported. */
static int
h_notsupp(struct p9srv *srv, struct p9_in *in, struct p9_out *out)
{
	return -EOPNOTSUPP;
}

static const p9_handler_fn handlers[256] = {
	[P9_TVERSION] = h_version,	[P9_TATTACH] = h_attach,
	[P9_TWALK] = h_walk,		[P9_TCLUNK] = h_clunk,
	[P9_TFLUSH] = h_flush,		[P9_TLOPEN] = p9_lopen,
	[P9_TREAD] = p9_read,		[P9_TWRITE] = p9_write,
	[P9_TREADDIR] = p9_readdir,	[P9_TGETATTR] = p9_getattr,
	[P9_TSTATFS] = p9_statfs,	[P9_TREADLINK] = p9_readlink,
	[P9_TFSYNC] = p9_fsync,		[P9_TLOCK] = p9_lock,
	[P9_TGETLOCK] = p9_getlock,	[P9_TXATTRWALK] = h_notsupp,
	[P9_TXATTRCREATE] = h_notsupp,	[P9_TLCREATE] = p9_lcreate,
	[P9_TSYMLINK] = p9_symlink,	[P9_TMKNOD] = p9_mknod,
	[P9_TMKDIR] = p9_mkdir,		[P9_TLINK] = p9_link,
	[P9_TRENAMEAT] = p9_renameat,	[P9_TUNLINKAT] = p9_unlinkat,
	[P9_TREMOVE] = p9_remove,	[P9_TSETATTR] = p9_setattr,
};

/* Refused with EROFS by a read-only server before they are decoded. */
static const bool modifies[256] = {
	[P9_TWRITE] = true,	[P9_TLCREATE] = true,	[P9_TSYMLINK] = true,
	[P9_TMKNOD] = true,	[P9_TMKDIR] = true,	[P9_TLINK] = true,
	[P9_TRENAMEAT] = true,	[P9_TUNLINKAT] = true,	[P9_TSETATTR] = true,
	[P9_TXATTRCREATE] = true,
};

static int
dispatch(struct p9srv *srv, uint8_t type, struct p9_in *in,
    struct p9_out *out)
{
	if (handlers[type] == NULL || (type & 1))
		return -EOPNOTSUPP;
	if (modifies[type] && !srv->writable)
		return -EROFS;
	if (out->cap < P9SRV_REPLY_MIN)
		return -ENOBUFS;
	return handlers[type](srv, in, out);
}

size_t
p9srv_handle(struct p9srv *srv, const uint8_t *req, size_t req_len,
    uint8_t *reply, size_t reply_cap)
{
	struct p9_in in;
	struct p9_out out;
	uint32_t size;
	uint8_t type;
	uint16_t tag;
	int err;

	if (reply_cap < P9_HDRSZ + 4)
		return 0;
	if (reply_cap > srv->msize)
		reply_cap = srv->msize;
	p9_in_init(&in, req, req_len);
	size = p9_get32(&in);
	type = p9_get8(&in);
	tag = p9_get16(&in);
	if (in.bad)
		tag = P9_NOTAG;
	p9_out_init(&out, reply, reply_cap);
	(void)p9_reserve(&out, P9_HDRSZ);
	if (in.bad || size != req_len)
		err = -EPROTO;
	else if (size > srv->msize && type != P9_TVERSION)
		err = -EMSGSIZE;
	else
		err = dispatch(srv, type, &in, &out);
	if (err == 0 && out.over)
		err = -ENOBUFS;			/* not reached: bounded above */
	if (err < 0) {
		p9_out_init(&out, reply, reply_cap);
		(void)p9_reserve(&out, P9_HDRSZ);
		p9_put32(&out, (uint32_t)-err);
		type = P9_TLERROR;
	}
	size = (uint32_t)out.off;
	out.off = 0;
	p9_put32(&out, size);
	p9_put8(&out, type + 1);
	p9_put16(&out, tag);
	return size;
}
