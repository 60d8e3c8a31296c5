/*
 * core/iomem.c: device register windows (fw/iomem.h) over hal/dev.h.  A
 * handle names one window: a boot device's, or a PCI BAR's (core/pci.c);
 * every access is checked here, so the backend only ever sees offsets
 * inside that window.
 *
 * Locks: iomem_lock guards the open flags (one owner per window).
 */
#include <fw/alloc.h>
#include <fw/errno.h>
#include <fw/iomem.h>
#include <fw/panic.h>
#include <fw/spinlock.h>
#include <hal/dev.h>

#include "core/boot_impl.h"
#include "core/iomem_impl.h"

#define IOMEM_MAX_DEVS	64

struct fw_iomem {
	uint64_t	 pa, size;	/* [I] */
	const char	*name;		/* [I] */
	bool		*busy;		/* [iomem_lock] its owner's flag */
};

static struct fw_spinlock	iomem_lock;
static bool			iomem_busy[IOMEM_MAX_DEVS];	/* [iomem_lock] */

int
fw_iomem_window(uint64_t pa, uint64_t size, const char *name, bool *busy,
    struct fw_iomem **out)
{
	struct fw_iomem *io;
	bool was;

	if ((io = fw_alloc(sizeof(*io))) == NULL)
		return -ENOMEM;
	fw_spin_lock(&iomem_lock);
	was = *busy;
	*busy = true;
	fw_spin_unlock(&iomem_lock);
	if (was) {
		fw_free(io);
		return -EBUSY;
	}
	io->pa = pa;
	io->size = size;
	io->name = name;
	io->busy = busy;
	*out = io;
	return 0;
}

int
fw_iomem_open(size_t dev, struct fw_iomem **out)
{
	const struct fw_boot_dev_impl *d;

	if (dev >= fw_boot_params.ndevices || dev >= IOMEM_MAX_DEVS)
		return -ENOENT;
	d = &fw_boot_params.devices[dev];
	if (d->mmio_size == 0)
		return -ENODEV;
	return fw_iomem_window(d->mmio_pa, d->mmio_size, d->pub.name,
	    &iomem_busy[dev], out);
}

void
fw_iomem_close(struct fw_iomem *io)
{
	if (io == NULL)
		return;
	fw_spin_lock(&iomem_lock);
	*io->busy = false;
	fw_spin_unlock(&iomem_lock);
	fw_free(io);
}

size_t
fw_iomem_size(const struct fw_iomem *io)
{
	return (size_t)io->size;
}

/* The address of an access, or a panic naming the device. */
static uint64_t
iomem_pa(const struct fw_iomem *io, size_t off, unsigned int size)
{
	if (off >= io->size || size > io->size - off || off % size != 0)
		fw_panic("iomem: %s: bad %u-byte access at offset %#zx "
		    "(window %#llx bytes)", io->name, size, off,
		    (unsigned long long)io->size);
	return io->pa + off;
}

static uint64_t
iomem_read(struct fw_iomem *io, size_t off, unsigned int size)
{
	uint64_t pa = iomem_pa(io, off, size), v;

	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	v = hal_mmio_read(pa, size);
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	return v;
}

static void
iomem_write(struct fw_iomem *io, size_t off, unsigned int size, uint64_t v)
{
	uint64_t pa = iomem_pa(io, off, size);

	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	hal_mmio_write(pa, size, v);
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
}

uint8_t
fw_iomem_read8(struct fw_iomem *io, size_t off)
{
	return (uint8_t)iomem_read(io, off, 1);
}

uint16_t
fw_iomem_read16(struct fw_iomem *io, size_t off)
{
	return (uint16_t)iomem_read(io, off, 2);
}

uint32_t
fw_iomem_read32(struct fw_iomem *io, size_t off)
{
	return (uint32_t)iomem_read(io, off, 4);
}

void
fw_iomem_write8(struct fw_iomem *io, size_t off, uint8_t v)
{
	iomem_write(io, off, 1, v);
}

void
fw_iomem_write16(struct fw_iomem *io, size_t off, uint16_t v)
{
	iomem_write(io, off, 2, v);
}

void
fw_iomem_write32(struct fw_iomem *io, size_t off, uint32_t v)
{
	iomem_write(io, off, 4, v);
}
