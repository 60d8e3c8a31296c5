/*
 * p9srv_impl.h: the server's state and the fid table, shared by p9srv.c
 * (dispatch, session), p9io.c (reading and writing files), p9ops.c
 * (changing the tree) and p9fid.c (fids and the contained resolution of
 * names; see the argument in p9srv.h).
 * Locks: none (one caller at a time per server).
 */
#ifndef P9SRV_IMPL_H
#define P9SRV_IMPL_H

#include <sys/stat.h>

#include "p9.h"
#include "p9srv.h"
#include "p9wire.h"

#define P9SRV_NAME_MAX		255
#define P9SRV_NBUCKETS		1024

struct p9fid {
	struct p9fid	*next;		/* hash chain */
	uint32_t	 num;
	int		 fd;		/* O_PATH fd of the object */
	int		 pfd;		/* O_PATH fd of its directory, or -1 */
	char		*name;		/* its name there, or NULL */
	int		 iofd;		/* open for I/O (Tlopen), or -1 */
	int		 ioacc;		/* O_RDONLY, O_WRONLY or O_RDWR */
	dev_t		 dev;		/* what fd was when walked to */
	ino_t		 ino;
	mode_t		 type;		/* S_IFMT bits */
};

struct p9srv {
	int		 rootfd;	/* O_PATH, O_DIRECTORY */
	dev_t		 rootdev;
	ino_t		 rootino;
	bool		 writable;
	uint32_t	 msize_max;
	uint32_t	 msize;		/* negotiated, or msize_max */
	uint8_t		*scratch;	/* msize_max bytes, for getdents64 */
	unsigned int	 nfids;
	struct p9fid	*fids[P9SRV_NBUCKETS];
};

/* The fid table (p9fid.c).  p9fid_new: -EEXIST if num is taken, -EMFILE. */
struct p9fid	*p9fid_get(struct p9srv *srv, uint32_t num);
int		 p9fid_new(struct p9srv *srv, uint32_t num, struct p9fid **out);
void		 p9fid_clunk(struct p9srv *srv, struct p9fid *fid);
void		 p9fid_clunk_all(struct p9srv *srv);
/*
 * Points fid at the O_PATH fd, found as name in the O_PATH directory pfd
 * (or -1 and NULL); consumes fd and pfd, copies name, and drops what fid
 * held before.  On failure fid is unchanged and fd and pfd are closed.
 */
int		 p9fid_set(struct p9fid *fid, int fd, int pfd,
		    const char *name);

/* Contained resolution (p9fid.c).  All return -errno on failure. */
int	p9_name(struct p9_str s, char name[P9SRV_NAME_MAX + 1]);
/*
 * Set once openat2(2) answered ENOSYS (Valgrind): names are opened with
 * openat(2) and O_NOFOLLOW, one component at a time.  Tests set it to run
 * the same checks both ways.
 */
extern bool p9_no_openat2;
int	p9_lookup(int dirfd, const char *name);		/* an O_PATH fd */
int	p9_create(int dirfd, const char *name, int flags, mode_t mode);
int	p9_walk1(struct p9srv *srv, struct p9fid *fid, const char *name);
int	p9fid_reopen(struct p9srv *srv, struct p9fid *fid, int flags);
int	p9fid_stat(const struct p9fid *fid, struct stat *st);
int	p9fid_dirfd(const struct p9fid *fid);		/* fd, or -ENOTDIR */
struct p9_qid	p9_qid(const struct p9srv *srv, const struct stat *st);

/* Writes the qid of fid's object (p9io.c). */
int	p9fid_putqid(struct p9srv *srv, const struct p9fid *fid,
	    struct p9_out *out);

/* Handlers: 0 and the reply's body written, or -errno for an Rlerror. */
int	p9_lopen(struct p9srv *srv, struct p9_in *in, struct p9_out *out);
int	p9_read(struct p9srv *srv, struct p9_in *in, struct p9_out *out);
int	p9_write(struct p9srv *srv, struct p9_in *in, struct p9_out *out);
int	p9_readdir(struct p9srv *srv, struct p9_in *in, struct p9_out *out);
int	p9_getattr(struct p9srv *srv, struct p9_in *in, struct p9_out *out);
int	p9_statfs(struct p9srv *srv, struct p9_in *in, struct p9_out *out);
int	p9_readlink(struct p9srv *srv, struct p9_in *in, struct p9_out *out);
int	p9_fsync(struct p9srv *srv, struct p9_in *in, struct p9_out *out);
int	p9_lock(struct p9srv *srv, struct p9_in *in, struct p9_out *out);
int	p9_getlock(struct p9srv *srv, struct p9_in *in, struct p9_out *out);
/* The modifying messages (p9ops.c). */
int	p9_lcreate(struct p9srv *srv, struct p9_in *in, struct p9_out *out);
int	p9_symlink(struct p9srv *srv, struct p9_in *in, struct p9_out *out);
int	p9_mknod(struct p9srv *srv, struct p9_in *in, struct p9_out *out);
int	p9_mkdir(struct p9srv *srv, struct p9_in *in, struct p9_out *out);
int	p9_link(struct p9srv *srv, struct p9_in *in, struct p9_out *out);
int	p9_renameat(struct p9srv *srv, struct p9_in *in, struct p9_out *out);
int	p9_unlinkat(struct p9srv *srv, struct p9_in *in, struct p9_out *out);
int	p9_remove(struct p9srv *srv, struct p9_in *in, struct p9_out *out);
int	p9_setattr(struct p9srv *srv, struct p9_in *in, struct p9_out *out);

#endif /* P9SRV_IMPL_H */
