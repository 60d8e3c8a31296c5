/*
 * services/fs/superblock.c: superblocks, the instances of mounted file
 * systems: their device numbers (major 0, as Linux gives in-memory file
 * systems), counting, and the page and inode limits tmpfs enforces; and
 * the split of a mount's option string, which the types share.
 *
 * Interface: mount.h (sb_*, mount_options_each).
 * Locks: counts and usage are atomic; limits are [F].
 */
#include <fw/alloc.h>
#include <svc/lib.h>
#include "fs.h"

static atomic_uint next_anon_dev = 16;

int
sb_new(const struct fstype *type, const char *source, const char *data,
    const struct fsctx *c, struct superblock **out)
{
	struct superblock *sb;
	int err;

	if ((sb = fw_zalloc(1, sizeof(*sb))) == NULL)
		return -ENOMEM;
	atomic_init(&sb->nref, 1);
	atomic_init(&sb->used_pages, 0);
	atomic_init(&sb->used_inodes, 0);
	sb->type = type;
	sb->dev = atomic_fetch_add(&next_anon_dev, 1);
	str_lcpy(sb->source, source != NULL ? source : "none",
	    sizeof(sb->source));
	if (type->fill_at != NULL)
		err = c != NULL ? type->fill_at(sb, data, c) : -EINVAL;
	else
		err = type->fill(sb, data);
	if (err < 0) {
		fw_free(sb);
		return err;
	}
	*out = sb;
	return 0;
}

struct superblock *
sb_ref(struct superblock *sb)
{
	atomic_fetch_add(&sb->nref, 1);
	return sb;
}

void
sb_unref(struct superblock *sb)
{
	if (sb == NULL || atomic_fetch_sub(&sb->nref, 1) != 1)
		return;
	if (sb->type->kill != NULL)
		sb->type->kill(sb);
	vnode_unref(sb->root);
	fw_free(sb);
}

/* Adds n to *used unless that passes max (0: no limit). */
static int
charge(atomic_uint_fast64_t *used, uint64_t max, uint64_t n)
{
	uint64_t cur = atomic_load(used);

	do {
		if (max != 0 && cur + n > max)
			return -ENOSPC;
	} while (!atomic_compare_exchange_weak(used, &cur, cur + n));
	return 0;
}

int
sb_charge_pages(struct superblock *sb, uint64_t n)
{
	return sb == NULL ? 0 : charge(&sb->used_pages, sb->max_pages, n);
}

void
sb_uncharge_pages(struct superblock *sb, uint64_t n)
{
	if (sb != NULL)
		atomic_fetch_sub(&sb->used_pages, n);
}

int
sb_charge_inode(struct superblock *sb)
{
	return sb == NULL ? 0 : charge(&sb->used_inodes, sb->max_inodes, 1);
}

void
sb_uncharge_inode(struct superblock *sb)
{
	if (sb != NULL)
		atomic_fetch_sub(&sb->used_inodes, 1);
}

int
mount_options_each(const char *data, int (*fn)(void *arg, const char *key,
    const char *val), void *arg)
{
	char opt[128], *eq;
	const char *e;
	size_t len;
	int err;

	while (data != NULL && *data != '\0') {
		for (e = data; *e != '\0' && *e != ','; e++)
			;
		len = (size_t)(e - data);
		if (len >= sizeof(opt))
			return -EINVAL;
		memcpy(opt, data, len);
		opt[len] = '\0';
		data = *e == ',' ? e + 1 : e;
		if (len == 0)
			continue;
		if ((eq = str_chr(opt, '=')) != NULL)
			*eq++ = '\0';
		if ((err = fn(arg, opt, eq)) < 0)
			return err;
	}
	return 0;
}
