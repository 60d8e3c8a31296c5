/*
 * uapi/time.h: the time structures and clock ids of Linux x86-64
 * (include/uapi/linux/time.h, time_types.h): struct timespec and timeval
 * are two 64-bit words on x86-64.
 */
#ifndef UAPI_TIME_H
#define UAPI_TIME_H

#include <fw/types.h>

struct linux_timespec {
	int64_t		tv_sec;
	int64_t		tv_nsec;
};
_Static_assert(sizeof(struct linux_timespec) == 16, "timespec");

struct linux_timeval {
	int64_t		tv_sec;
	int64_t		tv_usec;
};
_Static_assert(sizeof(struct linux_timeval) == 16, "timeval");

struct linux_timezone {
	int32_t		tz_minuteswest;
	int32_t		tz_dsttime;
};
_Static_assert(sizeof(struct linux_timezone) == 8, "timezone");

#define LINUX_CLOCK_REALTIME		0
#define LINUX_CLOCK_MONOTONIC		1
#define LINUX_CLOCK_PROCESS_CPUTIME_ID	2
#define LINUX_CLOCK_THREAD_CPUTIME_ID	3
#define LINUX_CLOCK_MONOTONIC_RAW	4
#define LINUX_CLOCK_REALTIME_COARSE	5
#define LINUX_CLOCK_MONOTONIC_COARSE	6
#define LINUX_CLOCK_BOOTTIME		7
#define LINUX_CLOCK_REALTIME_ALARM	8
#define LINUX_CLOCK_BOOTTIME_ALARM	9
#define LINUX_CLOCK_TAI			11

#define LINUX_TIMER_ABSTIME		0x01

#define LINUX_NSEC_PER_SEC		1000000000LL

#endif
