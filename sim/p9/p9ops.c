/*
 * p9ops.c: the 9P2000.L messages that change the tree: Tlcreate, Tsymlink,
 * Tmknod, Tmkdir, Tlink, Trenameat, Tunlinkat, Tremove, Tsetattr.  p9srv.c
 * answers EROFS for all but Tremove before they get here on a read-only
 * server.  Every call names one checked component in a fid's directory fd,
 * or acts on a fid's own O_PATH fd (see p9srv.h).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "p9srv_impl.h"

#ifndef SYS_fchmodat2
#define SYS_fchmodat2	452		/* Linux 6.6 */
#endif

/*
 * The permission bits a guest may give a host file: no set-user-ID bit,
 * and set-group-ID only on directories (where it means "inherit the
 * group"), so a guest cannot plant a set-ID program in a host directory.
 */
static mode_t
host_perm(uint32_t mode, bool dir)
{
	return mode & (dir ? 03777 : 01777);
}

/* A name to create or remove: p9_name(), and not "." or "..". */
static int
entry_name(struct p9_str s, char name[P9SRV_NAME_MAX + 1])
{
	int err = p9_name(s, name);

	if (err == 0 && (strcmp(name, ".") == 0 || strcmp(name, "..") == 0))
		err = -EINVAL;
	return err;
}

/* The directory fd of fid num. */
static int
dir_of(struct p9srv *srv, uint32_t num)
{
	struct p9fid *fid = p9fid_get(srv, num);

	return fid == NULL ? -EBADF : p9fid_dirfd(fid);
}

static int
put_qid_at(struct p9srv *srv, int dirfd, const char *name,
    struct p9_out *out)
{
	struct stat st;

	if (fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) < 0)
		return -errno;
	struct p9_qid q = p9_qid(srv, &st);
	p9_putqid(out, &q);
	return 0;
}

/*
 * The qid of what mknodat or mkdirat just made as name in dirfd, after
 * giving it exactly perm: the client applied its umask already, so the
 * host process's umask must not apply again (best effort before Linux
 * 6.6, which has no fchmodat2).
 */
static int
put_made(struct p9srv *srv, int dirfd, const char *name, mode_t perm,
    struct p9_out *out)
{
	struct stat st;
	int fd;

	if ((fd = p9_lookup(dirfd, name)) < 0)
		return fd;
	(void)syscall(SYS_fchmodat2, fd, "", perm, AT_EMPTY_PATH);
	if (fstat(fd, &st) < 0) {
		int err = -errno;

		close(fd);
		return err;
	}
	close(fd);
	struct p9_qid q = p9_qid(srv, &st);
	p9_putqid(out, &q);
	return 0;
}

/*
 * Tlcreate fid[4] name[s] flags[4] mode[4] gid[4] -> qid[13] iounit[4]:
 * fid, a directory, becomes the new file, open.
 */
int
p9_lcreate(struct p9srv *srv, struct p9_in *in, struct p9_out *out)
{
	uint32_t num = p9_get32(in);
	struct p9_str s = p9_getstr(in);
	uint32_t flags = p9_get32(in), mode = p9_get32(in);
	uint32_t acc = flags & P9_DOTL_ACCMODE;
	char name[P9SRV_NAME_MAX + 1];
	struct p9fid *fid;
	struct stat a, b;
	int fd, pfd = -1, iofd, err, oflags;

	(void)p9_get32(in);
	if (in->bad)
		return -EPROTO;
	if ((err = entry_name(s, name)) < 0)
		return err;
	if ((fid = p9fid_get(srv, num)) == NULL)
		return -EBADF;
	if (fid->iofd >= 0 || acc == P9_DOTL_ACCMODE)
		return -EINVAL;
	if (!S_ISDIR(fid->type))
		return -ENOTDIR;
	oflags = acc == 1 ? O_WRONLY : acc == 2 ? O_RDWR : O_RDONLY;
	if (flags & P9_DOTL_APPEND)
		oflags |= O_APPEND;
	if ((iofd = p9_create(fid->fd, name, oflags,
	    host_perm(mode, false))) < 0)
		return iofd;
	/* Its O_PATH fd by name, which must still be the file just made. */
	if ((fd = p9_lookup(fid->fd, name)) < 0) {
		err = fd;
		goto fail;
	}
	if (fstat(fd, &a) < 0 || fstat(iofd, &b) < 0 ||
	    a.st_dev != b.st_dev || a.st_ino != b.st_ino) {
		close(fd);
		err = -ESTALE;
		goto fail;
	}
	if ((pfd = fcntl(fid->fd, F_DUPFD_CLOEXEC, 0)) < 0) {
		close(fd);
		err = -errno;
		goto fail;
	}
	if ((err = p9fid_set(fid, fd, pfd, name)) < 0)
		goto fail;
	(void)fchmod(iofd, host_perm(mode, false));	/* not the umask */
	fid->iofd = iofd;
	fid->ioacc = oflags & O_ACCMODE;
	struct p9_qid q = p9_qid(srv, &b);
	p9_putqid(out, &q);
	p9_put32(out, 0);
	return 0;
fail:
	close(iofd);
	return err;
}

