/*
 * core/cpu.c: what the CPUs offer user code (fw/cpu.h), read from the
 * backend.  Values are fixed after boot; no locks.
 */
#include <fw/cpu.h>
#include <hal/cpu.h>

/*
 * Linux's signal frame beyond the XSAVE area: the ucontext, siginfo and
 * the return address, about 1 KiB on x86-64 (arch/x86/kernel/signal.c,
 * get_sigframe_size()).
 */
#define SIGFRAME_EXTRA	1024

unsigned int
fw_cpu_id(void)
{
	return hal_cpu_id();
}

unsigned int
fw_cpu_count(void)
{
	return hal_cpu_count();
}

uint64_t
fw_cpu_hwcap(void)
{
	return hal_cpu_hwcap();
}

uint64_t
fw_cpu_hwcap2(void)
{
	return hal_cpu_hwcap2();
}

size_t
fw_cpu_xsave_size(void)
{
	return hal_cpu_xsave_size();
}

/*
 * AT_MINSIGSTKSZ: the XSAVE area plus the rest of a signal frame, rounded
 * up to 64 bytes as the XSAVE area's alignment requires.  Linux computes
 * the same sum (fpu_user_cfg.max_size plus the frame) at boot.
 */
size_t
fw_cpu_minsigstksz(void)
{
	return (hal_cpu_xsave_size() + SIGFRAME_EXTRA + 63) & ~(size_t)63;
}
