/*
 * syscall/sys_sched.c: sched_yield(2), the CPU affinity of threads
 * (sched_setaffinity(2) and sched_getaffinity(2): a mask per thread,
 * inherited by clone and fork, which the thread's task applies to itself
 * on its way back to user mode: svc/proc.h, fw_task_set_cpus), getcpu(2),
 * and the scheduling-policy queries, answered for SCHED_OTHER at priority
 * 0, the only policy Trellis runs.
 *
 * Locks: proc_table_lock to find a thread, then its process's proc->lock.
 */
#include <fw/cpu.h>
#include <fw/errno.h>
#include <fw/string.h>
#include <fw/task.h>
#include <fw/uaccess.h>
#include <svc/lib.h>
#include <svc/proc.h>
#include <svc/syscall.h>

/* Enough mask words for 1024 CPUs. */
#define AFFINITY_WORDS	16

/* The CPUs there are, as a mask (the framework runs at most 64). */
static uint64_t
sched_online(void)
{
	unsigned int n = fw_cpu_count();

	return n >= 64 ? ~0ULL : (1ULL << n) - 1;
}

/*
 * Reads (set false) or sets the mask of thread tid (0: t), as Linux's
 * sched_{get,set}affinity: -ESRCH without such a thread; setting needs
 * the same effective or real uid as the target's effective one, or euid 0
 * (CAP_SYS_NICE), else -EPERM; a mask with no CPU there is -EINVAL.
 */
static int
sched_affinity(struct thread *t, int tid, bool set, uint64_t *mask)
{
	uint32_t euid;
	struct thread *o = NULL;
	struct proc *p;
	int err = -ESRCH;

	fw_mutex_lock(&t->proc->lock);
	euid = t->proc->cred.euid;
	fw_mutex_unlock(&t->proc->lock);
	if (tid == 0)
		tid = t->tid;
	fw_mutex_lock(&proc_table_lock);
	if (tid > 0 && (p = proc_find_locked(tid)) != NULL) {
		fw_mutex_lock(&p->lock);
		for (o = p->threads; o != NULL && o->tid != tid;
		    o = o->next_thread)
			;
		if (o == NULL)
			err = -ESRCH;
		else if (!set) {
			*mask = o->cpus != 0 ? o->cpus & sched_online() :
			    sched_online();
			err = 0;
		} else if (euid != 0 && euid != p->cred.euid &&
		    euid != p->cred.uid)
			err = -EPERM;
		else if ((*mask & sched_online()) == 0)
			err = -EINVAL;
		else {
			o->cpus = (*mask & sched_online()) == sched_online() ?
			    0 : *mask & sched_online();
			atomic_store(&o->cpus_changed, true);
			err = 0;
		}
		fw_mutex_unlock(&p->lock);
	}
	fw_mutex_unlock(&proc_table_lock);
	return err;
}

SYSCALL(sched_yield)
{
	(void)a;
	(void)t;
	fw_task_yield();
	return 0;
}

/* sched_setaffinity(pid, len, mask): a longer mask is cut, a shorter one
 * padded with zeros (get_user_cpu_mask). */
SYSCALL(sched_setaffinity)
{
	uint64_t words[AFFINITY_WORDS];
	uint64_t len = (uint32_t)a->a[1];
	int err;

	memset(words, 0, sizeof(words));
	if ((err = fw_copy_from_user(t->proc->vm, words, fw_uaddr(a->a[2]),
	    MIN(len, sizeof(words)))) < 0)
		return err;
	return sched_affinity(t, (int)a->a[0], true, &words[0]);
}

SYSCALL(sched_getaffinity)
{
	uint64_t mask[AFFINITY_WORDS];
	uint64_t len = (uint32_t)a->a[1];	/* unsigned int in Linux */
	unsigned int ncpu = MIN(fw_cpu_count(), AFFINITY_WORDS * 64);
	size_t size = ((ncpu + 63) / 64) * sizeof(uint64_t);
	int err;

	if (len * 8 < ncpu || len % sizeof(uint64_t) != 0)
		return -EINVAL;
	memset(mask, 0, sizeof(mask));
	if ((err = sched_affinity(t, (int)a->a[0], false, &mask[0])) < 0)
		return err;
	size = MIN(size, len);
	if ((err = fw_copy_to_user(t->proc->vm, fw_uaddr(a->a[2]), mask,
	    size)) < 0)
		return err;
	return (long)size;
}

SYSCALL(getcpu)
{
	uint32_t cpu = fw_cpu_id(), node = 0;
	int err;

	if (a->a[0] != 0 && (err = fw_copy_to_user(t->proc->vm,
	    fw_uaddr(a->a[0]), &cpu, sizeof(cpu))) < 0)
		return err;
	if (a->a[1] != 0 && (err = fw_copy_to_user(t->proc->vm,
	    fw_uaddr(a->a[1]), &node, sizeof(node))) < 0)
		return err;
	return 0;
}

/* The policies Linux knows (include/uapi/linux/sched.h). */
#define SCHED_OTHER	0
#define SCHED_FIFO	1
#define SCHED_RR	2
#define SCHED_BATCH	3
#define SCHED_IDLE	5
#define SCHED_DEADLINE	6

/* Whether thread tid (0: t) exists: 0 or -ESRCH (-EINVAL for tid < 0). */
static int
sched_exists(struct thread *t, int tid)
{
	uint64_t mask;

	if (tid < 0)
		return -EINVAL;
	return sched_affinity(t, tid, false, &mask);
}

SYSCALL(sched_getscheduler)
{
	int err = sched_exists(t, (int)a->a[0]);

	return err < 0 ? err : SCHED_OTHER;
}

/* sched_getparam(pid, param): struct sched_param is one int, 0 here. */
SYSCALL(sched_getparam)
{
	int32_t prio = 0;
	int err;

	if (a->a[1] == 0 || (int)a->a[0] < 0)
		return -EINVAL;
	if ((err = sched_exists(t, (int)a->a[0])) < 0)
		return err;
	return fw_copy_to_user(t->proc->vm, fw_uaddr(a->a[1]), &prio,
	    sizeof(prio));
}

/* A policy's static priorities: 1 to 99 for the real-time ones, else 0. */
static long
sched_priority(int policy, bool max)
{
	switch (policy) {
	case SCHED_FIFO:
	case SCHED_RR:
		return max ? 99 : 1;
	case SCHED_OTHER:
	case SCHED_BATCH:
	case SCHED_IDLE:
	case SCHED_DEADLINE:
		return 0;
	default:
		return -EINVAL;
	}
}

SYSCALL(sched_get_priority_max)
{
	(void)t;
	return sched_priority((int)a->a[0], true);
}

SYSCALL(sched_get_priority_min)
{
	(void)t;
	return sched_priority((int)a->a[0], false);
}
