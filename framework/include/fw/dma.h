/*
 * fw/dma.h: coherent DMA buffers: zeroed, physically contiguous memory a
 * device reads and writes at the address fw_dma_addr() gives.  The buffer
 * is owned by its allocator, who programs the device with that address and
 * must stop the device using it (reset, or the request completed) before
 * fw_dma_free().  Services never see a pointer into it: contents move by
 * copy, at offsets checked against the size.
 *
 * Ordering, for rings shared with a device (virtio 1.2 §2.7.13):
 * fw_dma_read/write are plain copies; fw_dma_store16/32/64 are release
 * stores, so everything written before (descriptors, then the ring entry)
 * is visible to the device before the stored index; fw_dma_load16/32/64
 * are acquire loads, so what is read after (used entries) is at least as
 * new as the loaded index.  fw_iomem accesses are full fences.  Values are
 * little-endian, as virtio's are.  No locks: callers serialise their
 * own writers.  On the host the device model reads the same memfd bytes.
 */
#ifndef FW_DMA_H
#define FW_DMA_H

#include <fw/types.h>

struct fw_dma;					/* opaque */

/* Allocates size bytes (rounded up to pages), zeroed: -EINVAL for 0, -ENOMEM. */
FW_MUST_CHECK int	fw_dma_alloc(size_t size, struct fw_dma **out);
void			fw_dma_free(struct fw_dma *d);		/* NULL ok */
/* The address the device uses for byte 0, and the usable size. */
uint64_t		fw_dma_addr(const struct fw_dma *d);
size_t			fw_dma_size(const struct fw_dma *d);

/* Copies: 0, or -EINVAL when [off, off+len) is not inside the buffer. */
FW_MUST_CHECK int	fw_dma_read(const struct fw_dma *d, size_t off,
			    void *buf, size_t len);
FW_MUST_CHECK int	fw_dma_write(struct fw_dma *d, size_t off,
			    const void *buf, size_t len);

/*
 * Naturally aligned little-endian accesses.  An offset outside the buffer
 * or misaligned is the caller's bug: a framework panic.
 */
uint16_t	fw_dma_load16(const struct fw_dma *d, size_t off);  /* acquire */
uint32_t	fw_dma_load32(const struct fw_dma *d, size_t off);
uint64_t	fw_dma_load64(const struct fw_dma *d, size_t off);
void		fw_dma_store16(struct fw_dma *d, size_t off, uint16_t v);
void		fw_dma_store32(struct fw_dma *d, size_t off, uint32_t v);
void		fw_dma_store64(struct fw_dma *d, size_t off, uint64_t v);

#endif
