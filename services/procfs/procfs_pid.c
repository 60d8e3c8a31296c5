/*
 * services/procfs/procfs_pid.c: what /proc/<pid> says about a process
 * (proc(5)): stat, statm, status, comm, cmdline, environ and maps.
 * Times are in USER_HZ (100) ticks; memory sizes come from the VMAs (the
 * resident-set fields count the same, as no per-page count is kept yet).
 *
 * Interface: procfs.h.
 * Locks: proc_table_lock, proc->lock, then mm->lock; user memory (the
 * argument and environment strings) is read with none of them held.
 */
#include <fw/alloc.h>
#include <fw/cpu.h>
#include <fw/uaccess.h>
#include <fw/vm.h>
#include <svc/lib.h>
#include <svc/mm.h>
#include <svc/proc.h>
#include <svc/tty.h>
#include <uapi/mman.h>
#include "procfs.h"

#define NS_PER_TICK	10000000ULL		/* USER_HZ = 100 */

/* A process's numbers, copied under its lock. */
struct pinfo {
	int		 pid, ppid, pgid, sid, nthreads, exit_signal;
	char		 comm[PROC_COMM_LEN];
	char		 state;
	struct cred	 cred;
	uint32_t	 umask;
	uint64_t	 utime, stime, cutime, cstime, start;
	uint64_t	 sigpnd, shdpnd, sigblk, sigign, sigcgt;
	uint64_t	 vsize, brk_start, arg_start, arg_end;
	uint64_t	 rss, rss_peak, minflt, cminflt;	/* pages, faults */
	uint64_t	 env_start, env_end, stack_top;
	bool		 no_new_privs;
	struct mm	*mm;			/* counted, or NULL */
};

static void
pinfo_signals_locked(struct proc *p, struct thread *t, struct pinfo *i)
    FW_REQUIRES(&p->lock)
{
	uint64_t handler;
	int s;

	i->shdpnd = p->shared_pending.set;
	if (t != NULL) {
		i->sigpnd = t->pending.set;
		i->sigblk = t->sigmask;
	}
	for (s = 0; s < 64; s++) {
		handler = sigaction_get_locked(p, s + 1).handler;
		if (handler == LINUX_SIG_IGN)
			i->sigign |= 1ULL << s;
		else if (handler != LINUX_SIG_DFL)
			i->sigcgt |= 1ULL << s;
	}
}

static void
pinfo_locked(struct proc *p, int tid, struct pinfo *i) FW_REQUIRES(&p->lock)
{
	struct thread *t, *sel = NULL;

	i->pid = p->pid;
	i->ppid = p->ppid;
	i->pgid = p->pgid;
	i->sid = p->sid;
	i->nthreads = p->nthreads;
	i->exit_signal = p->exit_signal;
	memcpy(i->comm, p->comm, sizeof(i->comm));
	i->cred = p->cred;
	if (p->fs != NULL)
		fs_struct_get(p->fs, NULL, NULL, &i->umask);
	i->utime = p->utime;
	i->stime = p->stime;
	i->minflt = p->minflt;
	i->cminflt = p->cminflt;
	for (t = p->threads; t != NULL; t = t->next_thread) {
		i->utime += atomic_load(&t->utime);
		i->stime += atomic_load(&t->stime);
		i->minflt += atomic_load(&t->minflt);
		if (t->tid == (tid != 0 ? tid : p->pid) || sel == NULL)
			sel = t;
	}
	i->cutime = p->cutime;
	i->cstime = p->cstime;
	i->start = p->start_time;
	i->no_new_privs = p->no_new_privs;
	i->state = atomic_load(&p->dead) ? 'Z' : p->stopped ? 'T' : 'S';
	pinfo_signals_locked(p, sel, i);
	i->mm = p->mm != NULL ? mm_ref(p->mm) : NULL;
}

static void
pinfo_mm(struct pinfo *i)
{
	struct mm *mm = i->mm;
	size_t k;

	if (mm == NULL)
		return;
	fw_vm_resident(mm->vm, &i->rss, &i->rss_peak);
	fw_mutex_lock(&mm->lock);
	for (k = 0; k < mm->nvma; k++)
		i->vsize += mm->vmas[k].end - mm->vmas[k].start;
	i->brk_start = mm->brk_start;
	i->arg_start = mm->arg_start;
	i->arg_end = mm->arg_end;
	i->env_start = mm->env_start;
	i->env_end = mm->env_end;
	i->stack_top = mm->stack_top;
	fw_mutex_unlock(&mm->lock);
}

