/*
 * arch/x86_64/platform.c: the parts of hal/platform.h and hal/phys.h the
 * kernel has so far: the log on the serial console, power-off, and the
 * boot map as the linear map of physical memory.
 *
 * Power-off prints "TRELLIS-EXIT <status>" last, then writes the status to
 * QEMU's isa-debug-exit port (0xf4; QEMU exits with 2*status+1), then
 * tries QEMU q35's ACPI S5 (0x2000 to PM1a_CNT at 0x604), then halts.
 */
#include <fw/log.h>
#include <hal/phys.h>
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

/* The boot map until the kernel's own tables exist, then the linear map. */
void *
hal_phys_ptr(uint64_t pa)
{
	return x86_phys(pa, 0);
}
