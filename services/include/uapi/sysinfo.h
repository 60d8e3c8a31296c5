/*
 * uapi/sysinfo.h: struct sysinfo of sysinfo(2) on x86-64
 * (include/uapi/linux/sysinfo.h).  On a 64-bit kernel the trailing _f
 * padding is empty and the struct is 112 bytes.
 */
#ifndef UAPI_SYSINFO_H
#define UAPI_SYSINFO_H

#include <fw/types.h>

#define LINUX_SI_LOAD_SHIFT	16

struct linux_sysinfo {
	int64_t		uptime;		/* seconds since boot */
	uint64_t	loads[3];	/* 1, 5, 15 minute loads << 16 */
	uint64_t	totalram;
	uint64_t	freeram;
	uint64_t	sharedram;
	uint64_t	bufferram;
	uint64_t	totalswap;
	uint64_t	freeswap;
	uint16_t	procs;
	uint16_t	pad;
	uint32_t	pad2;		/* the compiler's padding, made explicit */
	uint64_t	totalhigh;
	uint64_t	freehigh;
	uint32_t	mem_unit;
	uint32_t	pad3;
};
_Static_assert(sizeof(struct linux_sysinfo) == 112, "sysinfo");
_Static_assert(__builtin_offsetof(struct linux_sysinfo, procs) == 80, "procs");
_Static_assert(__builtin_offsetof(struct linux_sysinfo, mem_unit) == 104,
    "mem_unit");

#endif
