/*
 * uapi/inotify.h: inotify(7)'s events and flags (include/uapi/linux/
 * inotify.h).  Plain numbers only; never a host header.
 */
#ifndef UAPI_INOTIFY_H
#define UAPI_INOTIFY_H

#include <fw/types.h>

#define LINUX_IN_ACCESS		0x00000001u
#define LINUX_IN_MODIFY		0x00000002u
#define LINUX_IN_ATTRIB		0x00000004u
#define LINUX_IN_CLOSE_WRITE	0x00000008u
#define LINUX_IN_CLOSE_NOWRITE	0x00000010u
#define LINUX_IN_OPEN		0x00000020u
#define LINUX_IN_MOVED_FROM	0x00000040u
#define LINUX_IN_MOVED_TO	0x00000080u
#define LINUX_IN_CREATE		0x00000100u
#define LINUX_IN_DELETE		0x00000200u
#define LINUX_IN_DELETE_SELF	0x00000400u
#define LINUX_IN_MOVE_SELF	0x00000800u
#define LINUX_IN_ALL_EVENTS	0x00000fffu
#define LINUX_IN_UNMOUNT	0x00002000u
#define LINUX_IN_Q_OVERFLOW	0x00004000u
#define LINUX_IN_IGNORED	0x00008000u
#define LINUX_IN_ONLYDIR	0x01000000u
#define LINUX_IN_DONT_FOLLOW	0x02000000u
#define LINUX_IN_EXCL_UNLINK	0x04000000u
#define LINUX_IN_MASK_CREATE	0x10000000u
#define LINUX_IN_MASK_ADD	0x20000000u
#define LINUX_IN_ISDIR		0x40000000u
#define LINUX_IN_ONESHOT	0x80000000u

#define LINUX_IN_CLOEXEC	02000000
#define LINUX_IN_NONBLOCK	04000

/* One event as read(2) returns it; name is padded to 16 bytes. */
struct linux_inotify_event {
	int32_t		wd;
	uint32_t	mask;
	uint32_t	cookie;
	uint32_t	len;
};
_Static_assert(sizeof(struct linux_inotify_event) == 16, "inotify_event");

#endif
