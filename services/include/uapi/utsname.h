/*
 * uapi/utsname.h: struct new_utsname of uname(2) (include/uapi/linux/
 * utsname.h): six NUL-terminated fields of 65 bytes.
 */
#ifndef UAPI_UTSNAME_H
#define UAPI_UTSNAME_H

#define LINUX_UTS_LEN	64

struct linux_new_utsname {
	char	sysname[LINUX_UTS_LEN + 1];
	char	nodename[LINUX_UTS_LEN + 1];
	char	release[LINUX_UTS_LEN + 1];
	char	version[LINUX_UTS_LEN + 1];
	char	machine[LINUX_UTS_LEN + 1];
	char	domainname[LINUX_UTS_LEN + 1];
};
_Static_assert(sizeof(struct linux_new_utsname) == 390, "new_utsname");

#endif
