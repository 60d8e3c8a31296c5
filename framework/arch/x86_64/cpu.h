/*
 * arch/x86_64/cpu.h: the CPU's features and its FP/vector unit on bare
 * metal.  x86_cpu_init() enables SSE and, where the CPU has it, XSAVE with
 * the x87, SSE and AVX components (XCR0), the SYSCALL instruction (STAR,
 * LSTAR, FMASK) and SMEP; the kernel itself never touches FP registers
 * (-mgeneral-regs-only), so they hold some user thread's state.  Boot CPU
 * only so far.
 */
#ifndef X86_CPU_H
#define X86_CPU_H

#include <stdbool.h>
#include <stdint.h>

void	x86_cpu_init(void);
/* Saves the FP/vector registers to area (hal_cpu_xsave_size() bytes,
 * 64-byte aligned), or loads them from it. */
void	x86_fpu_save(uint8_t *area);
void	x86_fpu_load(const uint8_t *area);
/* Writes an initial state (FCW 0x37f, MXCSR 0x1f80, nothing else) to area. */
void	x86_fpu_init_area(uint8_t *area);

#endif
