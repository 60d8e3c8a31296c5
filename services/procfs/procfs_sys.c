/*
 * services/procfs/procfs_sys.c: the files of /proc about the whole
 * system (proc(5)): meminfo, cpuinfo, uptime, loadavg, stat, filesystems,
 * version, and the read-only sysctls under /proc/sys; and procfs_init(),
 * which registers procfs and sysfs and mounts them on /proc and /sys.
 *
 * Interface: procfs.h, procfs_init() (svc/vfs.h).
 * Locks: proc_table_lock to count processes; fs_lock for the types.
 */
#include <fw/alloc.h>
#include <fw/cpu.h>
#include <fw/frame.h>
#include <fw/timer.h>
#include <svc/lib.h>
#include <svc/proc.h>
#include "procfs.h"

int
pfs_show_meminfo(struct sbuf *sb, const struct pfs_ref *r,
    const struct fsctx *c)
{
	unsigned long long kb = FW_PAGE_SIZE / 1024;
	unsigned long long total = fw_frames_total() * kb;
	unsigned long long free = (fw_frames_total() - fw_frames_used()) * kb;
	struct fw_heap_usage heap;

	(void)r, (void)c;
	sbuf_printf(sb, "MemTotal:       %8llu kB\nMemFree:        %8llu kB\n"
	    "MemAvailable:   %8llu kB\nBuffers:        %8llu kB\n"
	    "Cached:         %8llu kB\nSwapCached:     %8llu kB\n",
	    total, free, free, 0ULL, 0ULL, 0ULL);
	sbuf_printf(sb, "SwapTotal:      %8llu kB\nSwapFree:       %8llu kB\n"
	    "Shmem:          %8llu kB\nCommitLimit:    %8llu kB\n",
	    0ULL, 0ULL, 0ULL, total);
	/* The kernel heap, which Linux's slab is. */
	fw_heap_usage(&heap);
	sbuf_printf(sb, "Slab:           %8llu kB\nSUnreclaim:     %8llu kB\n",
	    (unsigned long long)(heap.bytes / 1024),
	    (unsigned long long)(heap.bytes / 1024));
	return 0;
}

int
pfs_show_cpuinfo(struct sbuf *sb, const struct pfs_ref *r,
    const struct fsctx *c)
{
	unsigned int i, n = fw_cpu_count();

	(void)r, (void)c;
	for (i = 0; i < n; i++)
		sbuf_printf(sb, "processor\t: %u\nvendor_id\t: TrellisVirtual\n"
		    "model name\t: Trellis virtual CPU\nphysical id\t: 0\n"
		    "siblings\t: %u\ncore id\t\t: %u\ncpu cores\t: %u\n"
		    "apicid\t\t: %u\nfpu\t\t: yes\nflags\t\t: fpu sse sse2\n"
		    "\n", i, n, i, n, i);
	return 0;
}

int
pfs_show_uptime(struct sbuf *sb, const struct pfs_ref *r,
    const struct fsctx *c)
{
	uint64_t up = fw_clock_monotonic() / 10000000ULL;	/* 1/100 s */
	uint64_t idle = up * fw_cpu_count();

	(void)r, (void)c;
	sbuf_printf(sb, "%llu.%02llu %llu.%02llu\n",
	    (unsigned long long)(up / 100), (unsigned long long)(up % 100),
	    (unsigned long long)(idle / 100),
	    (unsigned long long)(idle % 100));
	return 0;
}

static bool
count_one(struct proc *p, void *arg)
{
	int *n = arg;

	(void)p;
	(*n)++;
	return false;
}

static bool
last_pid(struct proc *p, void *arg)
{
	int *max = arg;

	if (p->pid > *max)
		*max = p->pid;
	return false;
}

