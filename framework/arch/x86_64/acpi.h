/*
 * arch/x86_64/acpi.h: ACPI's tables, read-only: the RSDP (where the loader
 * says, else in the BIOS areas), then the XSDT or RSDT, each table checked
 * by its checksum.  Boot CPU, after x86_kmap_init(); no locks.
 */
#ifndef X86_ACPI_H
#define X86_ACPI_H

#include <stddef.h>
#include <stdint.h>

#define ACPI_HEADER	36	/* every system description table's */

/* Finds the root table (rsdp_hint: the loader's RSDP address, or 0). */
void		 x86_acpi_init(uint64_t rsdp_hint);
/* The first table with signature sig ("MCFG", "APIC"), its length in *len;
 * NULL if there is none. */
const uint8_t	*x86_acpi_table(const char *sig, size_t *len);

#endif
