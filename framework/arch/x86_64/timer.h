/*
 * arch/x86_64/timer.h: time on the bare-metal kernel.  x86_timer_init()
 * measures the TSC and the local APIC timer against the PIT, then starts
 * the APIC timer as a periodic tick.  Time itself is read from the TSC
 * (hal_clock_monotonic()); the tick only wakes the CPU, and its count is
 * never a measure of time (under QEMU's TCG ticks come late or merge).
 * Boot CPU only so far.
 */
#ifndef X86_TIMER_H
#define X86_TIMER_H

#include <stdbool.h>
#include <stdint.h>

#define TICK_HZ		100

void		x86_timer_init(void);
uint64_t	x86_tsc_hz(void);
uint64_t	x86_lapic_timer_hz(void);
uint64_t	x86_ticks(void);
/* The local APIC: the end of an interrupt, and this CPU's APIC ID. */
void		x86_lapic_eoi(void);
uint32_t	x86_lapic_id(void);
/*
 * Sends an interprocessor interrupt to the CPU with APIC ID apic_id
 * (physical destination); icr is the ICR's low word: the vector, or a
 * delivery mode such as ICR_NMI.  Waits for the previous one to leave.
 */
#define ICR_NMI		0x4400u		/* delivery mode NMI, level assert */
void		x86_lapic_ipi(uint32_t apic_id, uint32_t icr);
/* The CMOS clock's time, in ns since 1970 (0 if it reads nonsense). */
uint64_t	x86_rtc_read_ns(void);
/* Busy-waits n ns on the PIT alone (a clock independent of the TSC). */
void		x86_pit_wait(uint64_t ns);

#endif
