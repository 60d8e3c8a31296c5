/*
 * core/timepage.c: the framework's clocks (fw_clock_monotonic() and
 * fw_clock_realtime(), declared in fw/timer.h) and their copy for user
 * mode, the time page (fw/timepage.h).
 *
 * When the backend has a counter user mode may read (hal_cycles_mode()),
 * time is that counter scaled: mono = mono_base + (cycles - cycle_base) *
 * mult >> shift.  The backend's own clock (hal_clock_monotonic()) is the
 * reference: the scale is measured against it from boot on, and every
 * update (fw_timepage_tick(), about FW_HZ a second) moves the base to now
 * and bends mult by at most TP_SLEW_MAX parts per billion so the error
 * decays within about a second, as NTP slews a kernel clock.  The clock
 * never goes back: a base only moves to the clock's own value, mult stays
 * positive, and a counter value below the base counts as the base.
 * Without such a counter the clocks are the backend's, and the page says
 * FW_TIMEPAGE_NONE.
 *
 * Locks used to protect fields in this file:
 *	w	tp_lock (the writer)
 *	s	tp_seq (a sequence count: odd while the writer writes)
 *	I	set once by fw_timepage_init(), before the CPUs run
 */
#include <fw/frame.h>
#include <fw/spinlock.h>
#include <fw/timepage.h>
#include <fw/timer.h>
#include <hal/platform.h>
#include <stdatomic.h>

#include "core/frame_impl.h"
#include "core/timer_impl.h"

#define TP_SHIFT	32
#define TP_NS		1000000000ULL
#define TP_PERIOD	(TP_NS / FW_HZ)		/* between updates */
#define TP_CAL_NS	2000000ULL		/* the first measurement */
#define TP_SLEW_MAX	1000000LL		/* ppb: 0.1% */
#define TP_STEP		100000000LL		/* further behind: jump */

struct tp_params {
	_Atomic uint64_t	mult, cycle_base, mono_base;
	_Atomic int64_t		real_offset;
};

static unsigned int	 tp_mode;		/* [I] FW_TIMEPAGE_* */
static struct fw_frame	*tp_frame;		/* [I] */
static struct fw_spinlock tp_lock;
static atomic_uint	 tp_seq;
static struct tp_params	 tp;			/* [s], written [w] */
static uint64_t		 cal_cycles, cal_ref;	/* [I] the first sample */
static uint64_t		 tp_nominal;		/* [w] the measured mult */
static _Atomic uint64_t	 tp_next;		/* when to update next */

/* a * b / d with a 128-bit product, by long division; UINT64_MAX if over. */
static uint64_t
tp_muldiv(uint64_t a, uint64_t b, uint64_t d)
{
	unsigned __int128 n = (unsigned __int128)a * b, r = 0, q = 0;
	int i;

	for (i = 127; i >= 0; i--) {
		r = (r << 1) | (uint64_t)((n >> i) & 1);
		if (r >= d) {
			r -= d;
			q |= (unsigned __int128)1 << i;
		}
	}
	return q > UINT64_MAX ? UINT64_MAX : (uint64_t)q;
}

/* The monotonic time at counter value c, from the values in p. */
static uint64_t
tp_at(uint64_t c, uint64_t mult, uint64_t base_c, uint64_t base_ns)
{
	uint64_t d = c > base_c ? c - base_c : 0;

	return base_ns + (uint64_t)(((unsigned __int128)d * mult) >> TP_SHIFT);
}

/* A consistent copy of the values and the counter read with them. */
static void
tp_read(uint64_t *mono, int64_t *offset)
{
	unsigned int seq;
	uint64_t mult, base_c, base_ns, c;

	do {
		while ((seq = atomic_load_explicit(&tp_seq,
		    memory_order_acquire)) & 1)
			continue;
		mult = atomic_load_explicit(&tp.mult, memory_order_relaxed);
		base_c = atomic_load_explicit(&tp.cycle_base,
		    memory_order_relaxed);
		base_ns = atomic_load_explicit(&tp.mono_base,
		    memory_order_relaxed);
		*offset = atomic_load_explicit(&tp.real_offset,
		    memory_order_relaxed);
		c = hal_cycles();
		atomic_thread_fence(memory_order_acquire);
	} while (atomic_load_explicit(&tp_seq, memory_order_relaxed) != seq);
	*mono = tp_at(c, mult, base_c, base_ns);
}

uint64_t
fw_clock_monotonic(void)
{
	uint64_t mono;
	int64_t offset;

	if (tp_mode == FW_TIMEPAGE_NONE)
		return hal_clock_monotonic();
	tp_read(&mono, &offset);
	return mono;
}

uint64_t
fw_clock_realtime(void)
{
	uint64_t mono;
	int64_t offset;

	if (tp_mode == FW_TIMEPAGE_NONE)
		return hal_clock_realtime();
	tp_read(&mono, &offset);
	return mono + (uint64_t)offset;
}

struct fw_frame *
fw_timepage_frame(void)
{
	return tp_frame;
}

/* Makes both sequence counts odd: from here on, readers retry. */
static void
tp_write_begin_locked(struct fw_timepage *pg) FW_REQUIRES(&tp_lock)
{
	atomic_store_explicit(&tp_seq,
	    atomic_load_explicit(&tp_seq, memory_order_relaxed) + 1,
	    memory_order_relaxed);
	__atomic_store_n(&pg->seq, __atomic_load_n(&pg->seq,
	    __ATOMIC_RELAXED) + 1, __ATOMIC_RELAXED);
	atomic_thread_fence(memory_order_seq_cst);
}

