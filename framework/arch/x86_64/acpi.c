/*
 * arch/x86_64/acpi.c: the ACPI tables the kernel reads (acpi.h).  The RSDP
 * (ACPI 6.5 §5.2.5) is where PVH's start_info says, else on a 16-byte
 * boundary in the first KiB of the EBDA or in 0xe0000-0xfffff; revision 2
 * and later name the XSDT (64-bit entries), earlier ones the RSDT (32-bit).
 * A table whose checksum fails, or that leaves the linear map, is not
 * there.
 */
#include <string.h>

#include "arch/x86_64/acpi.h"
#include "arch/x86_64/kmap.h"

#define RSDP_V1_LEN	20
#define RSDP_V2_LEN	36

static const uint8_t *root;		/* the XSDT or RSDT */
static size_t root_len, entry_size;

static uint32_t
get32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24;
}

static uint64_t
get64(const uint8_t *p)
{
	return get32(p) | (uint64_t)get32(p + 4) << 32;
}

static bool
sums_to_zero(const uint8_t *p, size_t len)
{
	uint8_t sum = 0;

	while (len-- > 0)
		sum = (uint8_t)(sum + *p++);
	return sum == 0;
}

/* The RSDP at pa, checked, or NULL. */
static const uint8_t *
rsdp_at(uint64_t pa)
{
	const uint8_t *p = x86_phys(pa, RSDP_V2_LEN);

	if (p == NULL || memcmp(p, "RSD PTR ", 8) != 0 ||
	    !sums_to_zero(p, RSDP_V1_LEN))
		return NULL;
	if (p[15] >= 2 && !sums_to_zero(p, RSDP_V2_LEN))
		return NULL;
	return p;
}

static const uint8_t *
rsdp_scan(uint64_t from, uint64_t len)
{
	const uint8_t *p;

	for (uint64_t pa = from & ~15ull; pa + RSDP_V2_LEN <= from + len;
	    pa += 16)
		if ((p = rsdp_at(pa)) != NULL)
			return p;
	return NULL;
}

/* A system description table at pa, checked: its length, or 0. */
static size_t
table_at(uint64_t pa, const uint8_t **out)
{
	const uint8_t *h = x86_phys(pa, ACPI_HEADER), *t;
	uint32_t len;

	if (h == NULL || (len = get32(h + 4)) < ACPI_HEADER ||
	    (t = x86_phys(pa, len)) == NULL || !sums_to_zero(t, len))
		return 0;
	*out = t;
	return len;
}

void
x86_acpi_init(uint64_t rsdp_hint)
{
	const uint16_t *ebda_seg = x86_phys(0x40e, 2);
	const uint8_t *rsdp = rsdp_hint != 0 ? rsdp_at(rsdp_hint) : NULL;

	if (rsdp == NULL && ebda_seg != NULL && *ebda_seg != 0)
		rsdp = rsdp_scan((uint64_t)*ebda_seg << 4, 1024);
	if (rsdp == NULL)
		rsdp = rsdp_scan(0xe0000, 0x20000);
	if (rsdp == NULL)
		return;
	if (rsdp[15] >= 2 && get64(rsdp + 24) != 0 &&
	    (root_len = table_at(get64(rsdp + 24), &root)) != 0) {
		entry_size = 8;
		return;
	}
	if ((root_len = table_at(get32(rsdp + 16), &root)) != 0)
		entry_size = 4;
}

const uint8_t *
x86_acpi_table(const char *sig, size_t *len)
{
	const uint8_t *t;
	uint64_t pa;

	if (root == NULL)
		return NULL;
	for (size_t off = ACPI_HEADER; off + entry_size <= root_len;
	    off += entry_size) {
		pa = entry_size == 8 ? get64(root + off) : get32(root + off);
		if ((*len = table_at(pa, &t)) != 0 && memcmp(t, sig, 4) == 0)
			return t;
	}
	return NULL;
}