/* Tsymlink fid[4] name[s] symtgt[s] gid[4] -> qid[13] */
int
p9_symlink(struct p9srv *srv, struct p9_in *in, struct p9_out *out)
{
	uint32_t num = p9_get32(in);
	struct p9_str s = p9_getstr(in), t = p9_getstr(in);
	char name[P9SRV_NAME_MAX + 1], target[PATH_MAX];
	int dfd, err;

	(void)p9_get32(in);
	if (in->bad)
		return -EPROTO;
	if ((err = entry_name(s, name)) < 0)
		return err;
	if (t.len == 0 || memchr(t.s, '\0', t.len) != NULL)
		return -EINVAL;
	if (t.len >= PATH_MAX)
		return -ENAMETOOLONG;
	memcpy(target, t.s, t.len);
	target[t.len] = '\0';
	if ((dfd = dir_of(srv, num)) < 0)
		return dfd;
	if (symlinkat(target, dfd, name) < 0)	/* the text, not followed */
		return -errno;
	return put_qid_at(srv, dfd, name, out);
}

/*
 * Tmknod dfid[4] name[s] mode[4] major[4] minor[4] gid[4] -> qid[13]:
 * FIFOs, sockets and regular files; a device node would be a door to the
 * host's hardware, so those get EPERM.
 */
int
p9_mknod(struct p9srv *srv, struct p9_in *in, struct p9_out *out)
{
	uint32_t num = p9_get32(in);
	struct p9_str s = p9_getstr(in);
	uint32_t mode = p9_get32(in), type = mode & S_IFMT;
	char name[P9SRV_NAME_MAX + 1];
	int dfd, err;

	(void)p9_getbytes(in, 12);		/* major, minor, gid */
	if (in->bad)
		return -EPROTO;
	if ((err = entry_name(s, name)) < 0)
		return err;
	if (type == S_IFCHR || type == S_IFBLK)
		return -EPERM;
	if (type != S_IFIFO && type != S_IFSOCK && type != S_IFREG &&
	    type != 0)
		return -EINVAL;
	if ((dfd = dir_of(srv, num)) < 0)
		return dfd;
	if (mknodat(dfd, name, type | host_perm(mode, false), 0) < 0)
		return -errno;
	return put_made(srv, dfd, name, host_perm(mode, false), out);
}

/* Tmkdir dfid[4] name[s] mode[4] gid[4] -> qid[13] */
int
p9_mkdir(struct p9srv *srv, struct p9_in *in, struct p9_out *out)
{
	uint32_t num = p9_get32(in);
	struct p9_str s = p9_getstr(in);
	uint32_t mode = p9_get32(in);
	char name[P9SRV_NAME_MAX + 1];
	int dfd, err;

	(void)p9_get32(in);
	if (in->bad)
		return -EPROTO;
	if ((err = entry_name(s, name)) < 0)
		return err;
	if ((dfd = dir_of(srv, num)) < 0)
		return dfd;
	if (mkdirat(dfd, name, host_perm(mode, true)) < 0)
		return -errno;
	return put_made(srv, dfd, name, host_perm(mode, true), out);
}

/* Whether fid's name in its directory is still fid's object. */
static int
fid_check_name(const struct p9fid *fid)
{
	struct stat st;

	if (fid->pfd < 0 || fid->name == NULL)
		return -EBUSY;		/* the root, or reached by ".." */
	if (fstatat(fid->pfd, fid->name, &st, AT_SYMLINK_NOFOLLOW) < 0)
		return -errno;
	if (st.st_dev != fid->dev || st.st_ino != fid->ino)
		return -ESTALE;
	return 0;
}

