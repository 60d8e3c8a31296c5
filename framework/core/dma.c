/*
 * core/dma.c: coherent DMA buffers (fw/dma.h) as contiguous frame runs
 * (fw_frames_alloc_contig()).  The device address is the physical address;
 * on the host backend the device models read the same memfd bytes.  Both
 * the simulator's host and the bare-metal targets are little-endian and
 * cache-coherent for DMA, so the ordered accessors are plain atomics.
 *
 * No locks: a buffer's fields are immutable after fw_dma_alloc().
 */
#include <fw/alloc.h>
#include <fw/dma.h>
#include <fw/errno.h>
#include <fw/panic.h>
#include <hal/phys.h>
#include <string.h>

#include "core/frame_impl.h"

_Static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__,
    "fw_dma accessors assume a little-endian CPU");

struct fw_dma {
	uint64_t	 pa;		/* [I] */
	size_t		 npages;	/* [I] */
	uint8_t		*p;		/* [I] hal_phys_ptr(pa) */
};

int
fw_dma_alloc(size_t size, struct fw_dma **out)
{
	struct fw_dma *d;
	size_t npages;
	int err;

	if (size == 0 || size > ((size_t)1 << 30))
		return -EINVAL;
	npages = (size + FW_PAGE_SIZE - 1) / FW_PAGE_SIZE;
	if ((d = fw_alloc(sizeof(*d))) == NULL)
		return -ENOMEM;
	if ((err = fw_frames_alloc_contig(npages, 1, &d->pa)) < 0) {
		fw_free(d);
		return err;
	}
	d->npages = npages;
	d->p = hal_phys_ptr(d->pa);
	*out = d;
	return 0;
}

void
fw_dma_free(struct fw_dma *d)
{
	if (d == NULL)
		return;
	fw_frames_free_contig(d->pa, d->npages);
	fw_free(d);
}

uint64_t
fw_dma_addr(const struct fw_dma *d)
{
	return d->pa;
}

size_t
fw_dma_size(const struct fw_dma *d)
{
	return d->npages * FW_PAGE_SIZE;
}

static bool
dma_range_ok(const struct fw_dma *d, size_t off, size_t len)
{
	size_t size = fw_dma_size(d);

	return off <= size && len <= size - off;
}

int
fw_dma_read(const struct fw_dma *d, size_t off, void *buf, size_t len)
{
	if (!dma_range_ok(d, off, len))
		return -EINVAL;
	if (len > 0)
		memcpy(buf, d->p + off, len);
	return 0;
}

int
fw_dma_write(struct fw_dma *d, size_t off, const void *buf, size_t len)
{
	if (!dma_range_ok(d, off, len))
		return -EINVAL;
	if (len > 0)
		memcpy(d->p + off, buf, len);
	return 0;
}

/* The pointer for a naturally aligned access of size bytes, or a panic. */
static void *
dma_at(const struct fw_dma *d, size_t off, size_t size)
{
	if (!dma_range_ok(d, off, size) || off % size != 0)
		fw_panic("dma: bad %zu-byte access at %#zx of a %zu-byte buffer",
		    size, off, fw_dma_size(d));
	return d->p + off;
}

uint16_t
fw_dma_load16(const struct fw_dma *d, size_t off)
{
	return __atomic_load_n((uint16_t *)dma_at(d, off, 2), __ATOMIC_ACQUIRE);
}

uint32_t
fw_dma_load32(const struct fw_dma *d, size_t off)
{
	return __atomic_load_n((uint32_t *)dma_at(d, off, 4), __ATOMIC_ACQUIRE);
}

uint64_t
fw_dma_load64(const struct fw_dma *d, size_t off)
{
	return __atomic_load_n((uint64_t *)dma_at(d, off, 8), __ATOMIC_ACQUIRE);
}

void
fw_dma_store16(struct fw_dma *d, size_t off, uint16_t v)
{
	__atomic_store_n((uint16_t *)dma_at(d, off, 2), v, __ATOMIC_RELEASE);
}

void
fw_dma_store32(struct fw_dma *d, size_t off, uint32_t v)
{
	__atomic_store_n((uint32_t *)dma_at(d, off, 4), v, __ATOMIC_RELEASE);
}

void
fw_dma_store64(struct fw_dma *d, size_t off, uint64_t v)
{
	__atomic_store_n((uint64_t *)dma_at(d, off, 8), v, __ATOMIC_RELEASE);
}
