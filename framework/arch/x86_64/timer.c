/*
 * arch/x86_64/timer.c: the PIT, the TSC clock and the local APIC timer
 * (timer.h).
 *
 * Calibration runs PIT channel 2 (1193182 Hz, gated by port 0x61 bit 0,
 * its output read at bit 5) in mode 0 for windows of 10 ms, reading the TSC
 * and the APIC timer's count (divide by 1) at both ends.  The first window
 * is thrown away (it reads high under QEMU) and the median of the next
 * five is kept.
 *
 * The APIC (xAPIC, in MMIO at the address MSR 0x1b gives) then ticks at
 * TICK_HZ on VEC_TIMER.  The 8259 PICs are masked: nothing uses them.
 */
#include <fw/panic.h>
#include <fw/timepage.h>
#include <hal/platform.h>

#include "arch/x86_64/kmap.h"
#include "arch/x86_64/timer.h"
#include "arch/x86_64/trap.h"
#include "arch/x86_64/x86.h"

#define PIT_HZ		1193182ull
#define PIT_CH2		0x42
#define PIT_CMD		0x43
#define PIT_GATE	0x61
#define GATE_ON		0x01
#define SPEAKER		0x02
#define OUT2		0x20
#define WINDOWS		6

#define APIC_EN		(1ull << 11)
#define LAPIC_ID	0x020
#define LAPIC_EOI	0x0b0
#define LAPIC_SVR	0x0f0
#define LAPIC_ICR_LO	0x300
#define LAPIC_ICR_HI	0x310
#define ICR_PENDING	(1u << 12)
#define LAPIC_LVT_TIMER	0x320
#define LAPIC_INIT	0x380
#define LAPIC_COUNT	0x390
#define LAPIC_DIVIDE	0x3e0
#define LVT_MASKED	(1u << 16)
#define LVT_PERIODIC	(1u << 17)

static volatile uint32_t *lapic;
static uint64_t tsc_hz, lapic_hz, tsc0, mult;	/* ns = tsc * mult >> 32 */
static uint64_t boot_realtime;			/* ns since 1970 at tsc0 */
static bool tsc_invariant;
static volatile uint64_t ticks;

static uint32_t
lapic_read(unsigned int reg)
{
	return lapic[reg / 4];
}

static void
lapic_write(unsigned int reg, uint32_t v)
{
	lapic[reg / 4] = v;
}

/* Starts PIT channel 2 counting down from count, its output low. */
static void
pit_start(uint16_t count)
{
	uint8_t g = (inb(PIT_GATE) & (uint8_t)~SPEAKER) & (uint8_t)~GATE_ON;

	outb(PIT_GATE, g);
	outb(PIT_CMD, 0xb0);		/* channel 2, low then high, mode 0 */
	outb(PIT_CH2, (uint8_t)count);
	outb(PIT_CH2, (uint8_t)(count >> 8));
	outb(PIT_GATE, g | GATE_ON);
}

static void
pit_wait_out(void)
{
	while (!(inb(PIT_GATE) & OUT2))
		;
}

void
x86_pit_wait(uint64_t ns)
{
	while (ns > 0) {
		uint64_t step = ns > 50000000 ? 50000000 : ns;

		pit_start((uint16_t)(PIT_HZ * step / 1000000000));
		pit_wait_out();
		ns -= step;
	}
}

static void
sort(uint64_t *v, int n)
{
	for (int i = 1; i < n; i++)
		for (int j = i; j > 0 && v[j - 1] > v[j]; j--) {
			uint64_t t = v[j];

			v[j] = v[j - 1];
			v[j - 1] = t;
		}
}