int
pfs_show_loadavg(struct sbuf *sb, const struct pfs_ref *r,
    const struct fsctx *c)
{
	int n = 0, max = 0;

	(void)r, (void)c;
	fw_mutex_lock(&proc_table_lock);
	(void)proc_search_locked(count_one, &n);
	(void)proc_search_locked(last_pid, &max);
	fw_mutex_unlock(&proc_table_lock);
	sbuf_printf(sb, "0.00 0.00 0.00 1/%d %d\n", n, max);
	return 0;
}

int
pfs_show_stat_all(struct sbuf *sb, const struct pfs_ref *r,
    const struct fsctx *c)
{
	uint64_t now = fw_clock_realtime(), up = fw_clock_monotonic();
	unsigned int i, n = fw_cpu_count();
	int procs = 0;

	(void)r, (void)c;
	fw_mutex_lock(&proc_table_lock);
	(void)proc_search_locked(count_one, &procs);
	fw_mutex_unlock(&proc_table_lock);
	sbuf_printf(sb, "cpu  0 0 0 %llu 0 0 0 0 0 0\n",
	    (unsigned long long)(up / 10000000ULL * n));
	for (i = 0; i < n; i++)
		sbuf_printf(sb, "cpu%u 0 0 0 %llu 0 0 0 0 0 0\n", i,
		    (unsigned long long)(up / 10000000ULL));
	sbuf_printf(sb, "intr 0\nctxt 0\nbtime %llu\nprocesses %d\n"
	    "procs_running 1\nprocs_blocked 0\n",
	    (unsigned long long)((now - up) / 1000000000ULL), procs);
	return 0;
}

int
pfs_show_filesystems(struct sbuf *sb, const struct pfs_ref *r,
    const struct fsctx *c)
{
	const struct fstype *t;
	size_t i;

	(void)r, (void)c;
	fw_mutex_lock(&fs_lock);
	for (i = 0; (t = fstype_at(i)) != NULL; i++)
		sbuf_printf(sb, "%s\t%s\n", t->nodev ? "nodev" : "", t->name);
	fw_mutex_unlock(&fs_lock);
	return 0;
}

int
pfs_show_version(struct sbuf *sb, const struct pfs_ref *r,
    const struct fsctx *c)
{
	(void)r, (void)c;
	sbuf_printf(sb, "Linux version 6.1.0-trellis (trellis) "
	    "#1 SMP Trellis\n");
	return 0;
}

static const struct {
	const char	*name, *value;
} sysctls[] = {
	{ "hostname", "trellis" }, { "domainname", "(none)" },
	{ "osrelease", "6.1.0-trellis" }, { "ostype", "Linux" },
	{ "version", "#1 SMP Trellis" }, { "pid_max", "32768" },
	{ "threads-max", "63432" }, { "ngroups_max", "65536" },
	{ "cap_last_cap", "40" }, { "pipe-max-size", "1048576" },
	{ "nr_open", "1048576" }, { "file-max", "9223372036854775807" },
	{ "overcommit_memory", "0" }, { "max_map_count", "65530" },
	{ "mmap_min_addr", "65536" },
};

int
pfs_show_sysctl(struct sbuf *sb, const struct pfs_ref *r,
    const struct fsctx *c)
{
	size_t i;

	(void)c;
	for (i = 0; i < ARRAY_SIZE(sysctls); i++) {
		if (str_eq(sysctls[i].name, r->node->name)) {
			sbuf_printf(sb, "%s\n", sysctls[i].value);
			return 0;
		}
	}
	return -ENOENT;
}

int
procfs_init(void)
{
	int err;

	fw_mutex_lock(&fs_lock);
	fstype_register_locked(&procfs_type);
	fstype_register_locked(&sysfs_type);
	err = vfs_mount_boot_locked(&procfs_type, "proc", NULL,
	    LINUX_MS_NOSUID | LINUX_MS_NODEV | LINUX_MS_NOEXEC);
	if (err == 0)
		err = vfs_mount_boot_locked(&sysfs_type, "sys", NULL,
		    LINUX_MS_NOSUID | LINUX_MS_NODEV | LINUX_MS_NOEXEC);
	fw_mutex_unlock(&fs_lock);
	return err;
}
