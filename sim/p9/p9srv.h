/*
 * p9srv.h: a 9P2000.L file server exporting one host directory, the host
 * side of the virtio-9p device model.  One T-message in, one R-message out:
 * p9srv_handle() is synchronous and keeps no pointer to either buffer, so a
 * virtqueue model can call it from its device thread and a fuzzer can call
 * it in-process.  Files are read and written as the user running Trellis:
 * Rgetattr reports the host's real uid, gid and mode; the client's uid and
 * gid in Tattach, Tlcreate, Tmkdir, ... are ignored.  New files get the
 * mode the client gave (which has its umask applied), not the host's
 * umask again.
 *
 * Containment: the server never opens, changes or names anything outside
 * the exported tree, whatever the messages.
 *  - The root is held as an O_PATH directory fd, and every fid holds an
 *    O_PATH fd of its own object (never a path string), plus, for objects
 *    reached by a name, an O_PATH fd of the directory it was found in and
 *    that name.
 *  - A walk resolves one validated component at a time (no "", no '/', at
 *    most 255 bytes, no NUL) from the current fid's fd with openat2(O_PATH |
 *    O_NOFOLLOW, RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS |
 *    RESOLVE_NO_MAGICLINKS): a symlink is returned as itself (its target is
 *    only ever read by Treadlink and given to the client), and a walk
 *    through one fails with ENOTDIR.  ".." at the root stays at the root
 *    (the root's device and inode are compared); elsewhere it is the
 *    directory's real parent, which is inside the tree.
 *  - Opening for I/O: a directory is reopened as "." of its own O_PATH fd;
 *    anything else is reopened by name from its parent's fd with the same
 *    openat2 flags plus O_NOFOLLOW and O_NONBLOCK (a FIFO swapped in cannot
 *    block the server), and the result must have the fid's device and
 *    inode, or the open fails with ESTALE: a symlink or another file swapped
 *    in between walk and open is never used.  Only regular files and
 *    directories are opened at all.
 *  - Every creating or removing call (mkdirat, symlinkat, mknodat, linkat,
 *    renameat, unlinkat, openat2 with O_CREAT) takes a fid's directory fd
 *    and one validated name, so it acts in that directory; none follows a
 *    final symlink; Tlcreate always creates (O_EXCL), so it never opens
 *    what was there.  Tmknod makes FIFOs, sockets and regular files only,
 *    so a guest cannot create a device node that opens host hardware; and
 *    a guest sets no set-user-ID bit, and set-group-ID on directories only
 *    (a set-ID program planted in a host directory would be a way up on
 *    the host).
 *  - chmod, chown, utimes, statfs, stat and readlink act on the O_PATH fd
 *    itself (AT_EMPTY_PATH), not on a name.
 *  - Read-only servers answer every modifying message with EROFS before
 *    touching anything.
 * What the server cannot prevent: a host process that moves a directory
 * out of the export while a fid holds it leaves that fid (and walks from
 * it, and "..") in the moved tree, as a bind mount would; and whatever is
 * mounted inside the exported directory on the host is part of the tree.
 *
 * Limits: at most P9SRV_MAX_FIDS fids (then EMFILE; the process's fd limit
 * may come first, with the same error), names of 255 bytes, msize between
 * P9SRV_MSIZE_MIN and P9SRV_MSIZE_MAX, memory bounded by msize_max plus
 * a small record per fid.  Malformed messages get Rlerror(EPROTO or
 * EINVAL); the server does not crash or allocate by what a message says.
 *
 * Locks: none; one thread at a time calls into one server.
 */
#ifndef P9SRV_H
#define P9SRV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define P9SRV_MAX_FIDS		65536
#define P9SRV_MSIZE_MIN		4096
#define P9SRV_MSIZE_MAX		(1u << 20)
/* A reply buffer smaller than this gets Rlerror(ENOBUFS) for anything. */
#define P9SRV_REPLY_MIN		256

struct p9srv;				/* opaque */

/*
 * Opens root_dir (which must be a directory) for export; writable says
 * whether modifying messages are allowed.  msize_max bounds the message
 * size the client may negotiate, clamped to [MSIZE_MIN, MSIZE_MAX].
 * Returns NULL with errno set on failure.
 */
struct p9srv	*p9srv_new(const char *root_dir, bool writable,
		    uint32_t msize_max);
/* Clunks every fid and frees the server (NULL is a no-op). */
void		 p9srv_free(struct p9srv *srv);

/*
 * Handles the T-message req[0..req_len) and writes the R-message into
 * reply[0..reply_cap); returns the reply's length, never more than
 * reply_cap or the negotiated msize.  Returns 0 only when reply_cap is too
 * small for even an Rlerror (11 bytes).
 */
size_t		 p9srv_handle(struct p9srv *srv, const uint8_t *req,
		    size_t req_len, uint8_t *reply, size_t reply_cap);

#endif /* P9SRV_H */
