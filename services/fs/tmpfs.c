/*
 * services/fs/tmpfs.c: the ramfs and tmpfs file-system types: both keep
 * everything in the ramfs (ramfs.c); tmpfs adds the mount options of
 * tmpfs(5): size= (bytes with k, m or g, or a percentage of memory;
 * default half of it), nr_blocks=, nr_inodes=, mode=, uid= and gid=.
 * An unknown option is EINVAL, as Linux answers.
 *
 * Interface: ramfs_type, tmpfs_type, ramfs_kill_tree, tmpfs_show_opts
 * (mount.h).
 * Locks: fill runs before the superblock is reachable.
 */
#include <fw/frame.h>
#include <fw/log.h>
#include <svc/lib.h>
#include <uapi/stat.h>
#include "fs.h"

/* "N", "Nk", "Nm", "Ng" or "N%" as pages (rounded up): 0, or -EINVAL. */
static int
parse_size(const char *s, uint64_t *pages)
{
	char num[32];
	size_t len = str_len(s);
	uint64_t v, shift = 0;
	bool pct = false;

	if (len == 0 || len >= sizeof(num))
		return -EINVAL;
	memcpy(num, s, len + 1);
	switch (num[len - 1]) {
	case 'k': case 'K': shift = 10; break;
	case 'm': case 'M': shift = 20; break;
	case 'g': case 'G': shift = 30; break;
	case '%': pct = true; break;
	default: len++; break;
	}
	num[len - 1] = '\0';
	if (str_to_u64(num, 10, &v) < 0 || v > (UINT64_MAX >> 31))
		return -EINVAL;
	if (pct)
		*pages = (uint64_t)fw_frames_total() * v / 100;
	else
		*pages = fw_page_up(v << shift) >> FW_PAGE_SHIFT;
	return 0;
}

/* One "key=value" of tmpfs's data (mount_options_each). */
static int
tmpfs_option(void *arg, const char *key, const char *val)
{
	struct superblock *sb = arg;
	uint64_t n;

	if (val == NULL)
		return -EINVAL;
	if (str_eq(key, "size"))
		return parse_size(val, &sb->max_pages);
	if (str_to_u64(val, str_eq(key, "mode") ? 8 : 10, &n) < 0)
		return -EINVAL;
	if (str_eq(key, "nr_blocks"))
		sb->max_pages = n;
	else if (str_eq(key, "nr_inodes"))
		sb->max_inodes = n;
	else if (str_eq(key, "mode") && n <= 07777)
		sb->root_mode = (uint32_t)n;
	else if (str_eq(key, "uid") && n <= UINT32_MAX - 1)
		sb->root_uid = (uint32_t)n;
	else if (str_eq(key, "gid") && n <= UINT32_MAX - 1)
		sb->root_gid = (uint32_t)n;
	else
		return -EINVAL;
	return 0;
}


static int
ramfs_fill(struct superblock *sb, const char *data)
{
	(void)data;				/* ramfs ignores options */
	return ramfs_new_root(sb, 0755, &sb->root);
}

static int
tmpfs_fill(struct superblock *sb, const char *data)
{
	int err;

	sb->root_mode = 01777;
	sb->max_pages = fw_frames_total() / 2;
	if ((err = mount_options_each(data, tmpfs_option, sb)) < 0)
		return err;
	if ((err = ramfs_new_root(sb, sb->root_mode, &sb->root)) < 0)
		return err;
	sb->root->uid = sb->root_uid;
	sb->root->gid = sb->root_gid;
	return 0;
}

void
ramfs_kill_tree(struct superblock *sb)
{
	ramfs_destroy_tree(sb->root);
}

size_t
tmpfs_show_opts(const struct superblock *sb, char *buf, size_t size)
{
	uint64_t kb = sb->max_pages * (uint64_t)(FW_PAGE_SIZE / 1024);
	int n;

	n = fw_snprintf(buf, size, ",size=%lluk,nr_inodes=%llu,mode=%o",
	    (unsigned long long)kb, (unsigned long long)sb->max_inodes,
	    sb->root_mode);
	if (sb->root_uid != 0 || sb->root_gid != 0)
		n += fw_snprintf(buf + MIN((size_t)n, size), size -
		    MIN((size_t)n, size), ",uid=%u,gid=%u", sb->root_uid,
		    sb->root_gid);
	return MIN((size_t)n, size);
}

const struct fstype ramfs_type = {
	.name = "ramfs",
	.magic = LINUX_RAMFS_MAGIC,
	.nodev = true,
	.fill = ramfs_fill,
	.kill = ramfs_kill_tree,
};

const struct fstype tmpfs_type = {
	.name = "tmpfs",
	.magic = LINUX_TMPFS_MAGIC,
	.nodev = true,
	.fill = tmpfs_fill,
	.kill = ramfs_kill_tree,
	.show = tmpfs_show_opts,
};
