/*
 * services/fs/dev_mem.c: the memory devices of major 1 (mem(4), null(4),
 * random(4)): /dev/null reads end of file and swallows writes, /dev/zero
 * reads zeros, /dev/full reads zeros and fails writes with ENOSPC,
 * /dev/random and /dev/urandom read the machine's entropy (fw/random.h)
 * and accept writes.  Offsets mean nothing to them.  No locks.
 *
 * Readiness: only /dev/random has a poll op (always readable and
 * writable: the entropy never runs out); the others have none, so they
 * are always ready and epoll_ctl(2) refuses them with EPERM, as Linux's
 * mem devices and /dev/urandom.
 */
#include <fw/random.h>
#include <svc/file.h>
#include <svc/poll.h>
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
/* random_poll: Linux's is ready once the pool is; ours always is. */
static uint32_t
random_poll(struct file *f, struct poll_table *pt)
{
	return LINUX_DEFAULT_POLLMASK;
}

const struct file_ops dev_random_ops = {
	.read = random_read,
	.write = sink_write,
	.poll = random_poll,
};
const struct file_ops dev_urandom_ops = {
	.read = random_read,
	.write = sink_write,
};
