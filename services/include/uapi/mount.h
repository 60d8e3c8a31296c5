/*
 * uapi/mount.h: mount(2) and umount2(2) flags (include/uapi/linux/mount.h)
 * and the file-system magic numbers statfs(2) reports (linux/magic.h).
 * Plain numbers only; never a host header.
 */
#ifndef UAPI_MOUNT_H
#define UAPI_MOUNT_H

#define LINUX_MS_RDONLY		0x1
#define LINUX_MS_NOSUID		0x2
#define LINUX_MS_NODEV		0x4
#define LINUX_MS_NOEXEC		0x8
#define LINUX_MS_SYNCHRONOUS	0x10
#define LINUX_MS_REMOUNT	0x20
#define LINUX_MS_MANDLOCK	0x40
#define LINUX_MS_DIRSYNC	0x80
#define LINUX_MS_NOSYMFOLLOW	0x100
#define LINUX_MS_NOATIME	0x400
#define LINUX_MS_NODIRATIME	0x800
#define LINUX_MS_BIND		0x1000
#define LINUX_MS_MOVE		0x2000
#define LINUX_MS_REC		0x4000
#define LINUX_MS_SILENT		0x8000
#define LINUX_MS_POSIXACL	(1u << 16)
#define LINUX_MS_UNBINDABLE	(1u << 17)
#define LINUX_MS_PRIVATE	(1u << 18)
#define LINUX_MS_SLAVE		(1u << 19)
#define LINUX_MS_SHARED		(1u << 20)
#define LINUX_MS_RELATIME	(1u << 21)
#define LINUX_MS_KERNMOUNT	(1u << 22)
#define LINUX_MS_I_VERSION	(1u << 23)
#define LINUX_MS_STRICTATIME	(1u << 24)
#define LINUX_MS_LAZYTIME	(1u << 25)
#define LINUX_MS_MGC_VAL	0xc0ed0000u
#define LINUX_MS_MGC_MSK	0xffff0000u

/* The per-mount flags (the rest belong to the superblock). */
#define LINUX_MS_MNT_FLAGS	(LINUX_MS_RDONLY | LINUX_MS_NOSUID | \
    LINUX_MS_NODEV | LINUX_MS_NOEXEC | LINUX_MS_NOSYMFOLLOW | \
    LINUX_MS_NOATIME | LINUX_MS_NODIRATIME | LINUX_MS_RELATIME | \
    LINUX_MS_STRICTATIME)
#define LINUX_MS_PROPAGATION	(LINUX_MS_SHARED | LINUX_MS_PRIVATE | \
    LINUX_MS_SLAVE | LINUX_MS_UNBINDABLE)

#define LINUX_MNT_FORCE		0x1
#define LINUX_MNT_DETACH	0x2
#define LINUX_MNT_EXPIRE	0x4
#define LINUX_UMOUNT_NOFOLLOW	0x8

#define LINUX_RAMFS_MAGIC	0x858458f6u
#define LINUX_OVERLAYFS_MAGIC	0x794c7630u
#define LINUX_PROC_SUPER_MAGIC	0x9fa0u
#define LINUX_SYSFS_MAGIC	0x62656572u
#define LINUX_DEVPTS_MAGIC	0x1cd1u

#endif
