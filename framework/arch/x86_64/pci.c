/*
 * arch/x86_64/pci.c: the PCI functions the kernel serves (pci.h).  It walks
 * the first bus and the buses behind its bridges through ECAM where ACPI's
 * MCFG gives it (q35), else configuration mechanism #1 (ports 0xcf8/0xcfc,
 * which every PC chipset has; its 256 bytes are all a virtio device
 * needs), keeps the BAR addresses the firmware
 * assigned, and lists each function with MSI-X whose table it reaches:
 * every table entry raises the function's line as vector VEC_DEVICE +
 * line at this CPU, memory decoding and bus mastering on, INTx off.  The
 * interrupt marks the line; x86_pci_poll() hands marked lines to the core.
 * Boot CPU only, before the core starts; the pending mask is atomic.
 */
#include <fw/irq.h>
#include <fw/log.h>
#include <hal/dev.h>
#include <stdatomic.h>
#include <string.h>

#include "arch/x86_64/acpi.h"
#include "arch/x86_64/kmap.h"
#include "arch/x86_64/pci.h"
#include "arch/x86_64/serial.h"
#include "arch/x86_64/timer.h"
#include "arch/x86_64/trap.h"
#include "arch/x86_64/x86.h"

#define CFG_ADDR	0xcf8
#define CFG_DATA	0xcfc

#define PCI_COMMAND	0x04
#define CMD_MEMORY	(1u << 1)
#define CMD_MASTER	(1u << 2)
#define CMD_INTX_OFF	(1u << 10)
#define PCI_STATUS_CAPS	(1u << 4)	/* in the status word, 0x06 */
#define PCI_HEADER	0x0e
#define PCI_BAR0	0x10
#define PCI_SECONDARY	0x19		/* a bridge's bus behind it */
#define PCI_SUBSYSTEM	0x2e
#define PCI_CAPS	0x34
#define CAP_MSIX	0x11

#define MSIX_ENABLE	(1u << 15)
#define MSIX_MASKALL	(1u << 14)
#define MSI_ADDR	0xfee00000u

static struct fw_boot_dev_impl devs[X86_PCI_MAX];
static char names[X86_PCI_MAX][16];
static size_t ndevs;
static atomic_uint_least64_t pending;		/* lines raised, a bit each */
static bool bus_seen[256];
static volatile uint8_t *ecam;		/* NULL: configuration ports */
static uint64_t ecam_pa;
static uint32_t ecam_first, ecam_last;

static uint32_t
cfg_addr(uint32_t bdf, unsigned int off)
{
	return 0x80000000u | bdf << 8 | (off & 0xfcu);
}

/* The dword holding off in bdf's ECAM space, or NULL (the ports then). */
static volatile uint32_t *
ecam_at(uint32_t bdf, unsigned int off)
{
	uint32_t bus = bdf >> 8;

	if (ecam == NULL || bus < ecam_first || bus > ecam_last)
		return NULL;
	return (volatile uint32_t *)(ecam + ((bdf - (ecam_first << 8)) << 12 |
	    (off & 0xffcu)));
}

uint32_t
hal_pci_read(uint32_t bdf, unsigned int off, unsigned int size)
{
	volatile uint32_t *e = ecam_at(bdf, off);
	uint32_t v;

	if (e != NULL)
		v = *e;
	else {
		outl(CFG_ADDR, cfg_addr(bdf, off));
		v = inl(CFG_DATA);
	}
	v >>= (off & 3) * 8;
	return size == 4 ? v : v & ((1u << size * 8) - 1);
}

static void
cfg_write32(uint32_t bdf, unsigned int off, uint32_t v)
{
	volatile uint32_t *e = ecam_at(bdf, off);

	if (e != NULL) {
		*e = v;
		return;
	}
	outl(CFG_ADDR, cfg_addr(bdf, off));
	outl(CFG_DATA, v);
}

/*
 * ECAM (PCIe's memory-mapped configuration, ACPI's MCFG): segment 0's
 * window, if the linear map holds it.  Entries follow the header and 8
 * reserved bytes: base (8), segment (2), first and last bus (1 each).
 */