/* Fills i for r's process: 0, or -ESRCH.  pinfo_done() releases it. */
static int
pinfo_get(const struct pfs_ref *r, struct pinfo *i)
{
	struct proc *p;

	memset(i, 0, sizeof(*i));
	if ((p = pfs_proc_get(r)) != NULL) {
		fw_mutex_lock(&p->lock);
		pinfo_locked(p, r->tid, i);
		fw_mutex_unlock(&p->lock);
	}
	pfs_proc_put();
	if (p == NULL)
		return -ESRCH;
	if (r->tid != 0)
		i->pid = r->tid;
	pinfo_mm(i);
	return 0;
}

static void
pinfo_done(struct pinfo *i)
{
	mm_free(i->mm);
	i->mm = NULL;
}

static unsigned long long
ticks(uint64_t ns)
{
	return (unsigned long long)(ns / NS_PER_TICK);
}

int
pfs_show_stat(struct sbuf *sb, const struct pfs_ref *r, const struct fsctx *c)
{
	struct pinfo i;
	uint32_t tty_nr;
	int err, tpgid;

	(void)c;
	if ((err = pinfo_get(r, &i)) < 0)
		return err;
	if (tty_session_info(i.sid, &tty_nr, &tpgid) < 0) {
		tty_nr = 0;
		tpgid = -1;
	}
	sbuf_printf(sb, "%d (%s) %c %d %d %d %u %d 4194304 %llu %llu 0 0 ",
	    i.pid, i.comm, i.state, i.ppid, i.pgid, i.sid, tty_nr, tpgid,
	    (unsigned long long)i.minflt, (unsigned long long)i.cminflt);
	sbuf_printf(sb, "%llu %llu %llu %llu 20 0 %d 0 %llu %llu %llu ",
	    ticks(i.utime), ticks(i.stime), ticks(i.cutime), ticks(i.cstime),
	    i.nthreads, ticks(i.start), (unsigned long long)i.vsize,
	    (unsigned long long)i.rss);
	sbuf_printf(sb, "18446744073709551615 0 0 %llu 0 0 0 0 0 0 0 0 0 %d "
	    "%u 0 0 0 0 0 0 0 %llu %llu %llu %llu %llu 0\n",
	    (unsigned long long)i.stack_top, i.exit_signal, fw_cpu_id(),
	    (unsigned long long)i.brk_start, (unsigned long long)i.arg_start,
	    (unsigned long long)i.arg_end, (unsigned long long)i.env_start,
	    (unsigned long long)i.env_end);
	pinfo_done(&i);
	return 0;
}

int
pfs_show_statm(struct sbuf *sb, const struct pfs_ref *r,
    const struct fsctx *c)
{
	struct pinfo i;
	int err;

	(void)c;
	if ((err = pinfo_get(r, &i)) < 0)
		return err;
	sbuf_printf(sb, "%llu %llu 0 0 0 0 0\n",
	    (unsigned long long)(i.vsize / FW_PAGE_SIZE),
	    (unsigned long long)i.rss);
	pinfo_done(&i);
	return 0;
}

static const char *
state_name(char s)
{
	switch (s) {
	case 'Z':	return "zombie";
	case 'T':	return "stopped";
	default:	return "sleeping";
	}
}

int
pfs_show_status(struct sbuf *sb, const struct pfs_ref *r,
    const struct fsctx *c)
{
	unsigned long long caps = 0;
	struct pinfo i;
	int err;

	(void)c;
	if ((err = pinfo_get(r, &i)) < 0)
		return err;
	if (i.cred.euid == 0)
		caps = 0x1ffffffffffULL;	/* CAP_LAST_CAP 40 */
	sbuf_printf(sb, "Name:\t%s\nUmask:\t%04o\nState:\t%c (%s)\n"
	    "Tgid:\t%d\nNgid:\t0\nPid:\t%d\nPPid:\t%d\nTracerPid:\t0\n",
	    i.comm, i.umask, i.state, state_name(i.state), r->pid, i.pid,
	    i.ppid);
	sbuf_printf(sb, "Uid:\t%u\t%u\t%u\t%u\nGid:\t%u\t%u\t%u\t%u\n",
	    i.cred.uid, i.cred.euid, i.cred.suid, i.cred.fsuid, i.cred.gid,
	    i.cred.egid, i.cred.sgid, i.cred.fsgid);
	sbuf_printf(sb, "VmPeak:\t%8llu kB\nVmSize:\t%8llu kB\n"
	    "VmHWM:\t%8llu kB\nVmRSS:\t%8llu kB\nThreads:\t%d\n",
	    (unsigned long long)(i.vsize >> 10),
	    (unsigned long long)(i.vsize >> 10),
	    (unsigned long long)i.rss_peak * (FW_PAGE_SIZE >> 10),
	    (unsigned long long)i.rss * (FW_PAGE_SIZE >> 10), i.nthreads);
	sbuf_printf(sb, "SigPnd:\t%016llx\nShdPnd:\t%016llx\n"
	    "SigBlk:\t%016llx\nSigIgn:\t%016llx\nSigCgt:\t%016llx\n",
	    (unsigned long long)i.sigpnd, (unsigned long long)i.shdpnd,
	    (unsigned long long)i.sigblk, (unsigned long long)i.sigign,
	    (unsigned long long)i.sigcgt);
	sbuf_printf(sb, "CapInh:\t0000000000000000\nCapPrm:\t%016llx\n"
	    "CapEff:\t%016llx\nCapBnd:\t000001ffffffffff\n"
	    "CapAmb:\t0000000000000000\nNoNewPrivs:\t%d\nSeccomp:\t0\n"
	    "Cpus_allowed_list:\t0-%u\n", caps, caps, i.no_new_privs,
	    fw_cpu_count() - 1);
	pinfo_done(&i);
	return 0;
}

