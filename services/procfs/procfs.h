/*
 * services/procfs/procfs.h: procfs's private interface.  The tree is
 * described by static tables of nodes (procfs_tree.c); a vnode names a
 * node and the process, thread and descriptor it is about.  Vnodes are
 * made afresh by each lookup and hold their parent, so "..", getcwd and
 * a cwd inside /proc work; nothing is cached, so what a file shows is
 * computed when it is opened (a snapshot, as seq_file gives for a read).
 *
 * Locks: procfs's vnode ops run without fs_lock (VOPS_UNLOCKED) and take
 * proc_table_lock, proc->lock and the fdtable's lock, in that order, to
 * look at processes.  Its vnodes' fields are [I].
 */
#ifndef PROCFS_PROCFS_H
#define PROCFS_PROCFS_H

#include <svc/sbuf.h>
#include "../fs/fs.h"

/* Which ids a node's children are, beyond its static entries. */
enum pfs_dyn {
	PFS_DYN_NONE,
	PFS_DYN_PIDS,		/* /proc: processes */
	PFS_DYN_TIDS,		/* /proc/<pid>/task: threads */
	PFS_DYN_FDS,		/* /proc/<pid>/fd: magic links */
	PFS_DYN_FDINFO,		/* /proc/<pid>/fdinfo: files */
};

/* What a node is about: filled in by the walk down to it. */
struct pfs_node;
struct pfs_ref {
	const struct pfs_node	*node;
	int			 pid, tid, fd;	/* 0 (fd: -1) if not
						   applicable */
};

struct pfs_node {
	const char		*name;
	uint32_t		 mode;		/* type and permissions */
	uint32_t		 id;		/* unique, for inode numbers */
	enum pfs_dyn		 dyn;
	const struct pfs_node	*sub;		/* ends with a NULL name */
	const struct pfs_node	*dyn_node;	/* what dynamic entries are */
	/* A file's text: 0, or -errno (ESRCH: the process is gone). */
	int	(*show)(struct sbuf *sb, const struct pfs_ref *r,
		    const struct fsctx *c);
	/* A symlink's target text: its length, or -errno. */
	long	(*link)(const struct pfs_ref *r, const struct fsctx *c,
		    char *buf, size_t size);
	/* A magic link's object: 0 with *out held, or -errno. */
	int	(*jump)(const struct pfs_ref *r, const struct fsctx *c,
		    struct vpath *out);
};

/* procfs_tree.c, sysfs_tree.c */
extern const struct pfs_node pfs_root_node, sysfs_root_node;
extern const struct fstype procfs_type, sysfs_type;
/* sysfs_tree.c: its files' text (the node's name picks it). */
int	sysfs_show(struct sbuf *sb, const struct pfs_ref *r,
	    const struct fsctx *c);

/* procfs_pid.c: per-process files. */
int	pfs_show_stat(struct sbuf *sb, const struct pfs_ref *r,
	    const struct fsctx *c);
int	pfs_show_statm(struct sbuf *sb, const struct pfs_ref *r,
	    const struct fsctx *c);
int	pfs_show_status(struct sbuf *sb, const struct pfs_ref *r,
	    const struct fsctx *c);
int	pfs_show_comm(struct sbuf *sb, const struct pfs_ref *r,
	    const struct fsctx *c);
int	pfs_show_cmdline(struct sbuf *sb, const struct pfs_ref *r,
	    const struct fsctx *c);
int	pfs_show_environ(struct sbuf *sb, const struct pfs_ref *r,
	    const struct fsctx *c);
int	pfs_show_maps(struct sbuf *sb, const struct pfs_ref *r,
	    const struct fsctx *c);

/* procfs_links.c: links, descriptors, mounts. */
long	pfs_link_self(const struct pfs_ref *r, const struct fsctx *c,
	    char *buf, size_t size);
long	pfs_link_mounts(const struct pfs_ref *r, const struct fsctx *c,
	    char *buf, size_t size);
long	pfs_link_thread_self(const struct pfs_ref *r, const struct fsctx *c,
	    char *buf, size_t size);
long	pfs_link_text(const struct pfs_ref *r, const struct fsctx *c,
	    char *buf, size_t size);
int	pfs_jump(const struct pfs_ref *r, const struct fsctx *c,
	    struct vpath *out);
int	pfs_show_fdinfo(struct sbuf *sb, const struct pfs_ref *r,
	    const struct fsctx *c);
int	pfs_show_mounts(struct sbuf *sb, const struct pfs_ref *r,
	    const struct fsctx *c);
int	pfs_show_mountinfo(struct sbuf *sb, const struct pfs_ref *r,
	    const struct fsctx *c);
/* Whether fd is open in process pid; the lowest open fd >= from, or -1. */
bool	pfs_fd_exists(int pid, int fd);
int	pfs_next_fd(int pid, int from);

/* procfs_sys.c: the files about the whole system. */
int	pfs_show_meminfo(struct sbuf *sb, const struct pfs_ref *r,
	    const struct fsctx *c);
int	pfs_show_cpuinfo(struct sbuf *sb, const struct pfs_ref *r,
	    const struct fsctx *c);
int	pfs_show_uptime(struct sbuf *sb, const struct pfs_ref *r,
	    const struct fsctx *c);
int	pfs_show_loadavg(struct sbuf *sb, const struct pfs_ref *r,
	    const struct fsctx *c);
int	pfs_show_stat_all(struct sbuf *sb, const struct pfs_ref *r,
	    const struct fsctx *c);
int	pfs_show_filesystems(struct sbuf *sb, const struct pfs_ref *r,
	    const struct fsctx *c);
int	pfs_show_version(struct sbuf *sb, const struct pfs_ref *r,
	    const struct fsctx *c);
/* A constant under /proc/sys: the node's name picks it. */
int	pfs_show_sysctl(struct sbuf *sb, const struct pfs_ref *r,
	    const struct fsctx *c);

/* procfs_net.c: /proc/net's files about the interfaces. */
int	pfs_show_net_dev(struct sbuf *sb, const struct pfs_ref *r,
	    const struct fsctx *c);
int	pfs_show_net_route(struct sbuf *sb, const struct pfs_ref *r,
	    const struct fsctx *c);
int	pfs_show_net_if_inet6(struct sbuf *sb, const struct pfs_ref *r,
	    const struct fsctx *c);

/*
 * procfs.c: the process a ref is about, with proc_table_lock held (the
 * caller unlocks with pfs_proc_put(), found or not): NULL when it is gone.  A tid
 * must be a thread of pid.
 */
struct proc	*pfs_proc_get(const struct pfs_ref *r)
		    FW_ACQUIRES(&proc_table_lock);
void		 pfs_proc_put(void) FW_RELEASES(&proc_table_lock);

#endif
