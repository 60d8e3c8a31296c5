/*
 * services/fs/sys_openat2.c: openat2(2).  struct open_how is read as
 * copy_struct_from_user() reads an extensible struct: smaller than its
 * first version (24 bytes) is EINVAL, larger than a page E2BIG, and any
 * non-zero byte past the fields known is E2BIG too.  Then
 * build_open_flags() checks, unlike open(2)'s tolerance: unknown flags
 * or resolve bits, RESOLVE_BENEATH with RESOLVE_IN_ROOT, a mode without
 * O_CREAT or O_TMPFILE or with bits beyond S_IALLUGO, O_CREAT with
 * O_DIRECTORY, O_TMPFILE without write access, and O_PATH with other
 * flags than O_DIRECTORY, O_NOFOLLOW and O_CLOEXEC are all EINVAL;
 * RESOLVE_CACHED with O_CREAT, O_TRUNC or O_TMPFILE is EAGAIN (every
 * ramfs lookup is "cached" otherwise).  RESOLVE_NO_SYMLINKS refuses any
 * symlink (ELOOP), RESOLVE_BENEATH any escape from dirfd (EXDEV),
 * RESOLVE_IN_ROOT makes dirfd the root; RESOLVE_NO_XDEV and
 * RESOLVE_NO_MAGICLINKS hold trivially (one file system, no /proc).
 * Locks: none of its own.
 */
#include <fw/alloc.h>
#include <fw/uaccess.h>
#include <svc/file.h>
#include <svc/syscall.h>
#include <svc/vfs.h>
#include "fs.h"

#define OPEN_HOW_SIZE0	24
#define VALID_OPEN	(LINUX_O_ACCMODE | LINUX_O_CREAT | LINUX_O_EXCL | \
			 LINUX_O_NOCTTY | LINUX_O_TRUNC | LINUX_O_APPEND | \
			 LINUX_O_NONBLOCK | LINUX_O_SYNC | LINUX_O_DSYNC | \
			 LINUX_O_ASYNC | LINUX_O_DIRECT | LINUX_O_LARGEFILE | \
			 LINUX_O_DIRECTORY | LINUX_O_NOFOLLOW | \
			 LINUX_O_NOATIME | LINUX_O_CLOEXEC | LINUX_O_PATH | \
			 LINUX_O_TMPFILE)
#define VALID_RESOLVE	(LINUX_RESOLVE_NO_XDEV | \
			 LINUX_RESOLVE_NO_MAGICLINKS | \
			 LINUX_RESOLVE_NO_SYMLINKS | LINUX_RESOLVE_BENEATH | \
			 LINUX_RESOLVE_IN_ROOT | LINUX_RESOLVE_CACHED)
#define O_PATH_FLAGS	(LINUX_O_DIRECTORY | LINUX_O_NOFOLLOW | \
			 LINUX_O_PATH | LINUX_O_CLOEXEC)
#define O_TMPFILE_BIT	(LINUX_O_TMPFILE & ~LINUX_O_DIRECTORY)

/* copy_struct_from_user() of struct open_how. */
static int
open_how_get(struct fw_vm *vm, uint64_t uhow, size_t size,
    struct linux_open_how *how)
{
	uint8_t *rest;
	size_t i;
	int err;

	if (size < OPEN_HOW_SIZE0)
		return -EINVAL;
	if (size > FW_PAGE_SIZE)
		return -E2BIG;
	if (size > sizeof(*how)) {
		if ((rest = fw_alloc(size - sizeof(*how))) == NULL)
			return -ENOMEM;
		err = fw_copy_from_user(vm, rest, fw_uaddr(uhow + sizeof(*how)),
		    size - sizeof(*how));
		for (i = 0; err == 0 && i < size - sizeof(*how); i++)
			err = rest[i] != 0 ? -E2BIG : 0;
		fw_free(rest);
		if (err < 0)
			return err;
	}
	return fw_copy_from_user(vm, how, fw_uaddr(uhow), sizeof(*how));
}

/* build_open_flags()'s checks of what open(2) would have ignored. */
static int
open_how_check(const struct linux_open_how *how)
{
	uint64_t f = how->flags;
	int acc = (int)(f & LINUX_O_ACCMODE);

	if (f & ~(uint64_t)VALID_OPEN)
		return -EINVAL;
	if (how->resolve & ~(uint64_t)VALID_RESOLVE)
		return -EINVAL;
	if ((how->resolve & LINUX_RESOLVE_BENEATH) &&
	    (how->resolve & LINUX_RESOLVE_IN_ROOT))
		return -EINVAL;
	if (f & (LINUX_O_CREAT | O_TMPFILE_BIT)) {
		if (how->mode & ~(uint64_t)LINUX_S_IALLUGO)
			return -EINVAL;
	} else if (how->mode != 0) {
		return -EINVAL;
	}
	if ((f & LINUX_O_DIRECTORY) && (f & LINUX_O_CREAT))
		return -EINVAL;
	if ((f & O_TMPFILE_BIT) && (!(f & LINUX_O_DIRECTORY) ||
	    (acc != LINUX_O_WRONLY && acc != LINUX_O_RDWR)))
		return -EINVAL;
	if ((f & LINUX_O_PATH) && (f & ~(uint64_t)O_PATH_FLAGS))
		return -EINVAL;
	if ((how->resolve & LINUX_RESOLVE_CACHED) && (f & (LINUX_O_TRUNC |
	    LINUX_O_CREAT | O_TMPFILE_BIT)))
		return -EAGAIN;
	return 0;
}

SYSCALL(openat2)
{
	struct proc *p = t->proc;
	struct linux_open_how how;
	struct file *f;
	char *path;
	int err;

	if ((err = open_how_get(p->vm, a->a[2], (size_t)a->a[3], &how)) < 0)
		return err;
	if ((err = open_how_check(&how)) < 0)
		return err;
	if (!(how.flags & LINUX_O_PATH))
		how.flags |= LINUX_O_LARGEFILE;
	if ((err = path_get(p->vm, a->a[1], &path)) < 0)
		return err;
	err = vfs_openat2(p, (int)a->a[0], path, (int)how.flags,
	    (unsigned int)how.mode, how.resolve, &f);
	path_put(path);
	if (err < 0)
		return err;
	err = fd_install(p, f, (how.flags & LINUX_O_CLOEXEC) != 0);
	file_unref(f);
	return err;
}