int
pfs_show_comm(struct sbuf *sb, const struct pfs_ref *r,
    const struct fsctx *c)
{
	struct pinfo i;
	int err;

	(void)c;
	if ((err = pinfo_get(r, &i)) < 0)
		return err;
	sbuf_printf(sb, "%s\n", i.comm);
	pinfo_done(&i);
	return 0;
}

/* The user bytes [start, end) of the process's memory, as they are. */
static int
show_user_range(struct sbuf *sb, const struct pfs_ref *r, bool env)
{
	uint64_t start, end, at;
	struct pinfo i;
	char chunk[256];
	size_t n;
	int err;

	if ((err = pinfo_get(r, &i)) < 0)
		return err;
	start = env ? i.env_start : i.arg_start;
	end = env ? i.env_end : i.arg_end;
	for (at = start; i.mm != NULL && at < end; at += n) {
		n = (size_t)MIN(end - at, (uint64_t)sizeof(chunk));
		if (fw_copy_from_user(i.mm->vm, chunk, fw_uaddr(at), n) < 0)
			break;
		sbuf_put(sb, chunk, n);
	}
	pinfo_done(&i);
	return 0;
}

int
pfs_show_cmdline(struct sbuf *sb, const struct pfs_ref *r,
    const struct fsctx *c)
{
	(void)c;
	return show_user_range(sb, r, false);
}

int
pfs_show_environ(struct sbuf *sb, const struct pfs_ref *r,
    const struct fsctx *c)
{
	(void)c;
	return show_user_range(sb, r, true);
}

/* 's' in maps: shared memory; the vDSO's frames are shared, but as Linux's. */
static bool
vma_shared(const struct vma *v)
{
	return (v->flags & (VMA_SHARED | VMA_SPECIAL)) == VMA_SHARED;
}

static const char *
vma_name(const struct vma *v)
{
	if (v->flags & VMA_HEAP)
		return "[heap]";
	if (v->flags & VMA_STACK)
		return "[stack]";
	if (v->flags & VMA_VVAR)
		return "[vvar]";
	if (v->flags & VMA_VDSO)
		return "[vdso]";
	return "";
}

int
pfs_show_maps(struct sbuf *sb, const struct pfs_ref *r,
    const struct fsctx *c)
{
	struct pinfo i;
	const struct vma *v;
	size_t k;
	int err;

	(void)c;
	if ((err = pinfo_get(r, &i)) < 0)
		return err;
	if (i.mm != NULL) {
		fw_mutex_lock(&i.mm->lock);
		for (k = 0; k < i.mm->nvma; k++) {
			v = &i.mm->vmas[k];
			sbuf_printf(sb, "%08llx-%08llx %c%c%c%c 00000000 00:00 "
			    "0%s%s\n", (unsigned long long)v->start,
			    (unsigned long long)v->end,
			    (v->prot & LINUX_PROT_READ) ? 'r' : '-',
			    (v->prot & LINUX_PROT_WRITE) ? 'w' : '-',
			    (v->prot & LINUX_PROT_EXEC) ? 'x' : '-',
			    vma_shared(v) ? 's' : 'p',
			    *vma_name(v) ? "                          " : "",
			    vma_name(v));
		}
		fw_mutex_unlock(&i.mm->lock);
	}
	sbuf_printf(sb, "ffffffffff600000-ffffffffff601000 --xp 00000000 "
	    "00:00 0                  [vsyscall]\n");
	pinfo_done(&i);
	return 0;
}
