/*
 * p9srv.c: the 9P2000.L server's entry point (see p9srv.h): decoding the
 * header, dispatch, and the messages that do not change the tree (session,
 * walk, open, read, attributes).  The modifying ones are in p9ops.c, the
 * fids and name resolution in p9fid.c.  Each handler decodes and checks
 * every field before it acts, and returns 0 with the reply body written,
 * or -errno for an Rlerror.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
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

static int
fid_qid(struct p9srv *srv, const struct p9fid *fid, struct p9_out *out)
{
	struct stat st;
	int err;

	if ((err = p9fid_stat(fid, &st)) < 0)
		return err;
	struct p9_qid q = p9_qid(srv, &st);
	p9_putqid(out, &q);
	return 0;
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
	    (err = fid_qid(srv, fid, out)) == 0)
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

/* Tlopen fid[4] flags[4] -> qid[13] iounit[4] */
static int
h_lopen(struct p9srv *srv, struct p9_in *in, struct p9_out *out)
{
	uint32_t num = p9_get32(in), flags = p9_get32(in);
	uint32_t acc = flags & P9_DOTL_ACCMODE;
	struct p9fid *fid;
	int fd, err, oflags = 0;

	if (in->bad)
		return -EPROTO;
	if ((fid = p9fid_get(srv, num)) == NULL)
		return -EBADF;
	if (fid->iofd >= 0 || acc == P9_DOTL_ACCMODE)
		return -EINVAL;
	if (!srv->writable && (acc != 0 || (flags & P9_DOTL_TRUNC)))
		return -EROFS;
	oflags = acc == 1 ? O_WRONLY : acc == 2 ? O_RDWR : O_RDONLY;
	if (flags & P9_DOTL_TRUNC)
		oflags |= O_TRUNC;
	if (flags & P9_DOTL_APPEND)
		oflags |= O_APPEND;
	if ((fd = p9fid_reopen(srv, fid, oflags)) < 0)
		return fd;
	fid->iofd = fd;
	fid->ioacc = oflags & O_ACCMODE;
	if ((err = fid_qid(srv, fid, out)) < 0)
		return err;
	p9_put32(out, 0);			/* iounit: use msize */
	return 0;
}

static int
io_fid(struct p9srv *srv, uint32_t num, struct p9fid **out)
{
	struct p9fid *fid = p9fid_get(srv, num);

	if (fid == NULL || fid->iofd < 0)
		return -EBADF;
	*out = fid;
	return 0;
}

/* Tread fid[4] offset[8] count[4] -> count[4] data[count], clamped. */
static int
h_read(struct p9srv *srv, struct p9_in *in, struct p9_out *out)
{
	uint32_t num = p9_get32(in);
	uint64_t off = p9_get64(in);
	uint32_t count = p9_get32(in);
	struct p9fid *fid;
	size_t room = out->cap - out->off - 4;	/* cap >= REPLY_MIN */
	uint8_t *data;
	ssize_t n;
	int err;

	if (in->bad)
		return -EPROTO;
	if ((err = io_fid(srv, num, &fid)) < 0)
		return err;
	if (off > INT64_MAX)
		return -EINVAL;
	if (count > room)
		count = (uint32_t)room;
	data = out->p + out->off + 4;
	if ((n = pread(fid->iofd, data, count, (off_t)off)) < 0)
		return -errno;
	p9_put32(out, (uint32_t)n);
	(void)p9_reserve(out, (size_t)n);	/* fits: n <= count <= room */
	return 0;
}

/* Twrite fid[4] offset[8] count[4] data[count] -> count[4] */
static int
h_write(struct p9srv *srv, struct p9_in *in, struct p9_out *out)
{
	uint32_t num = p9_get32(in);
	uint64_t off = p9_get64(in);
	uint32_t count = p9_get32(in);
	const uint8_t *data = p9_getbytes(in, count);
	struct p9fid *fid;
	ssize_t n;
	int err;

	if (in->bad)
		return -EPROTO;
	if ((err = io_fid(srv, num, &fid)) < 0)
		return err;
	if (off > INT64_MAX)
		return -EINVAL;
	if ((n = pwrite(fid->iofd, data, count, (off_t)off)) < 0)
		return -errno;
	p9_put32(out, (uint32_t)n);
	return 0;
}

struct linux_dirent64 {
	uint64_t	d_ino;
	int64_t		d_off;
	uint16_t	d_reclen;
	uint8_t		d_type;
	char		d_name[];
};

