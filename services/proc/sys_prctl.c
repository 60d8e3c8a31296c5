/*
 * proc/sys_prctl.c: prctl(2) for the options processes commonly use: the
 * name (comm), the parent-death signal, the dumpable flag, the child
 * subreaper flag and no_new_privs, with Linux's checks (kernel/sys.c).
 * Every other option is -EINVAL, as on a kernel without it.
 *
 * The parent-death signal is stored, reported and cleared where Linux
 * clears it (fork, credential changes); tree.c sends it when the parent
 * dies.  Dumpable only answers PR_GET_DUMPABLE: there
 * are no core dumps.
 *
 * Locks: proc->lock for the [p] fields; child_subreaper is atomic.
 */
#include <fw/errno.h>
#include <fw/uaccess.h>
#include <svc/lib.h>
#include <svc/proc.h>
#include <svc/syscall.h>
#include <uapi/prctl.h>
#include <uapi/signal.h>

/* Stores the int v at the user address u. */
static long
prctl_put_int(struct proc *p, uint64_t u, int v)
{
	return fw_copy_to_user(p->vm, fw_uaddr(u), &v, sizeof(v));
}

/* PR_SET_NAME: up to 15 bytes of the string at u become the comm. */
static long
prctl_set_name(struct proc *p, uint64_t u)
{
	char comm[PROC_COMM_LEN];

	if (fw_strncpy_from_user(p->vm, comm, fw_uaddr(u), sizeof(comm) - 1) <
	    0)
		return -EFAULT;
	comm[sizeof(comm) - 1] = '\0';
	fw_mutex_lock(&p->lock);
	str_lcpy(p->comm, comm, sizeof(p->comm));
	fw_mutex_unlock(&p->lock);
	return 0;
}

/* PR_GET_NAME: all 16 bytes of the comm, terminated. */
static long
prctl_get_name(struct proc *p, uint64_t u)
{
	char comm[PROC_COMM_LEN] = { 0 };

	fw_mutex_lock(&p->lock);
	str_lcpy(comm, p->comm, sizeof(comm));
	fw_mutex_unlock(&p->lock);
	return fw_copy_to_user(p->vm, fw_uaddr(u), comm, sizeof(comm));
}

/* Reads an int field of p under its lock. */
static int
prctl_get_locked_int(struct proc *p, const int *field)
{
	int v;

	fw_mutex_lock(&p->lock);
	v = *field;
	fw_mutex_unlock(&p->lock);
	return v;
}

/* Reads a bool field of p under its lock. */
static bool
prctl_get_locked_bool(struct proc *p, const bool *field)
{
	bool v;

	fw_mutex_lock(&p->lock);
	v = *field;
	fw_mutex_unlock(&p->lock);
	return v;
}

/* Sets a bool field of p under its lock. */
static void
prctl_set_locked_bool(struct proc *p, bool *field, bool v)
{
	fw_mutex_lock(&p->lock);
	*field = v;
	fw_mutex_unlock(&p->lock);
}

/* PR_SET_NO_NEW_PRIVS and PR_GET_NO_NEW_PRIVS insist on zero extras. */
static long
prctl_no_new_privs(struct proc *p, int option, const uint64_t *arg)
{
	if (arg[2] != 0 || arg[3] != 0 || arg[4] != 0)
		return -EINVAL;
	if (option == LINUX_PR_GET_NO_NEW_PRIVS)
		return arg[1] != 0 ? -EINVAL :
		    prctl_get_locked_bool(p, &p->no_new_privs);
	if (arg[1] != 1)
		return -EINVAL;
	prctl_set_locked_bool(p, &p->no_new_privs, true);
	return 0;
}

/* prctl(option, arg2, arg3, arg4, arg5): a->a[1] is arg2. */
SYSCALL(prctl)
{
	struct proc *p = t->proc;
	int option = (int)a->a[0];
	uint64_t arg2 = a->a[1];

	switch (option) {
	case LINUX_PR_SET_PDEATHSIG:
		if (arg2 > LINUX_NSIG)
			return -EINVAL;
		fw_mutex_lock(&p->lock);
		p->pdeath_signal = (int)arg2;
		fw_mutex_unlock(&p->lock);
		return 0;
	case LINUX_PR_GET_PDEATHSIG:
		return prctl_put_int(p, arg2,
		    prctl_get_locked_int(p, &p->pdeath_signal));
	case LINUX_PR_GET_DUMPABLE:
		return prctl_get_locked_bool(p, &p->dumpable);
	case LINUX_PR_SET_DUMPABLE:
		if (arg2 != LINUX_SUID_DUMP_DISABLE &&
		    arg2 != LINUX_SUID_DUMP_USER)
			return -EINVAL;
		prctl_set_locked_bool(p, &p->dumpable, arg2 != 0);
		return 0;
	case LINUX_PR_SET_NAME:
		return prctl_set_name(p, arg2);
	case LINUX_PR_GET_NAME:
		return prctl_get_name(p, arg2);
	case LINUX_PR_SET_CHILD_SUBREAPER:
		atomic_store(&p->child_subreaper, arg2 != 0);
		return 0;
	case LINUX_PR_GET_CHILD_SUBREAPER:
		return prctl_put_int(p, arg2, atomic_load(&p->child_subreaper));
	case LINUX_PR_SET_NO_NEW_PRIVS:
	case LINUX_PR_GET_NO_NEW_PRIVS:
		return prctl_no_new_privs(p, option, a->a);
	default:
		return -EINVAL;
	}
}
