/*
 * p9io.c: the 9P2000.L messages that read or write files without changing
 * the tree's names: Tlopen, Tread, Twrite, Treaddir, Tgetattr, Tstatfs,
 * Treadlink, Tfsync, Tlock and Tgetlock.  Each decodes and checks every
 * field before it acts (p9srv.c dispatches; p9srv.h has the contract).
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <string.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "p9srv_impl.h"

int
p9fid_putqid(struct p9srv *srv, const struct p9fid *fid, struct p9_out *out)
{
	struct stat st;
	int err;

	if ((err = p9fid_stat(fid, &st)) < 0)
		return err;
	struct p9_qid q = p9_qid(srv, &st);
	p9_putqid(out, &q);
	return 0;
}

/* Tlopen fid[4] flags[4] -> qid[13] iounit[4] */
int
p9_lopen(struct p9srv *srv, struct p9_in *in, struct p9_out *out)
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
	if ((err = p9fid_putqid(srv, fid, out)) < 0)
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
int
p9_read(struct p9srv *srv, struct p9_in *in, struct p9_out *out)
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
int
p9_write(struct p9srv *srv, struct p9_in *in, struct p9_out *out)
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
int
p9_readdir(struct p9srv *srv, struct p9_in *in, struct p9_out *out)
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
int
p9_getattr(struct p9srv *srv, struct p9_in *in, struct p9_out *out)
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
int
p9_statfs(struct p9srv *srv, struct p9_in *in, struct p9_out *out)
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
int
p9_readlink(struct p9srv *srv, struct p9_in *in, struct p9_out *out)
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
int
p9_fsync(struct p9srv *srv, struct p9_in *in, struct p9_out *out)
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
int
p9_lock(struct p9srv *srv, struct p9_in *in, struct p9_out *out)
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
int
p9_getlock(struct p9srv *srv, struct p9_in *in, struct p9_out *out)
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