static uint8_t
dtype_qid(uint8_t d_type)
{
	return d_type == DT_DIR ? P9_QTDIR :
	    d_type == DT_LNK ? P9_QTSYMLINK : P9_QTFILE;
}

/*
 * Treaddir fid[4] offset[8] count[4] -> count[4] data[count], entries of
 * qid[13] offset[8] type[1] name[s].  An entry's offset is the host's
 * directory cookie (d_off), so the next call, which starts at the last
 * offset the client saw, seeks there: offsets stay valid across calls.
 */
static int
h_readdir(struct p9srv *srv, struct p9_in *in, struct p9_out *out)
{
	uint32_t num = p9_get32(in);
	uint64_t off = p9_get64(in);
	uint32_t count = p9_get32(in);
	size_t room = out->cap - out->off - 4, at, pos, len;
	struct linux_dirent64 *d;
	struct p9fid *fid;
	long n;
	int err;

	if (in->bad)
		return -EPROTO;
	if ((err = io_fid(srv, num, &fid)) < 0)
		return err;
	if (!S_ISDIR(fid->type))
		return -ENOTDIR;
	if (count > room)
		count = (uint32_t)room;
	if (count > srv->msize_max)
		count = srv->msize_max;
	if (lseek(fid->iofd, (off_t)off, SEEK_SET) < 0)
		return -errno;
	if ((n = syscall(SYS_getdents64, fid->iofd, srv->scratch, count)) < 0)
		return -errno;
	at = out->off;
	p9_put32(out, 0);
	for (pos = 0; pos < (size_t)n; pos += d->d_reclen) {
		d = (struct linux_dirent64 *)(srv->scratch + pos);
		len = strnlen(d->d_name, P9SRV_NAME_MAX + 1);
		if (out->off - at - 4 + 24 + len > count)
			break;
		struct p9_qid q = { dtype_qid(d->d_type), 0, d->d_ino };
		p9_putqid(out, &q);
		p9_put64(out, (uint64_t)d->d_off);
		p9_put8(out, d->d_type);
		p9_putstr(out, d->d_name, len);
	}
	if (pos == 0 && n > 0)
		return -EINVAL;			/* count too small for one */
	len = out->off - at - 4;
	out->off = at;
	p9_put32(out, (uint32_t)len);
	out->off += len;
	return 0;
}

/* Tgetattr fid[4] request_mask[8]: the basic fields, always. */
static int
h_getattr(struct p9srv *srv, struct p9_in *in, struct p9_out *out)
{
	uint32_t num = p9_get32(in);
	struct p9fid *fid;
	struct stat st;
	int err;

	(void)p9_get64(in);
	if (in->bad)
		return -EPROTO;
	if ((fid = p9fid_get(srv, num)) == NULL)
		return -EBADF;
	if ((err = p9fid_stat(fid, &st)) < 0)
		return err;
	struct p9_qid q = p9_qid(srv, &st);
	p9_put64(out, P9_GETATTR_BASIC);
	p9_putqid(out, &q);
	p9_put32(out, st.st_mode);
	p9_put32(out, st.st_uid);
	p9_put32(out, st.st_gid);
	p9_put64(out, st.st_nlink);
	p9_put64(out, st.st_rdev);
	p9_put64(out, (uint64_t)st.st_size);
	p9_put64(out, (uint64_t)st.st_blksize);
	p9_put64(out, (uint64_t)st.st_blocks);
	p9_put64(out, (uint64_t)st.st_atim.tv_sec);
	p9_put64(out, (uint64_t)st.st_atim.tv_nsec);
	p9_put64(out, (uint64_t)st.st_mtim.tv_sec);
	p9_put64(out, (uint64_t)st.st_mtim.tv_nsec);
	p9_put64(out, (uint64_t)st.st_ctim.tv_sec);
	p9_put64(out, (uint64_t)st.st_ctim.tv_nsec);
	for (int i = 0; i < 4; i++)		/* btime, gen, data_version */
		p9_put64(out, 0);
	return 0;
}