static void
ecam_init(void)
{
	size_t len, off;
	const uint8_t *t = x86_acpi_table("MCFG", &len);
	uint64_t base;

	for (off = ACPI_HEADER + 8; t != NULL && off + 16 <= len; off += 16) {
		memcpy(&base, t + off, 8);
		if (t[off + 8] != 0 || t[off + 9] != 0 ||
		    t[off + 11] < t[off + 10])
			continue;
		ecam = x86_phys(base + ((uint64_t)t[off + 10] << 20),
		    (uint64_t)(t[off + 11] - t[off + 10] + 1) << 20);
		if (ecam != NULL) {
			ecam_pa = base + ((uint64_t)t[off + 10] << 20);
			ecam_first = t[off + 10];
			ecam_last = t[off + 11];
			return;
		}
	}
}

static void
cfg_write16(uint32_t bdf, unsigned int off, uint16_t v)
{
	uint32_t w = hal_pci_read(bdf, off & 0xfcu, 4);
	unsigned int shift = (off & 2) * 8;

	w = (w & ~(0xffffu << shift)) | (uint32_t)v << shift;
	cfg_write32(bdf, off & 0xfcu, w);
}

/* A capability's offset, or 0. */
static unsigned int
find_cap(uint32_t bdf, uint8_t id)
{
	unsigned int off, hops;

	if (!(hal_pci_read(bdf, 0x06, 2) & PCI_STATUS_CAPS))
		return 0;
	off = hal_pci_read(bdf, PCI_CAPS, 1) & 0xfcu;
	for (hops = 0; off >= 0x40 && hops < 48; hops++) {
		if (hal_pci_read(bdf, off, 1) == id)
			return off;
		off = hal_pci_read(bdf, off + 1, 1) & 0xfcu;
	}
	return 0;
}

/*
 * The memory BARs as the firmware left them.  Sizing writes all ones,
 * so decoding is off meanwhile.  A BAR the linear map does not reach is
 * left out.
 */
static void
read_bars(uint32_t bdf, struct fw_boot_pci *p)
{
	uint16_t cmd = (uint16_t)hal_pci_read(bdf, PCI_COMMAND, 2);
	unsigned int i, off;
	uint64_t pa, mask;
	uint32_t lo, hi;
	bool wide;

	cfg_write16(bdf, PCI_COMMAND, cmd & (uint16_t)~CMD_MEMORY);
	for (i = 0; i < FW_PCI_BARS; i++) {
		off = PCI_BAR0 + 4 * i;
		lo = hal_pci_read(bdf, off, 4);
		if (lo & 1)
			continue;			/* I/O space */
		wide = (lo & 6) == 4 && i + 1 < FW_PCI_BARS;
		hi = wide ? hal_pci_read(bdf, off + 4, 4) : 0;
		cfg_write32(bdf, off, ~0u);
		mask = hal_pci_read(bdf, off, 4) & ~0xfull;
		cfg_write32(bdf, off, lo);
		if (wide) {
			cfg_write32(bdf, off + 4, ~0u);
			mask |= (uint64_t)hal_pci_read(bdf, off + 4, 4) << 32;
			cfg_write32(bdf, off + 4, hi);
		} else
			mask |= 0xffffffff00000000ull;
		pa = ((uint64_t)hi << 32 | lo) & ~0xfull;
		if (mask != 0xfffffffffffffff0ull && mask != 0 && pa != 0 &&
		    x86_phys(pa, ~mask + 1) != NULL) {
			p->bar_pa[i] = pa;
			p->bar_size[i] = ~mask + 1;
		}
		if (wide)
			i++;
	}
	cfg_write16(bdf, PCI_COMMAND, cmd);
}

