/*
 * arch/x86_64/ktest.c: the kernel's self-tests (ktest.h).
 */
#include <hal/platform.h>
#include <string.h>

#include "arch/x86_64/extable.h"
#include "arch/x86_64/kmap.h"
#include "arch/x86_64/ktest.h"
#include "arch/x86_64/serial.h"
#include "arch/x86_64/timer.h"
#include "arch/x86_64/trap.h"
#include "arch/x86_64/x86.h"

/* An address in the kernel half that nothing maps. */
#define UNMAPPED	0xffffc00000000000ull
#define NONCANONICAL	0x8000000000000000ull

static int failures;

static void
check(bool ok, const char *what)
{
	x86_say("ktest: %s: %s", ok ? "ok" : "FAILED", what);
	failures += !ok;
}

static int
ktest_traps(void)
{
	static const uint64_t magic = 0x5452454c4c495321ull;
	uint64_t v = 0, bp = x86_trap_count(3);
	uint64_t pf = x86_trap_count(VEC_PF), gp = x86_trap_count(13);

	__asm__ volatile("int3");
	__asm__ volatile("int3");
	check(x86_trap_count(3) == bp + 2, "int3 twice, resumed twice");
	check(x86_probe_read64((uintptr_t)&magic, &v) == 0 && v == magic,
	    "a mapped read through the exception table");
	check(x86_probe_read64(UNMAPPED, &v) == -14 &&
	    x86_trap_count(VEC_PF) == pf + 1,
	    "an unmapped read: #PF fixed up to -EFAULT");
	check(x86_probe_read64(NONCANONICAL, &v) == -14 &&
	    x86_trap_count(13) == gp + 1,
	    "a non-canonical read: #GP fixed up to -EFAULT");
	check(x86_probe_read64(LINEAR_BASE + x86_kmap_linear_size(), &v) ==
	    -14, "the linear map ends where it says");
	check(x86_probe_write64((uintptr_t)&magic, 0) == -14 && magic != 0,
	    "a write to the image's read-only data: #PF fixed up");
	check(x86_probe_write64((uintptr_t)&v, 7) == 0 && v == 7,
	    "a write to the stack through the exception table");
	return 0;
}

static int
ktest_timer(void)
{
	uint64_t t0, t1, ticks0, ticks, ms;

	x86_say("ktest: TSC %llu Hz, APIC timer %llu Hz",
	    (unsigned long long)x86_tsc_hz(),
	    (unsigned long long)x86_lapic_timer_hz());
	t0 = hal_clock_monotonic();
	x86_pit_wait(100000000);
	t1 = hal_clock_monotonic();
	ms = (t1 - t0) / 1000000;
	x86_say("ktest: 100 ms of PIT took %llu.%03llu ms of TSC clock",
	    (unsigned long long)ms,
	    (unsigned long long)((t1 - t0) / 1000 % 1000));
	check(t1 - t0 >= 98000000 && t1 - t0 <= 102000000,
	    "the clock agrees with the PIT within 2%");

	ticks0 = x86_ticks();
	t0 = hal_clock_monotonic();
	while (hal_clock_monotonic() - t0 < 100000000)
		irq_wait();
	ticks = x86_ticks() - ticks0;
	x86_say("ktest: %llu ticks in 100 ms", (unsigned long long)ticks);
	check(ticks >= 1 && ticks <= 2 * TICK_HZ / 10 + 1,
	    "the tick wakes the waiting CPU, at no more than twice its rate");
	return 0;
}

static int
ktest_uart(void)
{
	uint64_t n0 = x86_trap_count(VEC_UART);
	int c = -1;

	while (x86_serial_getc() >= 0)
		;				/* input from before */
	x86_serial_loopback(true);
	x86_serial_write("Z", 1);
	for (int i = 0; i < 100 && x86_trap_count(VEC_UART) == n0; i++)
		irq_wait();			/* the tick ends a wait */
	c = x86_serial_getc();
	x86_serial_loopback(false);
	check(x86_trap_count(VEC_UART) > n0,
	    "the UART's receive interrupt came through the IOAPIC");
	check(c == 'Z', "the byte written in loopback was received");
	return 0;
}

static int
ktest_nmi(void)
{
	uint64_t n0 = x86_trap_count(VEC_NMI);

	/* An NMI is not masked by IF: it arrives in the loop. */
	x86_lapic_ipi(x86_lapic_id(), ICR_NMI);
	for (int i = 0; i < 10000000 && x86_trap_count(VEC_NMI) == n0; i++)
		__asm__ volatile("pause");
	check(x86_trap_count(VEC_NMI) == n0 + 1,
	    "an NMI sent to this CPU arrives once, and the kernel goes on");
	check(x86_ist_holds(VEC_NMI, x86_trap_last_frame(VEC_NMI)),
	    "the NMI ran on its own IST stack");
	check(!x86_ist_holds(VEC_PF, x86_trap_last_frame(VEC_NMI)),
	    "a #PF has no IST stack");
	return 0;
}

static int
ktest_fault(void)
{
	uint64_t v = *(volatile uint64_t *)UNMAPPED;

	x86_say("ktest: an unmapped read returned %#llx",
	    (unsigned long long)v);
	return 1;
}

int
x86_ktest(const char *name)
{
	static const struct {
		const char	*name;
		int		(*fn)(void);
	} tests[] = {
		{ "traps", ktest_traps },
		{ "timer", ktest_timer },
		{ "uart", ktest_uart },
		{ "nmi", ktest_nmi },
		{ "fault", ktest_fault },
	};

	for (size_t i = 0; i < sizeof(tests) / sizeof(tests[0]); i++) {
		if (strcmp(name, tests[i].name) == 0) {
			failures = 0;
			if (tests[i].fn() != 0)
				failures++;
			x86_say("ktest: %s: %d failed", name, failures);
			return failures;
		}
	}
	return -1;
}