/* Tlink dfid[4] fid[4] name[s]: a hard link to fid (not a directory). */
int
p9_link(struct p9srv *srv, struct p9_in *in, struct p9_out *out)
{
	uint32_t dnum = p9_get32(in), num = p9_get32(in);
	struct p9_str s = p9_getstr(in);
	char name[P9SRV_NAME_MAX + 1];
	struct p9fid *fid;
	int dfd, err;

	if (in->bad)
		return -EPROTO;
	if ((err = entry_name(s, name)) < 0)
		return err;
	if ((dfd = dir_of(srv, dnum)) < 0)
		return dfd;
	if ((fid = p9fid_get(srv, num)) == NULL)
		return -EBADF;
	if (S_ISDIR(fid->type))
		return -EPERM;
	if ((err = fid_check_name(fid)) < 0)
		return err;
	if (linkat(fid->pfd, fid->name, dfd, name, 0) < 0)
		return -errno;
	return 0;
}

/*
 * After a rename, fids found by the old name in the old directory are
 * found by the new one, so they can still be opened and removed.
 */
static void
rename_fids(struct p9srv *srv, int odfd, const char *oname, int ndfd,
    const char *nname)
{
	struct stat od, pd;
	struct p9fid *f;
	char *copy;
	int pfd;

	if (fstat(odfd, &od) < 0)
		return;
	for (size_t i = 0; i < P9SRV_NBUCKETS; i++)
		for (f = srv->fids[i]; f != NULL; f = f->next) {
			if (f->name == NULL || strcmp(f->name, oname) != 0 ||
			    fstat(f->pfd, &pd) < 0 || pd.st_dev != od.st_dev ||
			    pd.st_ino != od.st_ino)
				continue;
			if ((copy = strdup(nname)) == NULL)
				continue;
			if ((pfd = fcntl(ndfd, F_DUPFD_CLOEXEC, 0)) < 0) {
				free(copy);
				continue;
			}
			close(f->pfd);
			free(f->name);
			f->pfd = pfd;
			f->name = copy;
		}
}

/* Trenameat olddirfid[4] oldname[s] newdirfid[4] newname[s] */
int
p9_renameat(struct p9srv *srv, struct p9_in *in, struct p9_out *out)
{
	uint32_t onum = p9_get32(in);
	struct p9_str os = p9_getstr(in);
	uint32_t nnum = p9_get32(in);
	struct p9_str ns = p9_getstr(in);
	char oname[P9SRV_NAME_MAX + 1], nname[P9SRV_NAME_MAX + 1];
	int odfd, ndfd, err;

	if (in->bad)
		return -EPROTO;
	if ((err = entry_name(os, oname)) < 0 ||
	    (err = entry_name(ns, nname)) < 0)
		return err;
	if ((odfd = dir_of(srv, onum)) < 0)
		return odfd;
	if ((ndfd = dir_of(srv, nnum)) < 0)
		return ndfd;
	if (renameat(odfd, oname, ndfd, nname) < 0)
		return -errno;
	rename_fids(srv, odfd, oname, ndfd, nname);
	return 0;
}

/* Tunlinkat dirfid[4] name[s] flags[4] */
int
p9_unlinkat(struct p9srv *srv, struct p9_in *in, struct p9_out *out)
{
	uint32_t num = p9_get32(in);
	struct p9_str s = p9_getstr(in);
	uint32_t flags = p9_get32(in);
	char name[P9SRV_NAME_MAX + 1];
	int dfd, err;

	if (in->bad)
		return -EPROTO;
	if ((err = entry_name(s, name)) < 0)
		return err;
	if (flags & ~P9_AT_REMOVEDIR)
		return -EINVAL;
	if ((dfd = dir_of(srv, num)) < 0)
		return dfd;
	if (unlinkat(dfd, name, flags ? AT_REMOVEDIR : 0) < 0)
		return -errno;
	return 0;
}

