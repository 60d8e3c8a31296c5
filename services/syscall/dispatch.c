/*
 * syscall/dispatch.c: the one place a system call enters the services and
 * its result leaves: decode rax and the argument registers (x86-64 ABI:
 * rdi, rsi, rdx, r10, r8, r9), run the handler, store the result in rax,
 * and with --strace log one line per call.
 *
 * Interface: syscall_dispatch, strace_on (svc/syscall.h).
 * Locks: none; t->ctx belongs to the calling thread's task.
 */
#include <fw/boot.h>
#include <fw/errno.h>
#include <fw/log.h>
#include <svc/lib.h>
#include <svc/proc.h>
#include <svc/syscall.h>
#include <stdatomic.h>
#include <uapi/unistd_64.h>

bool
strace_on(void)
{
	/* Boot options never change: look once, not on every call. */
	static atomic_int state;		/* 0 unknown, 1 off, 2 on */
	int s = atomic_load_explicit(&state, memory_order_relaxed);

	if (s == 0) {
		s = fw_boot_option("strace") != NULL ? 2 : 1;
		atomic_store_explicit(&state, s, memory_order_relaxed);
	}
	return s == 2;
}

/* Whether strace prints nr's result in hex (it is an address). */
static bool
strace_hex_result(uint64_t nr)
{
	return nr == LINUX_NR_brk || nr == LINUX_NR_mmap ||
	    nr == LINUX_NR_mremap || nr == LINUX_NR_shmat;
}

/* Logs "name(0x1, 0x2) = result" like strace with raw arguments. */
static void
strace_log(const struct thread *t, const struct syscall_args *a, long ret)
{
	char args[6 * 20], name[24], res[96];
	const char *nm = syscall_name(a->nr), *en;
	unsigned int i, n = syscall_nargs(a->nr);
	size_t len = 0;

	if (nm == NULL) {
		(void)fw_snprintf(name, sizeof(name), "syscall_%llu",
		    (unsigned long long)a->nr);
		nm = name;
	}
	args[0] = '\0';
	for (i = 0; i < n && len < sizeof(args); i++)
		len += (size_t)fw_snprintf(args + len, sizeof(args) - len,
		    "%s0x%llx", i > 0 ? ", " : "", (unsigned long long)a->a[i]);
	if (t->proc->exiting && (a->nr == LINUX_NR_exit ||
	    a->nr == LINUX_NR_exit_group))
		(void)fw_snprintf(res, sizeof(res), "?");
	else if (ret < 0 && ret >= -4095 && (en = errno_name((int)-ret)))
		(void)fw_snprintf(res, sizeof(res), "-1 %s (%s)", en,
		    errno_text((int)-ret));
	else if (strace_hex_result(a->nr) || ret < 0)
		(void)fw_snprintf(res, sizeof(res), "0x%lx", (unsigned long)ret);
	else
		(void)fw_snprintf(res, sizeof(res), "%ld", ret);
	fw_trace("%s(%s) = %s", nm, args, res);
}

void
syscall_dispatch(struct thread *t)
{
	struct syscall_args a;
	syscall_fn fn;
	long ret;

	a.nr = t->ctx.rax;
	a.a[0] = t->ctx.rdi;
	a.a[1] = t->ctx.rsi;
	a.a[2] = t->ctx.rdx;
	a.a[3] = t->ctx.r10;
	a.a[4] = t->ctx.r8;
	a.a[5] = t->ctx.r9;
	fn = syscall_lookup(a.nr);
	/* Restart codes stay in rax for the delivery point (signal_work). */
	t->sys_nr = (int64_t)a.nr;
	ret = fn != NULL ? fn(t, &a) : -ENOSYS;
	t->ctx.rax = (uint64_t)ret;
	if (strace_on())
		strace_log(t, &a, ret);
}
