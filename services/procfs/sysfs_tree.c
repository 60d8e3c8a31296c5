/*
 * services/procfs/sysfs_tree.c: the shape of /sys (sysfs(5)), on the
 * procfs machinery: the CPUs under devices/system/cpu (online, possible,
 * present: what glibc's get_nprocs reads), and the empty class, block,
 * bus, dev, fs, kernel and module directories devices will fill as
 * their drivers appear.  Immutable; no locks.
 */
#include <fw/cpu.h>
#include <svc/lib.h>
#include <uapi/fs.h>
#include "procfs.h"

#define DIR_(m)		(LINUX_S_IFDIR | (m))
#define REG_(m)		(LINUX_S_IFREG | (m))
#define SYSFILE(n, i)	{ .name = (n), .mode = REG_(0444), .id = (i), \
			  .show = sysfs_show }
#define SYSDIR(n, i, s)	{ .name = (n), .mode = DIR_(0755), .id = (i), \
			  .sub = (s) }

static const struct pfs_node empty[] = { { 0 } };

static const struct pfs_node cpu_dir[] = {
	SYSFILE("kernel_max", 30), SYSFILE("offline", 31),
	SYSFILE("online", 32), SYSFILE("possible", 33),
	SYSFILE("present", 34),
	{ 0 },
};

static const struct pfs_node system_dir[] = {
	SYSDIR("cpu", 20, cpu_dir),
	{ 0 },
};

static const struct pfs_node devices_dir[] = {
	SYSDIR("system", 15, system_dir),
	SYSDIR("virtual", 16, empty),
	{ 0 },
};

static const struct pfs_node dev_dir[] = {
	SYSDIR("block", 40, empty), SYSDIR("char", 41, empty),
	{ 0 },
};

static const struct pfs_node root_entries[] = {
	SYSDIR("block", 2, empty), SYSDIR("bus", 3, empty),
	SYSDIR("class", 4, empty), SYSDIR("dev", 5, dev_dir),
	SYSDIR("devices", 6, devices_dir), SYSDIR("firmware", 7, empty),
	SYSDIR("fs", 8, empty), SYSDIR("kernel", 9, empty),
	SYSDIR("module", 10, empty),
	{ 0 },
};

const struct pfs_node sysfs_root_node = {
	.name = "", .mode = DIR_(0555), .id = 1, .sub = root_entries,
};

int
sysfs_show(struct sbuf *sb, const struct pfs_ref *r, const struct fsctx *c)
{
	const char *name = r->node->name;
	unsigned int last = fw_cpu_count() - 1;

	(void)c;
	if (str_eq(name, "kernel_max"))
		sbuf_printf(sb, "8191\n");
	else if (str_eq(name, "offline"))
		sbuf_printf(sb, "\n");
	else if (last == 0)
		sbuf_printf(sb, "0\n");
	else
		sbuf_printf(sb, "0-%u\n", last);
	return 0;
}
