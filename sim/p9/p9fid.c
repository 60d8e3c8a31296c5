/*
 * p9fid.c: the fid table and the contained resolution of names: walking
 * one component, reopening a fid for I/O, and qids.  The containment
 * argument is in p9srv.h; every host lookup of a name goes through
 * p9_lookup() or p9fid_reopen() here.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "p9srv_impl.h"

#define RESOLVE_CONTAINED \
	(RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS)

static struct p9fid **
bucket(struct p9srv *srv, uint32_t num)
{
	return &srv->fids[(num * 2654435761u) % P9SRV_NBUCKETS];
}

struct p9fid *
p9fid_get(struct p9srv *srv, uint32_t num)
{
	struct p9fid *f;

	for (f = *bucket(srv, num); f != NULL; f = f->next)
		if (f->num == num)
			return f;
	return NULL;
}

int
p9fid_new(struct p9srv *srv, uint32_t num, struct p9fid **out)
{
	struct p9fid **b = bucket(srv, num);
	struct p9fid *f;

	if (num == P9_NOFID || p9fid_get(srv, num) != NULL)
		return -EEXIST;
	if (srv->nfids >= P9SRV_MAX_FIDS)
		return -EMFILE;
	if ((f = calloc(1, sizeof(*f))) == NULL)
		return -ENOMEM;
	f->num = num;
	f->fd = f->pfd = f->iofd = -1;
	f->next = *b;
	*b = f;
	srv->nfids++;
	*out = f;
	return 0;
}

static void
fid_drop(struct p9fid *f)
{
	if (f->iofd >= 0)
		close(f->iofd);
	if (f->pfd >= 0)
		close(f->pfd);
	if (f->fd >= 0)
		close(f->fd);
	free(f->name);
}

void
p9fid_clunk(struct p9srv *srv, struct p9fid *fid)
{
	struct p9fid **pp = bucket(srv, fid->num);

	while (*pp != fid)
		pp = &(*pp)->next;
	*pp = fid->next;
	fid_drop(fid);
	free(fid);
	srv->nfids--;
}

void
p9fid_clunk_all(struct p9srv *srv)
{
	for (size_t i = 0; i < P9SRV_NBUCKETS; i++)
		while (srv->fids[i] != NULL)
			p9fid_clunk(srv, srv->fids[i]);
}

int
p9fid_set(struct p9fid *fid, int fd, int pfd, const char *name)
{
	struct stat st;
	char *copy = NULL;

	if (fstat(fd, &st) < 0 ||
	    (name != NULL && (copy = strdup(name)) == NULL)) {
		int err = errno;

		close(fd);
		if (pfd >= 0)
			close(pfd);
		return -err;
	}
	fid_drop(fid);
	fid->iofd = -1;
	fid->fd = fd;
	fid->pfd = pfd;
	fid->name = copy;
	fid->dev = st.st_dev;
	fid->ino = st.st_ino;
	fid->type = st.st_mode & S_IFMT;
	return 0;
}

/*
 * A name from a message: 1 to 255 bytes, no '/' and no NUL.  "." and ".."
 * pass here; the messages that must not take them check for them.
 */
int
p9_name(struct p9_str s, char name[P9SRV_NAME_MAX + 1])
{
	if (s.len == 0)
		return -EINVAL;
	if (s.len > P9SRV_NAME_MAX)
		return -ENAMETOOLONG;
	if (memchr(s.s, '/', s.len) != NULL || memchr(s.s, '\0', s.len))
		return -EINVAL;
	memcpy(name, s.s, s.len);
	name[s.len] = '\0';
	return 0;
}

bool p9_no_openat2;

/*
 * openat2(2) of one component name in dirfd, resolving with resolve.
 * Where the kernel (or Valgrind, which does not know openat2) answers
 * ENOSYS, openat(2) with O_NOFOLLOW does the same for the names the
 * server opens: one component, never "." or ".." but for the walk up,
 * which is never a symlink; so nothing is resolved but the name itself,
 * and the name is not followed.
 */
static long
open_one(int dirfd, const char *name, int flags, mode_t mode,
    uint64_t resolve)
{
	struct open_how how = {
		.flags = (uint64_t)(flags | O_NOFOLLOW | O_CLOEXEC),
		.mode = mode,
		.resolve = resolve,
	};
	long fd;

	if (!__atomic_load_n(&p9_no_openat2, __ATOMIC_RELAXED)) {
		fd = syscall(SYS_openat2, dirfd, name, &how, sizeof(how));
		if (fd >= 0 || errno != ENOSYS)
			return fd;
		__atomic_store_n(&p9_no_openat2, true, __ATOMIC_RELAXED);
	}
	return openat(dirfd, name, flags | O_NOFOLLOW | O_CLOEXEC, mode);
}

