/*
 * uapi/resource.h: resource limits (include/uapi/asm-generic/resource.h).
 * On x86-64 struct rlimit and struct rlimit64 are both two 64-bit words.
 */
#ifndef UAPI_RESOURCE_H
#define UAPI_RESOURCE_H

#include <fw/types.h>
#include <uapi/time.h>

struct linux_rlimit64 {
	uint64_t	cur, max;
};
_Static_assert(sizeof(struct linux_rlimit64) == 16, "rlimit64");

#define LINUX_RLIMIT_CPU	0
#define LINUX_RLIMIT_FSIZE	1
#define LINUX_RLIMIT_DATA	2
#define LINUX_RLIMIT_STACK	3
#define LINUX_RLIMIT_CORE	4
#define LINUX_RLIMIT_RSS	5
#define LINUX_RLIMIT_NPROC	6
#define LINUX_RLIMIT_NOFILE	7
#define LINUX_RLIMIT_MEMLOCK	8
#define LINUX_RLIMIT_AS		9
#define LINUX_RLIMIT_LOCKS	10
#define LINUX_RLIMIT_SIGPENDING	11
#define LINUX_RLIMIT_MSGQUEUE	12
#define LINUX_RLIMIT_NICE	13
#define LINUX_RLIMIT_RTPRIO	14
#define LINUX_RLIMIT_RTTIME	15
#define LINUX_RLIM_NLIMITS	16

#define LINUX_RLIM_INFINITY	(~0ULL)

/* getrusage(2) (include/uapi/linux/resource.h) and times(2). */
#define LINUX_RUSAGE_SELF	0
#define LINUX_RUSAGE_CHILDREN	(-1)
#define LINUX_RUSAGE_THREAD	1

struct linux_rusage {
	struct linux_timeval	utime, stime;
	int64_t			maxrss, ixrss, idrss, isrss, minflt, majflt;
	int64_t			nswap, inblock, oublock, msgsnd, msgrcv;
	int64_t			nsignals, nvcsw, nivcsw;
};
_Static_assert(sizeof(struct linux_rusage) == 144, "rusage");

struct linux_tms {
	int64_t		utime, stime, cutime, cstime;	/* clock ticks */
};
_Static_assert(sizeof(struct linux_tms) == 32, "tms");

/* USER_HZ: the clock ticks of times(2) and clock_t. */
#define LINUX_USER_HZ		100

#endif
