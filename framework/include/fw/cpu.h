/*
 * fw/cpu.h: CPUs and what they offer user code.  Values are fixed after
 * boot; every function may be called from any context.
 */
#ifndef FW_CPU_H
#define FW_CPU_H

#include <fw/types.h>

unsigned int	fw_cpu_id(void);	/* the CPU running the caller */
unsigned int	fw_cpu_count(void);	/* CPUs in the machine, fixed at boot */
/* AT_HWCAP and AT_HWCAP2 for user programs (CPUID.1:EDX on x86-64). */
uint64_t	fw_cpu_hwcap(void);
uint64_t	fw_cpu_hwcap2(void);
/*
 * Bytes of the XSAVE area user threads use, and AT_MINSIGSTKSZ: final once
 * the first user thread exists (the backend may learn them from it).
 */
size_t		fw_cpu_xsave_size(void);
size_t		fw_cpu_minsigstksz(void);

#endif
