/*
 * vdso/vdso.c: the virtual dynamic shared object Trellis maps into every
 * x86-64 process (AT_SYSINFO_EHDR): clock_gettime, gettimeofday, time and
 * getcpu without a trap.  The clocks read the framework's time page
 * (fw/timepage.h), mapped the page below this object, and the TSC; what
 * the page cannot serve (CPU-time clocks, a time zone, a page without a
 * usable counter, getcpu) is the real system call.
 *
 * Interface: __vdso_clock_gettime, __vdso_gettimeofday, __vdso_time,
 * __vdso_getcpu, __vdso_clock_getres, each also by its plain name, all of
 * version LINUX_2.6 (vdso.lds).  No locks: the page has a sequence count.
 *
 * Built with the system compiler as a guest artifact (vdso/CMakeLists.txt):
 * position-independent with no relocations, no libc, no stack protector.
 */
#include <fw/timepage.h>

#define NSEC_PER_SEC	1000000000ULL
#define SYS_gettimeofday	96
#define SYS_time		201
#define SYS_clock_gettime	228
#define SYS_clock_getres	229
#define SYS_getcpu		309

struct vdso_timespec {
	long	tv_sec, tv_nsec;
};
struct vdso_timeval {
	long	tv_sec, tv_usec;
};

int	__vdso_clock_gettime(long clk, struct vdso_timespec *ts);
int	__vdso_gettimeofday(struct vdso_timeval *tv, void *tz);
long	__vdso_time(long *t);
long	__vdso_getcpu(unsigned int *cpu, unsigned int *node, void *cache);
int	__vdso_clock_getres(long clk, struct vdso_timespec *res);

/* The time page, the page below this object (vdso.lds). */
extern const struct fw_timepage vdso_timepage
    __attribute__((visibility("hidden")));

static long
vdso_syscall2(long nr, long a, long b)
{
	long ret;

	__asm__ volatile("syscall" : "=a"(ret) : "a"(nr), "D"(a), "S"(b)
	    : "rcx", "r11", "memory");
	return ret;
}

static long
vdso_syscall3(long nr, long a, long b, long c)
{
	long ret;

	__asm__ volatile("syscall" : "=a"(ret) : "a"(nr), "D"(a), "S"(b),
	    "d"(c) : "rcx", "r11", "memory");
	return ret;
}

static inline uint64_t
vdso_rdtsc(void)
{
	uint32_t lo, hi;

	/* lfence: no earlier load may pass the counter read. */
	__asm__ volatile("lfence; rdtsc" : "=a"(lo), "=d"(hi) :: "memory");
	return ((uint64_t)hi << 32) | lo;
}

/*
 * Reads CLOCK_MONOTONIC (real false) or CLOCK_REALTIME (true) from the
 * page into *sec and *nsec: 0, or -1 when the page cannot say.  The
 * nanoseconds since the base are added to the base's split, so a read
 * takes no division unless the base is over a second old (the framework
 * moves it about FW_HZ times a second).  Inlined: a call would cost the
 * fast path a stack frame.
 */
