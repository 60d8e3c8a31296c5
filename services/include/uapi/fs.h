/*
 * uapi/fs.h: the file structures of the Linux x86-64 user ABI, written from
 * their documented layouts (stat(2) and arch/x86/include/uapi/asm/stat.h,
 * getdents64(2), readv(2), include/uapi/linux/fs.h), with their sizes
 * asserted.  Plain numbers only; never a host header.
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

/* The dev_t encoding stat(2) reports (new_encode_dev). */
static inline uint64_t
linux_makedev(uint32_t major, uint32_t minor)
{
	return (uint64_t)(minor & 0xff) | ((uint64_t)major << 8) |
	    ((uint64_t)(minor & ~0xffu) << 12);
}

#endif
