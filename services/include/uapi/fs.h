/*
 * uapi/fs.h: the file structures of the Linux x86-64 user ABI, written from
 * their documented layouts (stat(2) and arch/x86/include/uapi/asm/stat.h,
 * getdents64(2), readv(2), include/uapi/linux/fs.h, falloc.h, xattr.h),
 * with their sizes asserted.  Plain numbers only; never a host header.
 */
#ifndef UAPI_FS_H
#define UAPI_FS_H

#include <fw/types.h>

#define LINUX_PATH_MAX		4096	/* including the NUL */
#define LINUX_NAME_MAX		255
#define LINUX_MAXSYMLINKS	40
#define LINUX_IOV_MAX		1024

/* struct stat of x86-64 (asm/stat.h): 144 bytes. */
struct linux_stat {
	uint64_t	st_dev;
	uint64_t	st_ino;
	uint64_t	st_nlink;
	uint32_t	st_mode;
	uint32_t	st_uid;
	uint32_t	st_gid;
	/* NOLINTNEXTLINE(bugprone-reserved-identifier): Linux's UAPI name */
	int32_t		__pad0;
	uint64_t	st_rdev;
	int64_t		st_size;
	int64_t		st_blksize;
	int64_t		st_blocks;	/* 512-byte units */
	uint64_t	st_atime_sec, st_atime_nsec;
	uint64_t	st_mtime_sec, st_mtime_nsec;
	uint64_t	st_ctime_sec, st_ctime_nsec;
	/* NOLINTNEXTLINE(bugprone-reserved-identifier): Linux's UAPI name */
	int64_t		__unused[3];
};
_Static_assert(sizeof(struct linux_stat) == 144, "linux_stat");

/* getdents64(2): records are 8-aligned; d_name is NUL-terminated. */
struct linux_dirent64 {
	uint64_t	d_ino;
	int64_t		d_off;
	uint16_t	d_reclen;
	uint8_t		d_type;
	char		d_name[];
};
_Static_assert(offsetof(struct linux_dirent64, d_name) == 19, "dirent64");
_Static_assert(sizeof(struct linux_dirent64) == 24, "dirent64 size");

#define LINUX_DT_UNKNOWN	0
#define LINUX_DT_FIFO		1
#define LINUX_DT_CHR		2
#define LINUX_DT_DIR		4
#define LINUX_DT_BLK		6
#define LINUX_DT_REG		8
#define LINUX_DT_LNK		10
#define LINUX_DT_SOCK		12

struct linux_iovec {
	uint64_t	iov_base;	/* a user address */
	uint64_t	iov_len;
};
_Static_assert(sizeof(struct linux_iovec) == 16, "iovec");

#define LINUX_SEEK_SET		0
#define LINUX_SEEK_CUR		1
#define LINUX_SEEK_END		2
#define LINUX_SEEK_DATA		3
#define LINUX_SEEK_HOLE		4

/* access(2) modes. */
#define LINUX_F_OK		0
#define LINUX_X_OK		1
#define LINUX_W_OK		2
#define LINUX_R_OK		4

/* Permission and special bits of st_mode. */
#define LINUX_S_ISUID		04000
#define LINUX_S_ISGID		02000
#define LINUX_S_ISVTX		01000
#define LINUX_S_IALLUGO		07777

/* renameat2(2) flags. */
#define LINUX_RENAME_NOREPLACE	0x1
#define LINUX_RENAME_EXCHANGE	0x2
#define LINUX_RENAME_WHITEOUT	0x4

/* fallocate(2) modes (linux/falloc.h). */
#define LINUX_FALLOC_FL_KEEP_SIZE	0x01
#define LINUX_FALLOC_FL_PUNCH_HOLE	0x02
#define LINUX_FALLOC_FL_COLLAPSE_RANGE	0x08
#define LINUX_FALLOC_FL_ZERO_RANGE	0x10
#define LINUX_FALLOC_FL_INSERT_RANGE	0x20
#define LINUX_FALLOC_FL_UNSHARE_RANGE	0x40

/* preadv2(2) and pwritev2(2) flags. */
#define LINUX_RWF_HIPRI		0x01
#define LINUX_RWF_DSYNC		0x02
#define LINUX_RWF_SYNC		0x04
#define LINUX_RWF_NOWAIT	0x08
#define LINUX_RWF_APPEND	0x10
#define LINUX_RWF_NOAPPEND	0x20
#define LINUX_RWF_ATOMIC	0x40
#define LINUX_RWF_DONTCACHE	0x80

/* splice(2), tee(2), vmsplice(2) flags. */
#define LINUX_SPLICE_F_MOVE	0x01
#define LINUX_SPLICE_F_NONBLOCK	0x02
#define LINUX_SPLICE_F_MORE	0x04
#define LINUX_SPLICE_F_GIFT	0x08

/* sync_file_range(2) flags and close_range(2) flags. */
#define LINUX_SYNC_FILE_RANGE_WAIT_BEFORE	0x1
#define LINUX_SYNC_FILE_RANGE_WRITE		0x2
#define LINUX_SYNC_FILE_RANGE_WAIT_AFTER	0x4
#define LINUX_CLOSE_RANGE_UNSHARE	0x2
#define LINUX_CLOSE_RANGE_CLOEXEC	0x4

/* Extended attributes (linux/xattr.h, limits.h). */
#define LINUX_XATTR_CREATE	0x1
#define LINUX_XATTR_REPLACE	0x2
#define LINUX_XATTR_NAME_MAX	255
#define LINUX_XATTR_SIZE_MAX	65536
#define LINUX_XATTR_LIST_MAX	65536

/* The dev_t encoding stat(2) reports (new_encode_dev). */
static inline uint64_t
linux_makedev(uint32_t major, uint32_t minor)
{
	return (uint64_t)(minor & 0xff) | ((uint64_t)major << 8) |
	    ((uint64_t)(minor & ~0xffu) << 12);
}

#endif