/* Routes every MSI-X entry to line's vector and turns MSI-X on. */
static bool
msix_route(uint32_t bdf, struct fw_boot_pci *p, unsigned int cap,
    unsigned int line)
{
	uint16_t ctl = (uint16_t)hal_pci_read(bdf, cap + 2, 2);
	uint32_t table = hal_pci_read(bdf, cap + 4, 4);
	unsigned int bir = table & 7, n = (ctl & 0x7ffu) + 1, i;
	uint64_t at = table & ~7u;
	volatile uint32_t *e;

	if (bir >= FW_PCI_BARS || p->bar_size[bir] < at + 16ull * n)
		return false;
	e = x86_phys(p->bar_pa[bir] + at, 16ull * n);
	if (e == NULL)
		return false;
	for (i = 0; i < n; i++, e += 4) {
		e[0] = MSI_ADDR | x86_lapic_id() << 12;
		e[1] = 0;
		e[2] = VEC_DEVICE + line;		/* fixed, edge */
		e[3] = 0;				/* unmasked */
	}
	p->msix_count = n;
	cfg_write16(bdf, PCI_COMMAND, (uint16_t)(hal_pci_read(bdf,
	    PCI_COMMAND, 2) | CMD_MEMORY | CMD_MASTER | CMD_INTX_OFF));
	cfg_write16(bdf, cap + 2, (uint16_t)((ctl | MSIX_ENABLE) &
	    ~MSIX_MASKALL));
	return true;
}

static void
irq(unsigned int vector)
{
	atomic_fetch_or(&pending, 1ull << (vector - VEC_DEVICE));
	x86_lapic_eoi();
}

/* "pci BB:DD.F", as lspci names it. */
static void
name_bdf(char *s, uint32_t bdf)
{
	static const char hex[] = "0123456789abcdef";

	memcpy(s, "pci BB:DD.F", 12);
	s[4] = hex[bdf >> 12 & 15];
	s[5] = hex[bdf >> 8 & 15];
	s[7] = hex[bdf >> 7 & 1];
	s[8] = hex[bdf >> 3 & 15];
	s[10] = hex[bdf & 7];
}

static void
add_function(uint32_t bdf)
{
	struct fw_boot_dev_impl *d = &devs[ndevs];
	unsigned int cap = find_cap(bdf, CAP_MSIX), line = (unsigned int)ndevs;

	if (cap == 0 || ndevs == X86_PCI_MAX || line >= FW_IRQ_LINES)
		return;
	memset(d, 0, sizeof(*d));
	read_bars(bdf, &d->pci);
	if (!msix_route(bdf, &d->pci, cap, line))
		return;
	d->pci.bdf = bdf;
	d->pub.type = FW_DEV_PCI;
	d->pub.irq = line;
	d->pub.vendor = (uint16_t)hal_pci_read(bdf, 0, 2);
	d->pub.device = (uint16_t)hal_pci_read(bdf, 2, 2);
	d->pub.subsystem = (uint16_t)hal_pci_read(bdf, PCI_SUBSYSTEM, 2);
	name_bdf(names[ndevs], bdf);
	d->pub.name = names[ndevs];
	x86_irq_set(VEC_DEVICE + line, irq);
	ndevs++;
}

static void
scan_bus(unsigned int bus)
{
	unsigned int dev, fn, nfn;
	uint32_t bdf;
	uint8_t hdr;

	if (bus_seen[bus])
		return;
	bus_seen[bus] = true;
	for (dev = 0; dev < 32; dev++) {
		nfn = 1;
		for (fn = 0; fn < nfn; fn++) {
			bdf = bus << 8 | dev << 3 | fn;
			if (hal_pci_read(bdf, 0, 2) == 0xffff)
				continue;
			hdr = (uint8_t)hal_pci_read(bdf, PCI_HEADER, 1);
			if (fn == 0 && (hdr & 0x80))
				nfn = 8;		/* multi-function */
			if ((hdr & 0x7f) == 1)
				scan_bus(hal_pci_read(bdf, PCI_SECONDARY, 1));
			else if ((hdr & 0x7f) == 0)
				add_function(bdf);
		}
	}
}

size_t
x86_pci_init(const struct fw_boot_dev_impl **out)
{
	ecam_init();
	if (ecam != NULL)
		x86_say("pci: ECAM at %#llx, buses %u-%u",
		    (unsigned long long)ecam_pa, ecam_first, ecam_last);
	scan_bus(ecam != NULL ? ecam_first : 0);
	*out = devs;
	return ndevs;
}

void
x86_pci_poll(void)
{
	uint64_t lines = atomic_exchange(&pending, 0);

	while (lines != 0) {
		fw_irq_dispatch((unsigned int)__builtin_ctzll(lines));
		lines &= lines - 1;
	}
}
