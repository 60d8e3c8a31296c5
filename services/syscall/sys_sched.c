/*
 * syscall/sys_sched.c: the CPU queries: sched_getaffinity(2), which says
 * every CPU, and getcpu(2).  No locks.
 */
#include <fw/cpu.h>
#include <fw/errno.h>
#include <fw/string.h>
#include <fw/uaccess.h>
#include <svc/lib.h>
#include <svc/proc.h>
#include <svc/syscall.h>

/* Enough mask words for 1024 CPUs. */
#define AFFINITY_WORDS	16

SYSCALL(sched_getaffinity)
{
	uint64_t mask[AFFINITY_WORDS];
	uint64_t len = (uint32_t)a->a[1];	/* unsigned int in Linux */
	unsigned int i, ncpu = MIN(fw_cpu_count(), AFFINITY_WORDS * 64);
	size_t size = ((ncpu + 63) / 64) * sizeof(uint64_t);
	int pid = (int)a->a[0], err;

	if (len * 8 < ncpu || len % sizeof(uint64_t) != 0)
		return -EINVAL;
	if (pid != 0 && pid != t->tid)
		return -ESRCH;
	memset(mask, 0, sizeof(mask));
	for (i = 0; i < ncpu; i++)
		mask[i / 64] |= 1ULL << (i % 64);
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