/* Makes them even again, the new values visible before. */
static void
tp_write_end_locked(struct fw_timepage *pg) FW_REQUIRES(&tp_lock)
{
	atomic_store_explicit(&tp_seq,
	    atomic_load_explicit(&tp_seq, memory_order_relaxed) + 1,
	    memory_order_release);
	__atomic_store_n(&pg->seq, __atomic_load_n(&pg->seq,
	    __ATOMIC_RELAXED) + 1, __ATOMIC_RELEASE);
}

/*
 * Installs mult from now on, for the framework and in the page.  The
 * counter is read once both sequence counts are odd, and the base moves to
 * it, at the time the old values give it plus step: a reader that got the
 * old values read the counter before that, so no later reader sees an
 * earlier time.
 */
static void
tp_rebase_locked(uint64_t mult, uint64_t step, int64_t offset)
	FW_REQUIRES(&tp_lock)
{
	struct fw_timepage *pg = fw_frame_ptr(tp_frame);
	uint64_t c, ns, real;

	tp_write_begin_locked(pg);
	c = hal_cycles();
	ns = tp_at(c, atomic_load_explicit(&tp.mult, memory_order_relaxed),
	    atomic_load_explicit(&tp.cycle_base, memory_order_relaxed),
	    atomic_load_explicit(&tp.mono_base, memory_order_relaxed)) + step;
	atomic_store_explicit(&tp.mult, mult, memory_order_relaxed);
	atomic_store_explicit(&tp.cycle_base, c, memory_order_relaxed);
	atomic_store_explicit(&tp.mono_base, ns, memory_order_relaxed);
	atomic_store_explicit(&tp.real_offset, offset, memory_order_relaxed);
	__atomic_store_n(&pg->version, FW_TIMEPAGE_VERSION, __ATOMIC_RELAXED);
	__atomic_store_n(&pg->mode, tp_mode, __ATOMIC_RELAXED);
	__atomic_store_n(&pg->shift, TP_SHIFT, __ATOMIC_RELAXED);
	__atomic_store_n(&pg->mult, mult, __ATOMIC_RELAXED);
	__atomic_store_n(&pg->cycle_base, c, __ATOMIC_RELAXED);
	__atomic_store_n(&pg->mono_base, ns, __ATOMIC_RELAXED);
	__atomic_store_n(&pg->real_offset, offset, __ATOMIC_RELAXED);
	real = ns + (uint64_t)offset;
	__atomic_store_n(&pg->mono_sec, ns / TP_NS, __ATOMIC_RELAXED);
	__atomic_store_n(&pg->mono_nsec, (uint32_t)(ns % TP_NS),
	    __ATOMIC_RELAXED);
	__atomic_store_n(&pg->real_sec, real / TP_NS, __ATOMIC_RELAXED);
	__atomic_store_n(&pg->real_nsec, (uint32_t)(real % TP_NS),
	    __ATOMIC_RELAXED);
	tp_write_end_locked(pg);
}

/*
 * Measures the counter against the backend's clock for TP_CAL_NS, then
 * starts the clock at that clock's time.  Runs before any other CPU, and
 * sets tp_mode last: until then the clocks are the backend's.
 */
void
fw_timepage_init(void)
{
	unsigned int mode = hal_cycles_mode();
	uint64_t c, ref;

	if (fw_frame_alloc(&tp_frame) < 0)
		return;				/* no page: no vDSO clocks */
	if (mode == FW_TIMEPAGE_NONE)
		return;				/* the page stays zero: NONE */
	cal_cycles = hal_cycles();
	cal_ref = hal_clock_monotonic();
	do {
		c = hal_cycles();
		ref = hal_clock_monotonic();
	} while (ref - cal_ref < TP_CAL_NS || c <= cal_cycles);
	tp_nominal = tp_muldiv(ref - cal_ref, 1ULL << TP_SHIFT, c - cal_cycles);
	fw_spin_lock(&tp_lock);
	tp_mode = mode;
	/* The values are all zero: the base becomes ref, at the counter's now. */
	tp_rebase_locked(tp_nominal, ref, (int64_t)(hal_clock_realtime() - ref));
	fw_spin_unlock(&tp_lock);
	atomic_store(&tp_next, ref + TP_PERIOD);
}

/* One update: a new base at now, mult bent towards the reference. */
static void
tp_update_locked(void) FW_REQUIRES(&tp_lock)
{
	uint64_t c = hal_cycles(), ref = hal_clock_monotonic(), est, mult;
	uint64_t step = 0;
	int64_t err;

	est = tp_at(c, atomic_load(&tp.mult), atomic_load(&tp.cycle_base),
	    atomic_load(&tp.mono_base));
	if (c > cal_cycles)
		tp_nominal = tp_muldiv(ref - cal_ref, 1ULL << TP_SHIFT,
		    c - cal_cycles);
	err = (int64_t)(ref - est);
	if (err > TP_STEP) {
		step = (uint64_t)err;		/* far behind: jump forward */
		err = 0;
	}
	err = err > TP_SLEW_MAX ? TP_SLEW_MAX :
	    err < -TP_SLEW_MAX ? -TP_SLEW_MAX : err;
	mult = tp_muldiv(tp_nominal, (uint64_t)((int64_t)TP_NS + err), TP_NS);
	tp_rebase_locked(mult, step, (int64_t)(hal_clock_realtime() - ref));
}

void
fw_timepage_tick(uint64_t now)
{
	if (tp_mode == FW_TIMEPAGE_NONE || now < atomic_load(&tp_next) ||
	    !fw_spin_trylock(&tp_lock))
		return;
	if (now >= atomic_load(&tp_next)) {
		tp_update_locked();
		atomic_store(&tp_next, now + TP_PERIOD);
	}
	fw_spin_unlock(&tp_lock);
}
