/*
 * arch/x86_64/ioapic.h: the IOAPICs ACPI's MADT lists, which route the
 * legacy ISA interrupts (the UART's) to this CPU.  Boot CPU, after
 * x86_acpi_init() and x86_timer_init(); no locks.
 */
#ifndef X86_IOAPIC_H
#define X86_IOAPIC_H

#include <stdbool.h>

/* Finds the IOAPICs and masks every entry: false if ACPI lists none. */
bool	x86_ioapic_init(void);
/*
 * Routes ISA interrupt irq (through the MADT's source overrides, ISA's
 * edge and active-high otherwise) to vector at this CPU, unmasked: false if
 * no IOAPIC serves it.
 */
bool	x86_ioapic_route_isa(unsigned int irq, unsigned int vector);

#endif