static void
calibrate(void)
{
	const uint64_t window = PIT_HZ / 100;		/* 10 ms */
	uint64_t tsc[WINDOWS], apic[WINDOWS];

	lapic_write(LAPIC_DIVIDE, 0xb);			/* divide by 1 */
	lapic_write(LAPIC_LVT_TIMER, LVT_MASKED | VEC_TIMER);
	for (int i = 0; i < WINDOWS; i++) {
		uint64_t t;
		uint32_t c;

		lapic_write(LAPIC_INIT, 0xffffffffu);
		pit_start((uint16_t)window);
		t = rdtsc();
		c = lapic_read(LAPIC_COUNT);
		pit_wait_out();
		tsc[i] = (rdtsc() - t) * PIT_HZ / window;
		apic[i] = (uint64_t)(c - lapic_read(LAPIC_COUNT)) * PIT_HZ /
		    window;
	}
	sort(tsc + 1, WINDOWS - 1);
	sort(apic + 1, WINDOWS - 1);
	tsc_hz = tsc[1 + (WINDOWS - 1) / 2];
	lapic_hz = apic[1 + (WINDOWS - 1) / 2];
	if (tsc_hz < 1000000 || lapic_hz < 1000)
		fw_panic("timer: calibration failed (TSC %llu, APIC %llu Hz)",
		    (unsigned long long)tsc_hz, (unsigned long long)lapic_hz);
}

static void
tick(unsigned int vector)
{
	(void)vector;
	ticks++;
	lapic_write(LAPIC_EOI, 0);
}

void
x86_lapic_eoi(void)
{
	lapic_write(LAPIC_EOI, 0);
}

void
x86_lapic_ipi(uint32_t apic_id, uint32_t icr)
{
	while (lapic_read(LAPIC_ICR_LO) & ICR_PENDING)
		__asm__ volatile("pause");
	lapic_write(LAPIC_ICR_HI, apic_id << 24);
	lapic_write(LAPIC_ICR_LO, icr);		/* this write sends it */
}

uint32_t
x86_lapic_id(void)
{
	return lapic_read(LAPIC_ID) >> 24;
}

void
x86_timer_init(void)
{
	uint64_t base = rdmsr(MSR_APIC_BASE);
	uint32_t r[4];

	outb(0x21, 0xff);			/* mask both 8259s */
	outb(0xa1, 0xff);
	wrmsr(MSR_APIC_BASE, base | APIC_EN);
	lapic = x86_phys(base & 0xfffff000u, 4096);
	if (lapic == NULL)
		fw_panic("timer: the local APIC at %#llx is not mapped",
		    (unsigned long long)(base & 0xfffff000u));
	lapic_write(LAPIC_SVR, 0x100 | VEC_SPURIOUS);
	calibrate();
	boot_realtime = x86_rtc_read_ns();
	tsc0 = rdtsc();
	mult = (1000000000ull << 32) / tsc_hz;
	cpuid(0x80000007, 0, r);
	tsc_invariant = (r[3] & (1u << 8)) != 0;
	x86_irq_set(VEC_TIMER, tick);
	lapic_write(LAPIC_INIT, (uint32_t)(lapic_hz / TICK_HZ));
	lapic_write(LAPIC_LVT_TIMER, LVT_PERIODIC | VEC_TIMER);
}

uint64_t
x86_tsc_hz(void)
{
	return tsc_hz;
}

uint64_t
x86_lapic_timer_hz(void)
{
	return lapic_hz;
}

uint64_t
x86_ticks(void)
{
	return ticks;
}

uint64_t
hal_clock_monotonic(void)
{
	return (uint64_t)(((unsigned __int128)(rdtsc() - tsc0) * mult) >> 32);
}

uint64_t
hal_clock_realtime(void)
{
	return boot_realtime + hal_clock_monotonic();
}

uint64_t
hal_cycles(void)
{
	return rdtsc();
}

/* The TSC serves user mode only when it is invariant (one CPU so far). */
unsigned int
hal_cycles_mode(void)
{
	return tsc_invariant ? FW_TIMEPAGE_TSC : FW_TIMEPAGE_NONE;
}
