/*
 * uapi/stat.h: the Linux x86-64 structures of statx(2) (linux/stat.h),
 * statfs(2) (asm-generic/statfs.h as x86-64 lays it out), ustat(2) and
 * utime(2), with the masks and constants they use, sizes asserted.
 * Plain numbers only; never a host header.
 */
#ifndef UAPI_STAT_H
#define UAPI_STAT_H

#include <fw/types.h>

struct linux_statx_timestamp {
	int64_t		tv_sec;
	uint32_t	tv_nsec;
	int32_t		reserved;
};

/* struct statx: 256 bytes; the tail is for fields tmpfs never fills. */
struct linux_statx {
	uint32_t	stx_mask;
	uint32_t	stx_blksize;
	uint64_t	stx_attributes;
	uint32_t	stx_nlink;
	uint32_t	stx_uid;
	uint32_t	stx_gid;
	uint16_t	stx_mode;
	uint16_t	spare0;
	uint64_t	stx_ino;
	uint64_t	stx_size;
	uint64_t	stx_blocks;
	uint64_t	stx_attributes_mask;
	struct linux_statx_timestamp stx_atime, stx_btime, stx_ctime, stx_mtime;
	uint32_t	stx_rdev_major, stx_rdev_minor;
	uint32_t	stx_dev_major, stx_dev_minor;
	uint64_t	stx_mnt_id;
	uint64_t	spare[13];	/* dio, subvol, atomic writes, ... */
};
_Static_assert(offsetof(struct linux_statx, stx_atime) == 64, "statx");
_Static_assert(offsetof(struct linux_statx, stx_mnt_id) == 144, "statx");
_Static_assert(sizeof(struct linux_statx) == 256, "statx size");

#define LINUX_STATX_TYPE		0x0001U
#define LINUX_STATX_MODE		0x0002U
#define LINUX_STATX_NLINK		0x0004U
#define LINUX_STATX_UID			0x0008U
#define LINUX_STATX_GID			0x0010U
#define LINUX_STATX_ATIME		0x0020U
#define LINUX_STATX_MTIME		0x0040U
#define LINUX_STATX_CTIME		0x0080U
#define LINUX_STATX_INO			0x0100U
#define LINUX_STATX_SIZE		0x0200U
#define LINUX_STATX_BLOCKS		0x0400U
#define LINUX_STATX_BASIC_STATS		0x07ffU
#define LINUX_STATX_BTIME		0x0800U
#define LINUX_STATX_MNT_ID		0x1000U
#define LINUX_STATX__RESERVED		0x80000000U

#define LINUX_STATX_ATTR_IMMUTABLE	0x00000010ULL
#define LINUX_STATX_ATTR_APPEND		0x00000020ULL
#define LINUX_STATX_ATTR_NODUMP		0x00000040ULL
#define LINUX_STATX_ATTR_AUTOMOUNT	0x00001000ULL
#define LINUX_STATX_ATTR_MOUNT_ROOT	0x00002000ULL
#define LINUX_STATX_ATTR_DAX		0x00200000ULL

/* statx(2)'s flags beside the AT_* ones (linux/fcntl.h). */
#define LINUX_AT_STATX_SYNC_TYPE	0x6000
#define LINUX_AT_STATX_FORCE_SYNC	0x2000
#define LINUX_AT_STATX_DONT_SYNC	0x4000

/* struct statfs of x86-64: 120 bytes. */
struct linux_statfs {
	int64_t		f_type;
	int64_t		f_bsize;
	uint64_t	f_blocks, f_bfree, f_bavail, f_files, f_ffree;
	int32_t		f_fsid[2];
	int64_t		f_namelen;
	int64_t		f_frsize;
	int64_t		f_flags;
	int64_t		f_spare[4];
};
_Static_assert(sizeof(struct linux_statfs) == 120, "statfs");

/* tmpfs's f_type, which the ramfs reports (linux/magic.h). */
#define LINUX_TMPFS_MAGIC	0x01021994
#define LINUX_ANON_INODE_MAGIC	0x09041934
/* f_flags: the mount flags, and that they are valid. */
#define LINUX_ST_RDONLY		0x0001
#define LINUX_ST_NOSUID		0x0002
#define LINUX_ST_NODEV		0x0004
#define LINUX_ST_NOEXEC		0x0008
#define LINUX_ST_VALID		0x0020
#define LINUX_ST_NOATIME	0x0400
#define LINUX_ST_RELATIME	0x1000

/* struct ustat (linux/types.h): 32 bytes. */
struct linux_ustat {
	int32_t		f_tfree;
	uint64_t	f_tinode;
	char		f_fname[6];
	char		f_fpack[6];
};
_Static_assert(sizeof(struct linux_ustat) == 32, "ustat");

/* utime(2)'s struct utimbuf, and utimensat(2)'s special nanoseconds. */
struct linux_utimbuf {
	int64_t		actime;
	int64_t		modtime;
};
_Static_assert(sizeof(struct linux_utimbuf) == 16, "utimbuf");
#define LINUX_UTIME_NOW		((1L << 30) - 1L)
#define LINUX_UTIME_OMIT	((1L << 30) - 2L)

#endif
