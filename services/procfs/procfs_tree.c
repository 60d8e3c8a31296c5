/*
 * services/procfs/procfs_tree.c: the shape of /proc, as tables: the
 * system's files and /proc/sys, then what each process directory holds
 * (the same for /proc/<pid>/task/<tid>), its fd/ and fdinfo/.
 * Ids are unique below 256 (inode numbers).  Immutable; no locks.
 */
#include <uapi/fs.h>
#include "procfs.h"

#define DIR_(m)		(LINUX_S_IFDIR | (m))
#define REG_(m)		(LINUX_S_IFREG | (m))
#define LNK_		(LINUX_S_IFLNK | 0777)

#define SYSCTL(n, i)	{ .name = (n), .mode = REG_(0444), .id = (i), \
			  .show = pfs_show_sysctl }

static const struct pfs_node sys_kernel[] = {
	SYSCTL("hostname", 60), SYSCTL("domainname", 61),
	SYSCTL("osrelease", 62), SYSCTL("ostype", 63), SYSCTL("version", 64),
	SYSCTL("pid_max", 65), SYSCTL("threads-max", 66),
	SYSCTL("ngroups_max", 67), SYSCTL("cap_last_cap", 68),
	{ 0 },
};

static const struct pfs_node sys_fs[] = {
	SYSCTL("pipe-max-size", 70), SYSCTL("nr_open", 71),
	SYSCTL("file-max", 72),
	{ 0 },
};

static const struct pfs_node sys_vm[] = {
	SYSCTL("overcommit_memory", 75), SYSCTL("max_map_count", 76),
	SYSCTL("mmap_min_addr", 77),
	{ 0 },
};

static const struct pfs_node sys_dir[] = {
	{ .name = "fs", .mode = DIR_(0555), .id = 80, .sub = sys_fs },
	{ .name = "kernel", .mode = DIR_(0555), .id = 81, .sub = sys_kernel },
	{ .name = "vm", .mode = DIR_(0555), .id = 82, .sub = sys_vm },
	{ 0 },
};

static const struct pfs_node fd_link = {
	.name = "fd", .mode = LINUX_S_IFLNK | 0700, .id = 90,
	.link = pfs_link_text, .jump = pfs_jump,
};

static const struct pfs_node fdinfo_file = {
	.name = "fdinfo", .mode = REG_(0444), .id = 91,
	.show = pfs_show_fdinfo,
};

#define PID_ENTRIES(base) \
	{ .name = "cmdline", .mode = REG_(0444), .id = (base) + 0, \
	  .show = pfs_show_cmdline }, \
	{ .name = "comm", .mode = REG_(0644), .id = (base) + 1, \
	  .show = pfs_show_comm }, \
	{ .name = "cwd", .mode = LNK_, .id = (base) + 2, \
	  .link = pfs_link_text, .jump = pfs_jump }, \
	{ .name = "environ", .mode = REG_(0400), .id = (base) + 3, \
	  .show = pfs_show_environ }, \
	{ .name = "exe", .mode = LNK_, .id = (base) + 4, \
	  .link = pfs_link_text, .jump = pfs_jump }, \
	{ .name = "fd", .mode = DIR_(0500), .id = (base) + 5, \
	  .dyn = PFS_DYN_FDS, .dyn_node = &fd_link }, \
	{ .name = "fdinfo", .mode = DIR_(0500), .id = (base) + 6, \
	  .dyn = PFS_DYN_FDINFO, .dyn_node = &fdinfo_file }, \
	{ .name = "maps", .mode = REG_(0444), .id = (base) + 7, \
	  .show = pfs_show_maps }, \
	{ .name = "mountinfo", .mode = REG_(0444), .id = (base) + 8, \
	  .show = pfs_show_mountinfo }, \
	{ .name = "mounts", .mode = REG_(0444), .id = (base) + 9, \
	  .show = pfs_show_mounts }, \
	{ .name = "root", .mode = LNK_, .id = (base) + 10, \
	  .link = pfs_link_text, .jump = pfs_jump }, \
	{ .name = "stat", .mode = REG_(0444), .id = (base) + 11, \
	  .show = pfs_show_stat }, \
	{ .name = "statm", .mode = REG_(0444), .id = (base) + 12, \
	  .show = pfs_show_statm }, \
	{ .name = "status", .mode = REG_(0444), .id = (base) + 13, \
	  .show = pfs_show_status }

static const struct pfs_node tid_entries[] = {
	PID_ENTRIES(120),
	{ 0 },
};

static const struct pfs_node tid_dir = {
	.name = "task", .mode = DIR_(0555), .id = 140, .sub = tid_entries,
};

static const struct pfs_node pid_entries[] = {
	PID_ENTRIES(100),
	{ .name = "task", .mode = DIR_(0555), .id = 115,
	  .dyn = PFS_DYN_TIDS, .dyn_node = &tid_dir },
	{ 0 },
};

static const struct pfs_node pid_dir = {
	.name = "pid", .mode = DIR_(0555), .id = 99, .sub = pid_entries,
};

static const struct pfs_node net_entries[] = {
	{ .name = "dev", .mode = REG_(0444), .id = 151,
	  .show = pfs_show_net_dev },
	{ .name = "if_inet6", .mode = REG_(0444), .id = 152,
	  .show = pfs_show_net_if_inet6 },
	{ .name = "route", .mode = REG_(0444), .id = 153,
	  .show = pfs_show_net_route },
	{ 0 },
};

static const struct pfs_node root_entries[] = {
	{ .name = "cpuinfo", .mode = REG_(0444), .id = 2,
	  .show = pfs_show_cpuinfo },
	{ .name = "filesystems", .mode = REG_(0444), .id = 3,
	  .show = pfs_show_filesystems },
	{ .name = "loadavg", .mode = REG_(0444), .id = 4,
	  .show = pfs_show_loadavg },
	{ .name = "meminfo", .mode = REG_(0444), .id = 5,
	  .show = pfs_show_meminfo },
	{ .name = "mounts", .mode = LNK_, .id = 6, .link = pfs_link_mounts },
	{ .name = "net", .mode = DIR_(0555), .id = 150, .sub = net_entries },
	{ .name = "self", .mode = LNK_, .id = 7, .link = pfs_link_self },
	{ .name = "stat", .mode = REG_(0444), .id = 8,
	  .show = pfs_show_stat_all },
	{ .name = "sys", .mode = DIR_(0555), .id = 9, .sub = sys_dir },
	{ .name = "thread-self", .mode = LNK_, .id = 10,
	  .link = pfs_link_thread_self },
	{ .name = "uptime", .mode = REG_(0444), .id = 11,
	  .show = pfs_show_uptime },
	{ .name = "version", .mode = REG_(0444), .id = 12,
	  .show = pfs_show_version },
	{ 0 },
};

const struct pfs_node pfs_root_node = {
	.name = "", .mode = DIR_(0555), .id = 1, .sub = root_entries,
	.dyn = PFS_DYN_PIDS, .dyn_node = &pid_dir,
};