static int
openat2_contained(int dirfd, const char *name, int flags)
{
	long fd;
	int tries = 0;

	/* RESOLVE_BENEATH fails with EAGAIN if a rename raced the lookup. */
	do
		fd = open_one(dirfd, name, flags, 0, RESOLVE_CONTAINED);
	while (fd < 0 && errno == EAGAIN && ++tries < 8);
	return fd < 0 ? -errno : (int)fd;
}

/*
 * Creates the regular file name (p9_name(), not "." or "..") in dirfd and
 * opens it with open(2) flags; O_EXCL always, so nothing that was there
 * already (a symlink, a FIFO, a device node) is opened.
 */
int
p9_create(int dirfd, const char *name, int flags, mode_t mode)
{
	long fd = open_one(dirfd, name, flags | O_CREAT | O_EXCL | O_NOCTTY,
	    mode & 07777, RESOLVE_CONTAINED);

	return fd < 0 ? -errno : (int)fd;
}

/* One component name (p9_name()) in dirfd, as an O_PATH fd of itself. */
int
p9_lookup(int dirfd, const char *name)
{
	return openat2_contained(dirfd, name, O_PATH);
}

static bool
is_root(const struct p9srv *srv, const struct p9fid *fid)
{
	return fid->dev == srv->rootdev && fid->ino == srv->rootino;
}

/*
 * Moves fid one name down (or up, for ".."); on failure fid is unchanged.
 * "." and ".." at the root leave fid where it is.  ".." elsewhere is the
 * directory's real parent, opened with no symlink on the way; it has no
 * parent fd of its own (it can be walked from and opened, not removed).
 */
int
p9_walk1(struct p9srv *srv, struct p9fid *fid, const char *name)
{
	int fd, pfd;

	if (!S_ISDIR(fid->type))
		return -ENOTDIR;
	if (strcmp(name, ".") == 0 ||
	    (strcmp(name, "..") == 0 && is_root(srv, fid)))
		return 0;
	if (strcmp(name, "..") == 0) {
		fd = (int)open_one(fid->fd, "..", O_PATH | O_DIRECTORY, 0,
		    RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS);
		if (fd < 0)
			return -errno;
		return p9fid_set(fid, fd, -1, NULL);
	}
	if ((fd = p9_lookup(fid->fd, name)) < 0)
		return fd;
	if ((pfd = fcntl(fid->fd, F_DUPFD_CLOEXEC, 0)) < 0) {
		close(fd);
		return -errno;
	}
	return p9fid_set(fid, fd, pfd, name);
}

int
p9fid_stat(const struct p9fid *fid, struct stat *st)
{
	return fstat(fid->fd, st) < 0 ? -errno : 0;
}

int
p9fid_dirfd(const struct p9fid *fid)
{
	return S_ISDIR(fid->type) ? fid->fd : -ENOTDIR;
}

/*
 * Opens fid's object for I/O with open(2) flags.  A directory is reopened
 * as "." of its own fd; a regular file by its name in its directory, and
 * the result must still be the walked-to inode (else ESTALE): a symlink or
 * another file swapped in since the walk is never used.
 */
int
p9fid_reopen(struct p9srv *srv, struct p9fid *fid, int flags)
{
	struct stat st;
	int fd;

	flags |= O_NOCTTY | O_NOFOLLOW | O_CLOEXEC;
	if (S_ISDIR(fid->type)) {
		fd = openat(fid->fd, ".", flags | O_DIRECTORY);
		return fd < 0 ? -errno : fd;
	}
	if (S_ISLNK(fid->type))
		return -ELOOP;
	if (!S_ISREG(fid->type))
		return -EOPNOTSUPP;
	if (fid->pfd < 0 || fid->name == NULL)
		return -ESTALE;
	fd = openat2_contained(fid->pfd, fid->name, flags | O_NONBLOCK);
	if (fd < 0)
		return fd;
	if (fstat(fd, &st) < 0 || st.st_dev != fid->dev ||
	    st.st_ino != fid->ino || !S_ISREG(st.st_mode)) {
		close(fd);
		return -ESTALE;
	}
	return fd;
}

struct p9_qid
p9_qid(const struct p9srv *srv, const struct stat *st)
{
	struct p9_qid q;

	q.type = S_ISDIR(st->st_mode) ? P9_QTDIR :
	    S_ISLNK(st->st_mode) ? P9_QTSYMLINK : P9_QTFILE;
	q.version = (uint32_t)(st->st_mtim.tv_sec ^ st->st_mtim.tv_nsec);
	q.path = st->st_ino;
	if (st->st_dev != srv->rootdev)	/* another file system inside */
		q.path ^= ((uint64_t)st->st_dev * 0x9e3779b97f4a7c15ull) &
		    0xffff000000000000ull;
	return q;
}