/* Tremove fid[4]: removes fid's object, and clunks fid either way. */
int
p9_remove(struct p9srv *srv, struct p9_in *in, struct p9_out *out)
{
	uint32_t num = p9_get32(in);
	struct p9fid *fid;
	int err;

	if (in->bad)
		return -EPROTO;
	if ((fid = p9fid_get(srv, num)) == NULL)
		return -EBADF;
	if (!srv->writable)
		err = -EROFS;
	else if ((err = fid_check_name(fid)) == 0 &&
	    unlinkat(fid->pfd, fid->name,
	    S_ISDIR(fid->type) ? AT_REMOVEDIR : 0) < 0)
		err = -errno;
	p9fid_clunk(srv, fid);
	return err;
}

static int
set_mode(struct p9srv *srv, struct p9fid *fid, mode_t mode)
{
	int fd, err = 0;

	if (syscall(SYS_fchmodat2, fid->fd, "", mode, AT_EMPTY_PATH) == 0)
		return 0;
	if (errno != ENOSYS)
		return -errno;
	/* Before Linux 6.6: chmod through a reopened descriptor. */
	if ((fd = p9fid_reopen(srv, fid, O_RDONLY)) < 0)
		return fd;
	if (fchmod(fd, mode) < 0)
		err = -errno;
	close(fd);
	return err;
}

static int
set_size(struct p9srv *srv, struct p9fid *fid, uint64_t size)
{
	int fd, err = 0;

	if (S_ISDIR(fid->type))
		return -EISDIR;
	if (size > INT64_MAX)
		return -EINVAL;
	if (fid->iofd >= 0 && fid->ioacc != O_RDONLY)
		return ftruncate(fid->iofd, (off_t)size) < 0 ? -errno : 0;
	if ((fd = p9fid_reopen(srv, fid, O_WRONLY)) < 0)
		return fd;
	if (ftruncate(fd, (off_t)size) < 0)
		err = -errno;
	close(fd);
	return err;
}

static struct timespec
set_time(uint32_t valid, uint32_t bit, uint32_t setbit, uint64_t sec,
    uint64_t nsec)
{
	struct timespec ts = { 0, UTIME_OMIT };

	if (valid & setbit) {
		ts.tv_sec = (time_t)sec;
		ts.tv_nsec = (long)(nsec < 1000000000 ? nsec : 1000000000);
	} else if (valid & bit) {
		ts.tv_nsec = UTIME_NOW;
	}
	return ts;
}

/*
 * Tsetattr fid[4] valid[4] mode[4] uid[4] gid[4] size[8] atime_sec[8]
 * atime_nsec[8] mtime_sec[8] mtime_nsec[8]: in the order Linux's
 * notify_change() would (mode, owner, size, times); each acts on fid's
 * O_PATH fd or on a reopened, checked descriptor.
 */
int
p9_setattr(struct p9srv *srv, struct p9_in *in, struct p9_out *out)
{
	uint32_t num = p9_get32(in), valid = p9_get32(in);
	uint32_t mode = p9_get32(in), uid = p9_get32(in), gid = p9_get32(in);
	uint64_t size = p9_get64(in), as = p9_get64(in), an = p9_get64(in);
	uint64_t ms = p9_get64(in), mn = p9_get64(in);
	struct timespec ts[2];
	struct p9fid *fid;
	int err;

	if (in->bad)
		return -EPROTO;
	if ((fid = p9fid_get(srv, num)) == NULL)
		return -EBADF;
	if ((valid & P9_SETATTR_MODE) &&
	    (err = set_mode(srv, fid,
	    host_perm(mode, S_ISDIR(fid->type)))) < 0)
		return err;
	if ((valid & (P9_SETATTR_UID | P9_SETATTR_GID)) &&
	    fchownat(fid->fd, "",
	    valid & P9_SETATTR_UID ? uid : (uid_t)-1,
	    valid & P9_SETATTR_GID ? gid : (gid_t)-1,
	    AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW) < 0)
		return -errno;
	if ((valid & P9_SETATTR_SIZE) && (err = set_size(srv, fid, size)) < 0)
		return err;
	if (!(valid & (P9_SETATTR_ATIME | P9_SETATTR_MTIME |
	    P9_SETATTR_ATIME_SET | P9_SETATTR_MTIME_SET)))
		return 0;
	ts[0] = set_time(valid, P9_SETATTR_ATIME, P9_SETATTR_ATIME_SET, as, an);
	ts[1] = set_time(valid, P9_SETATTR_MTIME, P9_SETATTR_MTIME_SET, ms, mn);
	if (utimensat(fid->fd, "", ts, AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW) < 0)
		return -errno;
	return 0;
}
