/*
 * services/fs/dev_mem.c: the memory devices of major 1 (mem(4), null(4),
 * random(4)): /dev/null reads end of file and swallows writes, /dev/zero
 * reads zeros, /dev/full reads zeros and fails writes with ENOSPC,
 * /dev/random and /dev/urandom read the machine's entropy (fw/random.h)
 * and accept writes.  Offsets mean nothing to them.  No locks.
 */
#include <fw/random.h>
#include <svc/file.h>
#include "fs.h"

static long
null_read(struct file *f, void *buf, size_t len, uint64_t *off)
{
	return 0;
}

static long
sink_write(struct file *f, const void *buf, size_t len, uint64_t *off)
{
	return (long)len;
}

static long
zero_read(struct file *f, void *buf, size_t len, uint64_t *off)
{
	memset(buf, 0, len);
	return (long)len;
}

static long
full_write(struct file *f, const void *buf, size_t len, uint64_t *off)
{
	return -ENOSPC;
}

static long
random_read(struct file *f, void *buf, size_t len, uint64_t *off)
{
	fw_random_bytes(buf, len);
	return (long)len;
}

const struct file_ops dev_null_ops = {
	.read = null_read,
	.write = sink_write,
};
const struct file_ops dev_zero_ops = {
	.read = zero_read,
	.write = sink_write,
	.mmap_zero = true,
};
const struct file_ops dev_full_ops = {
	.read = zero_read,
	.write = full_write,
};
const struct file_ops dev_random_ops = {
	.read = random_read,
	.write = sink_write,
};
