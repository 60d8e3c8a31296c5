/*
 * tests/fuzz/vmmio_fuzz.c: the virtio-mmio transport model (sim/virtio/)
 * fed arbitrary descriptor tables and available rings.  The input's first
 * byte picks the queue size (1 to 64), the second and third the available
 * index; the rest becomes guest memory from address 0, where the
 * descriptor table (0), available ring (0x400) and used ring (0x800) live;
 * buffers may point anywhere, including past the 16 KiB of memory.  The
 * driver sets the queue up and notifies; the model must then either have
 * used every offered chain or say DEVICE_NEEDS_RESET, and never touch
 * memory outside the buffer (ASan) or hang.  One device serves every
 * input, reset in between, as a driver would.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "virtio_mmio.h"

#define MEM_SIZE	0x4000u
#define DESC		0x000u
#define AVAIL		0x400u
#define USED		0x800u

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static size_t
echo(void *ctx, unsigned int q, const uint8_t *in, size_t in_len,
    uint8_t *out, size_t out_cap)
{
	size_t n = in_len < out_cap ? in_len : out_cap;

	(void)ctx, (void)q;
	memcpy(out, in, n);
	return n;
}

static void
noirq(void *arg)
{
	(void)arg;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct vmmio_device dev = { .device_id = 1, .nqueues = 1,
	    .handle = echo };
	static uint8_t *mem;
	static struct vmmio *t;		/* one device, reset per input */
	uint16_t idx, used;
	uint32_t num, st;

	if (size < 3)
		return 0;
	if (mem == NULL && (mem = aligned_alloc(4096, MEM_SIZE)) == NULL)
		abort();
	memset(mem, 0, MEM_SIZE);
	num = 1u << (data[0] % 7);
	idx = (uint16_t)(data[1] | data[2] << 8);
	memcpy(mem, data + 3, size - 3 < MEM_SIZE ? size - 3 : MEM_SIZE);
	memcpy(mem + AVAIL + 2, &idx, 2);
	if (t == NULL && vmmio_new(&dev, mem, MEM_SIZE, noirq, NULL, &t) != 0)
		abort();
	vmmio_write(t, 0x070, 4, 0);
	vmmio_write(t, 0x070, 4, 3);
	vmmio_write(t, 0x024, 4, 1);
	vmmio_write(t, 0x020, 4, 1);
	vmmio_write(t, 0x070, 4, 11);
	vmmio_write(t, 0x038, 4, num);
	vmmio_write(t, 0x080, 4, DESC);
	vmmio_write(t, 0x090, 4, AVAIL);
	vmmio_write(t, 0x0a0, 4, USED);
	vmmio_write(t, 0x044, 4, 1);
	vmmio_write(t, 0x070, 4, 15);
	vmmio_write(t, 0x050, 4, 0);
	vmmio_drain(t);
	st = (uint32_t)vmmio_read(t, 0x070, 4);
	memcpy(&used, mem + USED + 2, 2);
	/*
	 * A chain may overwrite the available index (its buffers may cover
	 * the rings), so compare with what the ring says now.
	 */
	memcpy(&idx, mem + AVAIL + 2, 2);
	if (!(st & VIRTIO_STATUS_NEEDS_RESET) && used != idx)
		abort();
	return 0;
}