/* Tstatfs fid[4] */
static int
h_statfs(struct p9srv *srv, struct p9_in *in, struct p9_out *out)
{
	uint32_t num = p9_get32(in);
	struct p9fid *fid;
	struct statfs s;

	if (in->bad)
		return -EPROTO;
	if ((fid = p9fid_get(srv, num)) == NULL)
		return -EBADF;
	if (fstatfs(fid->fd, &s) < 0)
		return -errno;
	p9_put32(out, (uint32_t)s.f_type);
	p9_put32(out, (uint32_t)s.f_bsize);
	p9_put64(out, s.f_blocks);
	p9_put64(out, s.f_bfree);
	p9_put64(out, s.f_bavail);
	p9_put64(out, s.f_files);
	p9_put64(out, s.f_ffree);
	p9_put64(out, (uint32_t)s.f_fsid.__val[0] |
	    (uint64_t)(uint32_t)s.f_fsid.__val[1] << 32);
	p9_put32(out, (uint32_t)s.f_namelen);
	return 0;
}

/* Treadlink fid[4] -> target[s]: the link's text, never followed. */
static int
h_readlink(struct p9srv *srv, struct p9_in *in, struct p9_out *out)
{
	uint32_t num = p9_get32(in);
	char *buf = (char *)srv->scratch;	/* >= MSIZE_MIN >= PATH_MAX */
	struct p9fid *fid;
	ssize_t n;

	if (in->bad)
		return -EPROTO;
	if ((fid = p9fid_get(srv, num)) == NULL)
		return -EBADF;
	if (!S_ISLNK(fid->type))
		return -EINVAL;
	if ((n = readlinkat(fid->fd, "", buf, PATH_MAX)) < 0)
		return -errno;
	if (n >= PATH_MAX)
		return -ENAMETOOLONG;
	if ((size_t)n + 2 > out->cap - out->off)
		return -ENOBUFS;
	p9_putstr(out, buf, (size_t)n);
	return 0;
}

/* Tfsync fid[4] datasync[4] (older clients send no datasync) */
static int
h_fsync(struct p9srv *srv, struct p9_in *in, struct p9_out *out)
{
	uint32_t num = p9_get32(in), datasync;
	struct p9fid *fid;
	int err;

	if (in->bad)
		return -EPROTO;
	datasync = in->off < in->len ? p9_get32(in) : 0;
	if (in->bad)
		return -EPROTO;
	if ((err = io_fid(srv, num, &fid)) < 0)
		return err;
	if ((datasync ? fdatasync(fid->iofd) : fsync(fid->iofd)) < 0)
		return -errno;
	return 0;
}

/*
 * Tlock fid[4] type[1] flags[4] start[8] length[8] proc_id[4]
 * client_id[s]: granted, as QEMU does.  Locks between guest processes are
 * the guest kernel's business; the host's file is not locked.
 */
static int
h_lock(struct p9srv *srv, struct p9_in *in, struct p9_out *out)
{
	uint32_t num = p9_get32(in);

	(void)p9_getbytes(in, 1 + 4 + 8 + 8 + 4);
	(void)p9_getstr(in);
	if (in->bad)
		return -EPROTO;
	if (p9fid_get(srv, num) == NULL)
		return -EBADF;
	p9_put8(out, P9_LOCK_SUCCESS);
	return 0;
}

/* Tgetlock fid[4] type[1] start[8] length[8] proc_id[4] client_id[s] */
static int
h_getlock(struct p9srv *srv, struct p9_in *in, struct p9_out *out)
{
	uint32_t num = p9_get32(in);
	uint64_t start, length;
	uint32_t proc_id;
	struct p9_str client;

	(void)p9_get8(in);
	start = p9_get64(in);
	length = p9_get64(in);
	proc_id = p9_get32(in);
	client = p9_getstr(in);
	if (in->bad)
		return -EPROTO;
	if (p9fid_get(srv, num) == NULL)
		return -EBADF;
	if (1 + 8 + 8 + 4 + 2 + (size_t)client.len > out->cap - out->off)
		return -ENOBUFS;
	p9_put8(out, P9_LOCK_TYPE_UNLCK);	/* nothing would conflict */
	p9_put64(out, start);
	p9_put64(out, length);
	p9_put32(out, proc_id);
	p9_putstr(out, client.s, client.len);
	return 0;
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
	[P9_TFLUSH] = h_flush,		[P9_TLOPEN] = h_lopen,
	[P9_TREAD] = h_read,		[P9_TWRITE] = h_write,
	[P9_TREADDIR] = h_readdir,	[P9_TGETATTR] = h_getattr,
	[P9_TSTATFS] = h_statfs,	[P9_TREADLINK] = h_readlink,
	[P9_TFSYNC] = h_fsync,		[P9_TLOCK] = h_lock,
	[P9_TGETLOCK] = h_getlock,	[P9_TXATTRWALK] = h_notsupp,
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
	tag = in.bad ? P9_NOTAG : p9_get16(&in);
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
