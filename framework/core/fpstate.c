/*
 * core/fpstate.c: a user thread's FP and vector state in the layout of
 * x86-64 Linux's signal frames (fw/user.h).  The backend hands over the
 * XSAVE area the thread's state is saved to and loaded from
 * (hal_uthread_xsave_area()); this file fills in the software bytes on the
 * way out and, on the way in, refuses what XRSTOR would fault on, as
 * Linux's sigreturn does (arch/x86/kernel/fpu/signal.c): the area is
 * untrusted, and a bad state must cost the guest a SIGSEGV, never the
 * backend its thread.
 *
 * Layout (Intel SDM vol. 1, 13.4): the legacy FXSAVE region (FCW at 0,
 * MXCSR at 24, MXCSR_MASK at 28, software bytes at 464..511), then the
 * XSAVE header at 512 (XSTATE_BV, XCOMP_BV, 48 reserved bytes), then the
 * extended components.  No locks: the caller runs the thread.
 */
#include <fw/errno.h>
#include <fw/string.h>
#include <fw/user.h>
#include <hal/cpu.h>
#include <hal/user.h>

#define FX_FCW		0
#define FX_MXCSR	24
#define HDR_OFF		512
#define HDR_XSTATE_BV	512
#define HDR_XCOMP_BV	520
#define HDR_RSVD	528
#define HDR_END		576
#define SW_MAGIC1	(FW_FPSTATE_SW_OFF + 0)
#define SW_EXT_SIZE	(FW_FPSTATE_SW_OFF + 4)
#define SW_XFEATURES	(FW_FPSTATE_SW_OFF + 8)
#define SW_XSTATE_SIZE	(FW_FPSTATE_SW_OFF + 16)
#define SW_END		HDR_OFF
#define MAGIC2_SIZE	4
#define FEAT_FP_SSE	3u		/* x87 and SSE: what FXSAVE holds */
#define FCW_INIT	0x037f
#define MXCSR_INIT	0x1f80

static uint32_t
rd32(const uint8_t *p)
{
	uint32_t v;

	memcpy(&v, p, sizeof(v));
	return v;
}

static uint64_t
rd64(const uint8_t *p)
{
	uint64_t v;

	memcpy(&v, p, sizeof(v));
	return v;
}

static void
wr32(uint8_t *p, uint32_t v)
{
	memcpy(p, &v, sizeof(v));
}

static void
wr64(uint8_t *p, uint64_t v)
{
	memcpy(p, &v, sizeof(v));
}

size_t
fw_fpstate_size(void)
{
	return hal_cpu_xsave_size() + MAGIC2_SIZE;
}

int
fw_uthread_fpstate_get(struct fw_uthread *t, uint8_t *buf, size_t len)
{
	size_t n = hal_cpu_xsave_size();
	const uint8_t *a;

	if (len < n + MAGIC2_SIZE)
		return -EINVAL;
	if ((a = hal_uthread_xsave_area(t)) == NULL)
		return -EIO;
	memcpy(buf, a, n);
	memset(buf + FW_FPSTATE_SW_OFF, 0, SW_END - FW_FPSTATE_SW_OFF);
	wr32(buf + SW_MAGIC1, FW_FP_XSTATE_MAGIC1);
	wr32(buf + SW_EXT_SIZE, (uint32_t)(n + MAGIC2_SIZE));
	wr64(buf + SW_XFEATURES, hal_cpu_xfeatures());
	wr32(buf + SW_XSTATE_SIZE, (uint32_t)n);
	wr32(buf + n, FW_FP_XSTATE_MAGIC2);
	return 0;
}

/*
 * Whether buf's software bytes describe a full XSAVE image of this CPU's
 * size; Linux takes only the FXSAVE part of anything else.
 */
static bool
fpstate_has_xstate(const uint8_t *buf, size_t n)
{
	return rd32(buf + SW_MAGIC1) == FW_FP_XSTATE_MAGIC1 &&
	    rd32(buf + SW_XSTATE_SIZE) == n &&
	    rd32(buf + SW_EXT_SIZE) == n + MAGIC2_SIZE &&
	    rd32(buf + n) == FW_FP_XSTATE_MAGIC2;
}

/* The checks XRSTOR makes of a standard-format header (SDM 13.8). */
static bool
fpstate_header_ok(const uint8_t *buf, uint64_t xfeatures)
{
	size_t i;

	if (rd64(buf + HDR_XCOMP_BV) != 0 ||
	    (rd64(buf + HDR_XSTATE_BV) & ~xfeatures) != 0)
		return false;
	for (i = HDR_RSVD; i < HDR_END; i++)
		if (buf[i] != 0)
			return false;
	return true;
}

int
fw_uthread_fpstate_set(struct fw_uthread *t, const uint8_t *buf, size_t len)
{
	size_t n = hal_cpu_xsave_size();
	uint64_t xfeatures = hal_cpu_xfeatures(), user;
	bool full;
	uint8_t *a;

	if (len < n + MAGIC2_SIZE)
		return -EINVAL;
	if ((rd32(buf + FX_MXCSR) & ~hal_cpu_mxcsr_mask()) != 0)
		return -EINVAL;
	full = n > HDR_OFF && fpstate_has_xstate(buf, n);
	if (full && !fpstate_header_ok(buf, xfeatures))
		return -EINVAL;
	if ((a = hal_uthread_xsave_area(t)) == NULL)
		return -EIO;
	/* The legacy region, but the backend's own software bytes. */
	memcpy(a, buf, FW_FPSTATE_SW_OFF);
	if (n <= HDR_OFF)
		return 0;
	memset(a + HDR_OFF, 0, HDR_END - HDR_OFF);
	if (full) {
		/* Components the frame does not claim start afresh. */
		user = rd64(buf + SW_XFEATURES) & xfeatures;
		memcpy(a + HDR_END, buf + HDR_END, n - HDR_END);
		wr64(a + HDR_XSTATE_BV, rd64(buf + HDR_XSTATE_BV) & user);
	} else {
		wr64(a + HDR_XSTATE_BV, FEAT_FP_SSE & xfeatures);
	}
	return 0;
}

int
fw_uthread_fpstate_reset(struct fw_uthread *t)
{
	size_t n = hal_cpu_xsave_size();
	uint8_t *a;

	if ((a = hal_uthread_xsave_area(t)) == NULL)
		return -EIO;
	memset(a, 0, FW_FPSTATE_SW_OFF);
	a[FX_FCW] = FCW_INIT & 0xff;
	a[FX_FCW + 1] = FCW_INIT >> 8;
	wr32(a + FX_MXCSR, MXCSR_INIT);
	if (n > HDR_OFF)
		memset(a + HDR_OFF, 0, HDR_END - HDR_OFF);
	return 0;
}
