/*
 * arch/x86_64/ioapic.c: the IOAPICs (ioapic.h), from ACPI's MADT (ACPI 6.5
 * §5.2.12: after the header, the local APIC's address and flags, entries
 * of type, length: 1 an IOAPIC (id, address, first GSI), 2 an interrupt
 * source override (bus, ISA source, GSI, MPS flags)).  An IOAPIC's
 * registers go through its select (0x00) and window (0x10) registers;
 * redirection entry n is registers 0x10 + 2n (vector, polarity bit 13,
 * level bit 15, mask bit 16) and 0x11 + 2n (destination APIC ID in bits
 * 24-31).
 */
#include <string.h>

#include "arch/x86_64/acpi.h"
#include "arch/x86_64/ioapic.h"
#include "arch/x86_64/kmap.h"
#include "arch/x86_64/timer.h"

#define MAX_IOAPICS	8
#define IOREGSEL	0
#define IOWIN		4		/* in 32-bit words */
#define REG_VERSION	0x01
#define REG_REDIR	0x10
#define RED_LOW		(1u << 13)
#define RED_LEVEL	(1u << 15)
#define RED_MASKED	(1u << 16)

static struct ioapic {
	volatile uint32_t	*regs;
	uint32_t		 gsi_base, count;
} ioapics[MAX_IOAPICS];
static unsigned int nioapics;
static const uint8_t *madt;
static size_t madt_len;

static uint32_t
rd(const struct ioapic *a, uint32_t reg)
{
	a->regs[IOREGSEL] = reg;
	return a->regs[IOWIN];
}

static void
wr(const struct ioapic *a, uint32_t reg, uint32_t v)
{
	a->regs[IOREGSEL] = reg;
	a->regs[IOWIN] = v;
}

static uint32_t
get32(const uint8_t *p)
{
	uint32_t v;

	memcpy(&v, p, 4);
	return v;
}

/* The MADT's entries of one type, in turn: *off 0 to start; NULL at end. */
static const uint8_t *
madt_next(uint8_t type, size_t *off)
{
	const uint8_t *e;

	if (*off == 0)
		*off = ACPI_HEADER + 8;
	while (*off + 2 <= madt_len) {
		e = madt + *off;
		if (e[1] < 2 || *off + e[1] > madt_len)
			return NULL;
		*off += e[1];
		if (e[0] == type)
			return e;
	}
	return NULL;
}

bool
x86_ioapic_init(void)
{
	const uint8_t *e;
	struct ioapic *a;
	size_t off = 0;

	if ((madt = x86_acpi_table("APIC", &madt_len)) == NULL)
		return false;
	while ((e = madt_next(1, &off)) != NULL && nioapics < MAX_IOAPICS) {
		if (e[1] < 12)
			continue;
		a = &ioapics[nioapics];
		a->regs = x86_phys(get32(e + 4), 0x20);
		if (a->regs == NULL)
			continue;
		a->gsi_base = get32(e + 8);
		a->count = (rd(a, REG_VERSION) >> 16 & 0xff) + 1;
		for (uint32_t i = 0; i < a->count; i++)
			wr(a, REG_REDIR + 2 * i, RED_MASKED);
		nioapics++;
	}
	return nioapics > 0;
}

bool
x86_ioapic_route_isa(unsigned int irq, unsigned int vector)
{
	uint32_t gsi = irq, low = vector, flags = 0;
	const uint8_t *e;
	size_t off = 0;

	while ((e = madt_next(2, &off)) != NULL)
		if (e[1] >= 10 && e[2] == 0 && e[3] == irq) {
			gsi = get32(e + 4);
			flags = (uint32_t)e[8] | (uint32_t)e[9] << 8;
		}
	if ((flags & 3) == 3)
		low |= RED_LOW;
	if ((flags >> 2 & 3) == 3)
		low |= RED_LEVEL;
	for (unsigned int i = 0; i < nioapics; i++) {
		const struct ioapic *a = &ioapics[i];

		if (gsi < a->gsi_base || gsi - a->gsi_base >= a->count)
			continue;
		wr(a, REG_REDIR + 2 * (gsi - a->gsi_base) + 1,
		    x86_lapic_id() << 24);
		wr(a, REG_REDIR + 2 * (gsi - a->gsi_base), low);
		return true;
	}
	return false;
}
