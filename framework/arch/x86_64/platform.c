/*
 * arch/x86_64/platform.c: the rest of hal/platform.h (the log on the
 * serial console, entropy, power-off), device registers (hal/dev.h) and
 * the stack protector's failure.
 *
 * Entropy is RDRAND's.  A CPU without it (QEMU's qemu64 model) gets a
 * xorshift generator seeded from the TSC, which is no secret: the kernel
 * says so once at boot.
 *
 * Power-off prints "TRELLIS-EXIT <status>" last, then writes the status to
 * QEMU's isa-debug-exit port (0xf4; QEMU exits with 2*status+1), then
 * tries QEMU q35's ACPI S5 (0x2000 to PM1a_CNT at 0x604), then halts.
 */
#include <fw/log.h>
#include <fw/panic.h>
#include <hal/dev.h>
#include <hal/platform.h>
#include <string.h>

#include "arch/x86_64/kmap.h"
#include "arch/x86_64/serial.h"
#include "arch/x86_64/x86.h"

#define DEBUG_EXIT_PORT	0xf4
#define PM1A_CNT	0x604
#define SLP_S5		0x2000

void
hal_log_write(const char *s, size_t len)
{
	x86_serial_write(s, len);
	if (len == 0 || s[len - 1] != '\n')
		x86_serial_write("\n", 1);
}

void
hal_trace_write(const char *s, size_t len)
{
	hal_log_write(s, len);
}

void
hal_power_off(int status)
{
	char line[32];
	int n = fw_snprintf(line, sizeof(line), "TRELLIS-EXIT %d\n", status);

	x86_serial_write(line, (size_t)n);
	outb(DEBUG_EXIT_PORT, (uint8_t)status);
	outw(PM1A_CNT, SLP_S5);
	halt_forever();
	__builtin_unreachable();
}


static bool
rdrand(uint64_t *v)
{
	unsigned char ok;

	for (int i = 0; i < 10; i++) {
		__asm__ volatile("rdrand %0; setc %1" : "=r"(*v), "=qm"(ok));
		if (ok)
			return true;
	}
	return false;
}

void
hal_random_bytes(void *buf, size_t len)
{
	static int has_rdrand = -1;
	static uint64_t weak;
	unsigned char *p = buf;
	uint32_t r[4];
	uint64_t v;

	if (has_rdrand < 0) {
		cpuid(1, 0, r);
		has_rdrand = (r[2] & (1u << 30)) != 0;
		if (!has_rdrand)
			fw_log(FW_LOG_WARN, "random: no RDRAND; the TSC seeds "
			    "a predictable generator");
		weak = rdtsc() | 1;
	}
	while (len > 0) {
		size_t n = len < sizeof(v) ? len : sizeof(v);

		if (!has_rdrand || !rdrand(&v)) {
			weak ^= weak << 13;
			weak ^= weak >> 7;
			weak ^= weak << 17;
			v = weak ^ rdtsc();
		}
		memcpy(p, &v, n);
		p += n;
		len -= n;
	}
}

/* A device register, through the linear map (uncached there). */
uint64_t
hal_mmio_read(uint64_t pa, unsigned int size)
{
	void *p = x86_phys(pa, size);

	if (p == NULL)
		fw_panic("mmio: %#llx is not mapped", (unsigned long long)pa);
	switch (size) {
	case 1:	return *(volatile uint8_t *)p;
	case 2:	return *(volatile uint16_t *)p;
	case 4:	return *(volatile uint32_t *)p;
	default: return *(volatile uint64_t *)p;
	}
}

void
hal_mmio_write(uint64_t pa, unsigned int size, uint64_t v)
{
	void *p = x86_phys(pa, size);

	if (p == NULL)
		fw_panic("mmio: %#llx is not mapped", (unsigned long long)pa);
	switch (size) {
	case 1:	*(volatile uint8_t *)p = (uint8_t)v; break;
	case 2:	*(volatile uint16_t *)p = (uint16_t)v; break;
	case 4:	*(volatile uint32_t *)p = (uint32_t)v; break;
	default: *(volatile uint64_t *)p = v; break;
	}
}

/* Called by -fstack-protector code whose guard was overwritten. */
/* NOLINTNEXTLINE(bugprone-reserved-identifier): the compiler's name */
FW_NORETURN void __stack_chk_fail(void);

/* NOLINTNEXTLINE(bugprone-reserved-identifier): the compiler's name */
void
__stack_chk_fail(void)
{
	fw_panic("stack protector: a stack was smashed");
}