static inline __attribute__((always_inline)) int
vdso_read(int real, uint64_t *sec, uint64_t *nsec)
{
	const struct fw_timepage *pg = &vdso_timepage;
	uint32_t seq, shift;
	uint64_t mult, base_c, base_s, base_n, c, d;

	do {
		while ((seq = __atomic_load_n(&pg->seq, __ATOMIC_ACQUIRE)) & 1)
			__asm__ volatile("pause");
		if (__atomic_load_n(&pg->version, __ATOMIC_RELAXED) !=
		    FW_TIMEPAGE_VERSION ||
		    __atomic_load_n(&pg->mode, __ATOMIC_RELAXED) !=
		    FW_TIMEPAGE_TSC)
			return -1;
		shift = __atomic_load_n(&pg->shift, __ATOMIC_RELAXED);
		mult = __atomic_load_n(&pg->mult, __ATOMIC_RELAXED);
		base_c = __atomic_load_n(&pg->cycle_base, __ATOMIC_RELAXED);
		base_s = real ? __atomic_load_n(&pg->real_sec, __ATOMIC_RELAXED) :
		    __atomic_load_n(&pg->mono_sec, __ATOMIC_RELAXED);
		base_n = real ? __atomic_load_n(&pg->real_nsec,
		    __ATOMIC_RELAXED) : __atomic_load_n(&pg->mono_nsec,
		    __ATOMIC_RELAXED);
		c = vdso_rdtsc();
		__atomic_thread_fence(__ATOMIC_ACQUIRE);
	} while (__atomic_load_n(&pg->seq, __ATOMIC_RELAXED) != seq);
	d = c > base_c ? c - base_c : 0;	/* another CPU's base */
	base_n += (uint64_t)(((unsigned __int128)d * mult) >> shift);
	if (base_n >= 2 * NSEC_PER_SEC) {
		base_s += base_n / NSEC_PER_SEC;
		base_n %= NSEC_PER_SEC;
	} else if (base_n >= NSEC_PER_SEC) {
		base_s++;
		base_n -= NSEC_PER_SEC;
	}
	*sec = base_s;
	*nsec = base_n;
	return 0;
}

/* Which page clock serves clk: 0 monotonic, 1 real time, -1 none. */
static int
vdso_clock(long clk)
{
	switch (clk) {
	case 0:		/* CLOCK_REALTIME */
	case 5:		/* CLOCK_REALTIME_COARSE */
	case 11:	/* CLOCK_TAI: no offset until adjtimex */
		return 1;
	case 1:		/* CLOCK_MONOTONIC */
	case 4:		/* CLOCK_MONOTONIC_RAW */
	case 6:		/* CLOCK_MONOTONIC_COARSE */
	case 7:		/* CLOCK_BOOTTIME: the machine never suspends */
		return 0;
	default:
		return -1;
	}
}

int
__vdso_clock_gettime(long clk, struct vdso_timespec *ts)
{
	int which = vdso_clock(clk);
	uint64_t sec, nsec;

	if (which < 0 || vdso_read(which, &sec, &nsec) < 0)
		return (int)vdso_syscall2(SYS_clock_gettime, clk, (long)ts);
	ts->tv_sec = (long)sec;
	ts->tv_nsec = (long)nsec;
	return 0;
}

int
__vdso_gettimeofday(struct vdso_timeval *tv, void *tz)
{
	uint64_t sec, nsec;

	if (tz != 0 || vdso_read(1, &sec, &nsec) < 0)
		return (int)vdso_syscall2(SYS_gettimeofday, (long)tv, (long)tz);
	if (tv != 0) {
		tv->tv_sec = (long)sec;
		tv->tv_usec = (long)(nsec / 1000);
	}
	return 0;
}

long
__vdso_time(long *t)
{
	uint64_t sec, nsec;
	long s;

	if (vdso_read(1, &sec, &nsec) < 0)
		return vdso_syscall2(SYS_time, (long)t, 0);
	s = (long)sec;
	if (t != 0)
		*t = s;
	return s;
}

/* The CPU is the simulator's to say: always the system call. */
long
__vdso_getcpu(unsigned int *cpu, unsigned int *node, void *cache)
{
	return vdso_syscall3(SYS_getcpu, (long)cpu, (long)node, (long)cache);
}

int
__vdso_clock_getres(long clk, struct vdso_timespec *res)
{
	return (int)vdso_syscall2(SYS_clock_getres, clk, (long)res);
}

/* The plain names, as Linux's vDSO also exports them. */
int	clock_gettime(long, struct vdso_timespec *)
	    __attribute__((weak, alias("__vdso_clock_gettime")));
int	gettimeofday(struct vdso_timeval *, void *)
	    __attribute__((weak, alias("__vdso_gettimeofday")));
long	time(long *) __attribute__((weak, alias("__vdso_time")));
long	getcpu(unsigned int *, unsigned int *, void *)
	    __attribute__((weak, alias("__vdso_getcpu")));
int	clock_getres(long, struct vdso_timespec *)
	    __attribute__((weak, alias("__vdso_clock_getres")));
