/*
 * uapi/fcntl.h: open(2) flags, *at() flags and fcntl(2) commands of Linux
 * x86-64 (include/uapi/asm-generic/fcntl.h, linux/fcntl.h, linux/openat2.h,
 * linux/memfd.h), as numbers, and the structures of record locks and
 * openat2.
 */
#ifndef UAPI_FCNTL_H
#define UAPI_FCNTL_H

#include <fw/types.h>

#define LINUX_O_ACCMODE		00000003
#define LINUX_O_RDONLY		00000000
#define LINUX_O_WRONLY		00000001
#define LINUX_O_RDWR		00000002
#define LINUX_O_CREAT		00000100
#define LINUX_O_EXCL		00000200
#define LINUX_O_NOCTTY		00000400
#define LINUX_O_TRUNC		00001000
#define LINUX_O_APPEND		00002000
#define LINUX_O_NONBLOCK	00004000
#define LINUX_O_DSYNC		00010000
#define LINUX_O_ASYNC		00020000
#define LINUX_O_DIRECT		00040000
#define LINUX_O_LARGEFILE	00100000
#define LINUX_O_DIRECTORY	00200000
#define LINUX_O_NOFOLLOW	00400000
#define LINUX_O_NOATIME		01000000
#define LINUX_O_CLOEXEC		02000000
#define LINUX_O_SYNC		04010000
#define LINUX_O_PATH		010000000
#define LINUX_O_TMPFILE		020200000

#define LINUX_AT_FDCWD			(-100)
#define LINUX_AT_SYMLINK_NOFOLLOW	0x100
#define LINUX_AT_REMOVEDIR		0x200
#define LINUX_AT_EACCESS		0x200
#define LINUX_AT_SYMLINK_FOLLOW		0x400
#define LINUX_AT_NO_AUTOMOUNT		0x800
#define LINUX_AT_EMPTY_PATH		0x1000

#define LINUX_F_DUPFD		0
#define LINUX_F_GETFD		1
#define LINUX_F_SETFD		2
#define LINUX_F_GETFL		3
#define LINUX_F_SETFL		4
#define LINUX_F_DUPFD_CLOEXEC	1030
#define LINUX_FD_CLOEXEC	1
#define LINUX_F_GETLK		5
#define LINUX_F_SETLK		6
#define LINUX_F_SETLKW		7
#define LINUX_F_OFD_GETLK	36
#define LINUX_F_OFD_SETLK	37
#define LINUX_F_OFD_SETLKW	38
#define LINUX_F_SETPIPE_SZ	1031
#define LINUX_F_GETPIPE_SZ	1032
#define LINUX_F_ADD_SEALS	1033
#define LINUX_F_GET_SEALS	1034

/* File seals (F_ADD_SEALS) and memfd_create(2) flags. */
#define LINUX_F_SEAL_SEAL		0x0001
#define LINUX_F_SEAL_SHRINK		0x0002
#define LINUX_F_SEAL_GROW		0x0004
#define LINUX_F_SEAL_WRITE		0x0008
#define LINUX_F_SEAL_FUTURE_WRITE	0x0010
#define LINUX_F_SEAL_EXEC		0x0020
#define LINUX_MFD_CLOEXEC		0x0001U
#define LINUX_MFD_ALLOW_SEALING		0x0002U
#define LINUX_MFD_HUGETLB		0x0004U
#define LINUX_MFD_NOEXEC_SEAL		0x0008U
#define LINUX_MFD_EXEC			0x0010U

/* Record locks: struct flock of x86-64 (32 bytes) and its types. */
struct linux_flock {
	int16_t		l_type;
	int16_t		l_whence;
	int64_t		l_start;
	int64_t		l_len;
	int32_t		l_pid;
};
_Static_assert(sizeof(struct linux_flock) == 32, "flock");
#define LINUX_F_RDLCK		0
#define LINUX_F_WRLCK		1
#define LINUX_F_UNLCK		2

/* flock(2) operations. */
#define LINUX_LOCK_SH		1
#define LINUX_LOCK_EX		2
#define LINUX_LOCK_NB		4
#define LINUX_LOCK_UN		8

/* openat2(2): struct open_how (linux/openat2.h) and its resolve flags. */
struct linux_open_how {
	uint64_t	flags;
	uint64_t	mode;
	uint64_t	resolve;
};
_Static_assert(sizeof(struct linux_open_how) == 24, "open_how");
#define LINUX_RESOLVE_NO_XDEV		0x01
#define LINUX_RESOLVE_NO_MAGICLINKS	0x02
#define LINUX_RESOLVE_NO_SYMLINKS	0x04
#define LINUX_RESOLVE_BENEATH		0x08
#define LINUX_RESOLVE_IN_ROOT		0x10
#define LINUX_RESOLVE_CACHED		0x20

/* st_mode bits (include/uapi/linux/stat.h). */
#define LINUX_S_IFMT	0170000
#define LINUX_S_IFSOCK	0140000
#define LINUX_S_IFLNK	0120000
#define LINUX_S_IFREG	0100000
#define LINUX_S_IFBLK	0060000
#define LINUX_S_IFDIR	0040000
#define LINUX_S_IFCHR	0020000
#define LINUX_S_IFIFO	0010000

#endif
