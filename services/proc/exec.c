/*
 * proc/exec.c: replacing a thread's program (execve(2) without the copies
 * from user memory, which sys_execve will add).  Everything that can fail
 * is built on the side (file, headers, vm, mm, stack, user thread); only
 * then does the process switch over, in a step that cannot fail.
 *
 * Interface: proc_exec (svc/proc.h).  Locks: proc->lock for the switch.
 */
#include <fw/errno.h>
#include <fw/log.h>
#include <fw/string.h>
#include <fw/user.h>
#include <fw/vm.h>
#include <svc/elf.h>
#include <svc/lib.h>
#include <svc/mm.h>
#include <svc/proc.h>
#include <svc/vfs.h>
#include <uapi/fcntl.h>
#include <uapi/mman.h>

/* The stack VMA: RLIMIT_STACK, within these bounds. */
#define EXEC_STACK_MIN	(128ULL << 10)
#define EXEC_STACK_MAX	(256ULL << 20)

/* What exec builds before the point of no return. */
struct exec_new {
	struct mm		*mm;
	struct fw_uthread	*ut;
	uint64_t		 entry, sp;
};

static long
exec_pread(void *ctx, void *buf, size_t len, uint64_t off)
{
	return file_pread(ctx, buf, len, off);
}

static uint64_t
exec_stack_size(const struct proc *p)
{
	uint64_t cur = p->rlim[LINUX_RLIMIT_STACK].cur;

	return fw_page_down(MAX(MIN(cur, EXEC_STACK_MAX), EXEC_STACK_MIN));
}

/* Builds the new address space and stack for info into n: 0 or -errno. */
static int
exec_build(struct thread *t, const struct elf_source *src,
    const struct elf_info *info, struct exec_stack_info *si,
    struct exec_new *n)
{
	struct fw_vm *vm;
	uint64_t bias = elf_load_bias(info), top;
	int err;

	if ((err = fw_vm_new(&vm)) < 0)
		return err;
	err = mm_new(vm, &n->mm);
	fw_vm_unref(vm);			/* n->mm holds its own */
	if (err < 0)
		return err;
	if ((err = elf_map(n->mm, src, info, bias)) < 0)
		goto fail;
	top = n->mm->stack_top;
	fw_mutex_lock(&n->mm->lock);
	err = mm_insert_locked(n->mm, top - exec_stack_size(t->proc), top,
	    LINUX_PROT_READ | LINUX_PROT_WRITE,
	    VMA_ANON | VMA_STACK | VMA_GROWSDOWN);
	fw_mutex_unlock(&n->mm->lock);
	if (err < 0)
		goto fail;
	n->entry = info->eh.e_entry + bias;
	si->entry = n->entry;
	si->phdr = elf_phdr_addr(info, bias);
	si->phnum = info->eh.e_phnum;
	if ((err = exec_stack_build(n->mm, si, &n->sp)) < 0)
		goto fail;
	if ((err = fw_uthread_new(n->mm->vm, &n->ut)) < 0)
		goto fail;
	return 0;
fail:
	mm_free(n->mm);
	return err;
}

/* Resets what execve(2) resets: handled signals, the alternate stack. */
static void
exec_reset_signals_locked(struct proc *p, struct thread *t)
	FW_REQUIRES(&p->lock)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(p->sigaction); i++)
		if (p->sigaction[i].handler != LINUX_SIG_IGN)
			memset(&p->sigaction[i], 0, sizeof(p->sigaction[i]));
	t->altstack_sp = t->altstack_size = 0;
	t->altstack_flags = LINUX_SS_DISABLE;
}

/* The point of no return: p and t take n over; cannot fail. */
static void
exec_commit(struct thread *t, struct exec_new *n, const char *path)
{
	struct proc *p = t->proc;
	const char *base = str_rchr(path, '/');
	struct fw_uthread *old_ut = t->uthread;
	struct mm *old_mm;
	struct fw_vm *old_vm;

	fw_mutex_lock(&p->lock);
	old_mm = p->mm;
	old_vm = p->vm;
	p->mm = n->mm;
	p->vm = fw_vm_ref(n->mm->vm);
	str_lcpy(p->comm, base != NULL ? base + 1 : path, sizeof(p->comm));
	exec_reset_signals_locked(p, t);
	fw_mutex_unlock(&p->lock);
	t->uthread = n->ut;
	memset(&t->ctx, 0, sizeof(t->ctx));
	t->ctx.rip = n->entry;
	t->ctx.rsp = n->sp;
	t->ctx.rflags = 0x202;			/* IF and the always-one bit */
	fw_uthread_free(old_ut);
	mm_free(old_mm);
	fw_vm_unref(old_vm);
	if (p->fds != NULL)
		fdtable_close_on_exec(p->fds);
}

/* Opens path for exec: a regular file p may execute, or -errno. */
static int
exec_open(struct proc *p, const char *path, struct file **out)
{
	int err;

	if ((err = vfs_open(p, LINUX_AT_FDCWD, path, LINUX_O_RDONLY, 0,
	    out)) < 0)
		return err;
	if ((file_mode(*out) & LINUX_S_IFMT) != LINUX_S_IFREG)
		err = -EACCES;
	else
		err = file_may_exec(p, *out);
	if (err < 0)
		file_unref(*out);
	return err;
}

int
proc_exec(struct thread *t, const char *path, const char *const *argv,
    size_t argc, const char *const *envp, size_t envc)
{
	struct exec_stack_info si = { argv, argc, envp, envc, path, 0, 0, 0,
	    t->proc->cred.uid, t->proc->cred.euid, t->proc->cred.gid,
	    t->proc->cred.egid };
	struct elf_source src;
	struct elf_info info;
	struct exec_new n;
	struct file *f;
	int err;

	if ((err = exec_open(t->proc, path, &f)) < 0)
		return err;
	src.pread = exec_pread;
	src.ctx = f;
	src.size = file_size(f);
	if ((err = elf_read(&src, &info)) < 0)
		goto out_file;
	if (info.interp) {
		fw_log(FW_LOG_INFO, "exec %s: dynamic ELF comes later", path);
		err = -ENOEXEC;
		goto out_info;
	}
	if ((err = exec_build(t, &src, &info, &si, &n)) == 0)
		exec_commit(t, &n, path);
out_info:
	elf_info_release(&info);
out_file:
	file_unref(f);
	return err;
}
