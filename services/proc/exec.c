/*
 * proc/exec.c: replacing a thread's program (execve(2) without the copies
 * from user memory, which sys_execve adds): ELF files, static or with a
 * program interpreter (exec_interp.c), and #! scripts, whose interpreter
 * runs in their place (up to five deep).
 * Everything that can fail is built on the side (file, headers, vm, mm,
 * stack, user thread); only then does the process switch over, in a step
 * that cannot fail.
 *
 * Interface: proc_exec (svc/proc.h).  Locks: proc->lock for the switch.
 */
#include <fw/alloc.h>
#include <fw/errno.h>
#include <fw/string.h>
#include <fw/user.h>
#include <fw/vm.h>
#include <svc/elf.h>
#include <svc/file.h>
#include <svc/lib.h>
#include <svc/ktimer.h>
#include <svc/mm.h>
#include <svc/futex.h>
#include <svc/proc.h>
#include <svc/vfs.h>
#include <uapi/fcntl.h>
#include <uapi/mman.h>

#include "exec_impl.h"

/* The stack VMA: RLIMIT_STACK, within these bounds. */
#define EXEC_STACK_MIN	(128ULL << 10)
#define EXEC_STACK_MAX	(256ULL << 20)

/*
 * What exec builds before the point of no return.  Its vm is an heir
 * (fw_vm_new_heir()) when the old one is the process's alone: then ut is
 * NULL while the heir waits, and the commit hands it the old vm's space
 * and the calling thread's uthread, as the host's process and thread.
 */
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

void
exec_source(struct file *f, struct elf_source *out)
{
	out->pread = exec_pread;
	out->ctx = f;
	out->size = file_size(f);
	out->file = f;
}

static uint64_t
exec_stack_size(const struct proc *p)
{
	uint64_t cur = p->rlim[LINUX_RLIMIT_STACK].cur;

	return fw_page_down(MAX(MIN(cur, EXEC_STACK_MAX), EXEC_STACK_MIN));
}

/* Maps the stack VMA below mm->stack_top (with PROT_EXEC if asked). */
static int
exec_map_stack(struct thread *t, struct mm *mm, bool exec)
{
	uint64_t top = mm->stack_top;
	unsigned int prot = LINUX_PROT_READ | LINUX_PROT_WRITE;
	int err;

	if (exec)
		prot |= LINUX_PROT_EXEC;
	mm_set_stack_rlimit(mm, t->proc->rlim[LINUX_RLIMIT_STACK].cur);
	fw_mutex_lock(&mm->lock);
	err = mm_insert_locked(mm, top - exec_stack_size(t->proc), top, prot,
	    VMA_ANON | VMA_STACK | VMA_GROWSDOWN);
	fw_mutex_unlock(&mm->lock);
	return err;
}

/*
 * Builds the new address space and stack for info (and its interpreter
 * ip, or NULL) into n: 0 or -errno.
 */
static int
exec_build(struct thread *t, const struct elf_source *src,
    const struct elf_info *info, const struct exec_interp *ip,
    struct exec_stack_info *si, struct exec_new *n)
{
	struct fw_vm *vm;
	uint64_t bias = elf_load_bias(info);
	int err;

	n->ut = NULL;
	if (t->uthread != NULL && t->proc->mm != NULL &&
	    !mm_shared(t->proc->mm))
		err = fw_vm_new_heir(&vm);
	else
		err = fw_vm_new(&vm);
	if (err < 0)
		return err;
	err = mm_new(vm, &n->mm);
	fw_vm_unref(vm);			/* n->mm holds its own */
	if (err < 0)
		return err;
	mm_set_as_rlimit(n->mm, t->proc->rlim[LINUX_RLIMIT_AS].cur);
	if ((err = elf_map(n->mm, src, info, bias)) < 0)
		goto fail;
	if ((err = exec_map_stack(t, n->mm, info->exec_stack)) < 0)
		goto fail;
	if ((err = exec_vdso_map(n->mm, &si->sysinfo_ehdr)) < 0)
		goto fail;
	n->entry = si->entry = info->eh.e_entry + bias;
	if (ip != NULL &&
	    (err = exec_interp_map(n->mm, ip, &si->base, &n->entry)) < 0)
		goto fail;
	si->phdr = elf_phdr_addr(info, bias);
	si->phnum = info->eh.e_phnum;
	/* The thread first: the auxiliary vector's AT_MINSIGSTKSZ may need it. */
	if (!fw_vm_awaits_space(n->mm->vm) &&
	    (err = fw_uthread_new(n->mm->vm, &n->ut)) < 0)
		goto fail;
	if ((err = exec_stack_build(n->mm, si, &n->sp)) < 0) {
		fw_uthread_free(n->ut);
		goto fail;
	}
	/*
	 * The stack, the vDSO and what else the loader filled go to the host
	 * with the program's segments: the start-up code reads them at once,
	 * and each page left out costs a fault.  An heir's go at the commit
	 * (fw_vm_succeed()); a walk now would find no space to hand them to.
	 */
	if (n->ut != NULL)
		fw_vm_prefault_range(n->mm->vm, fw_uaddr(0), fw_vm_user_top());
	return 0;
fail:
	mm_free(n->mm);
	return err;
}

/*
 * The last step that may fail: the thread the new program starts on.  An
 * heir takes the old vm's space and t's uthread only if no other process
 * can run in that space: one may have come since the build (a CLONE_VM
 * child of a thread now gone).  Then it gets a space and a thread of its
 * own.  A uthread kept gets the initial FP state (-EIO: the host lost it).
 */
static int
exec_settle_thread(struct thread *t, struct exec_new *n)
{
	struct fw_vm *vm = n->mm->vm;
	int err;

	if (!fw_vm_awaits_space(vm))
		return 0;
	if (!mm_shared(t->proc->mm))
		return fw_uthread_fpstate_reset(t->uthread);
	if ((err = fw_vm_give_space(vm)) < 0 ||
	    (err = fw_uthread_new(vm, &n->ut)) < 0)
		return err;
	fw_vm_prefault_range(vm, fw_uaddr(0), fw_vm_user_top());
	return 0;
}

/* Resets what execve(2) resets: handled signals, the alternate stack. */
static void
exec_reset_signals_locked(struct proc *p, struct thread *t)
	FW_REQUIRES(&p->lock)
{
	sighand_flush(p->sighand);		/* unshared before */
	t->altstack_sp = t->altstack_size = 0;
	t->altstack_flags = LINUX_SS_DISABLE;
}

/* Frees what exec_build made, for an exec that does not go ahead. */
static void
exec_discard(struct exec_new *n)
{
	fw_uthread_free(n->ut);
	mm_free(n->mm);
}

/* The point of no return: p and t take n over; cannot fail. */
static void
exec_commit(struct thread *t, struct exec_new *n, struct file *f,
    const char *path)
{
	struct proc *p = t->proc;
	struct file *old_exe;
	bool old_denied;
	const char *base = str_rchr(path, '/');
	struct fw_uthread *old_ut = t->uthread;
	struct mm *old_mm;
	struct fw_vm *old_vm;

	/*
	 * The lists live in the old memory: robust futexes still held are
	 * marked OWNER_DIED there first (exec_mm_release()); t is alone now.
	 */
	futex_exit_robust(t);
	t->robust_list = t->robust_len = 0;
	t->clear_child_tid = 0;
	if (n->ut == NULL) {			/* the heir takes t over */
		fw_vm_succeed(n->mm->vm, p->vm, old_ut);
		n->ut = old_ut;
		old_ut = NULL;
	}
	fw_mutex_lock(&p->lock);
	proc_note_maxrss(p);			/* setmax_mm_hiwater_rss() */
	old_mm = p->mm;
	old_vm = p->vm;
	p->mm = n->mm;
	p->vm = fw_vm_ref(n->mm->vm);
	old_exe = p->exe;
	old_denied = p->exe_denied;
	p->exe = file_ref(f);
	p->exe_denied = file_deny_write(f);
	str_lcpy(p->comm, base != NULL ? base + 1 : path, sizeof(p->comm));
	exec_reset_signals_locked(p, t);
	p->did_exec = true;			/* setpgid(2) now says EACCES */
	p->dumpable = p->cred.euid == p->cred.uid &&
	    p->cred.egid == p->cred.gid;	/* begin_new_exec() */
	t->uthread = n->ut;			/* senders kick it under the lock */
	fw_mutex_unlock(&p->lock);
	memset(&t->ctx, 0, sizeof(t->ctx));
	t->ctx.rip = n->entry;
	t->ctx.rsp = n->sp;
	t->ctx.rflags = 0x202;			/* IF and the always-one bit */
	fw_uthread_free(old_ut);
	mm_free(old_mm);
	fw_vm_unref(old_vm);
	if (old_denied)
		file_allow_write(old_exe);
	file_unref(old_exe);
	proc_vfork_release(p);			/* the parent's memory is its own */
	if (p->fds != NULL)
		fdtable_close_on_exec(p->fds);
	ktimer_exec(p);
}

/*
 * #! scripts (fs/binfmt_script.c): the first EXEC_BUF_SIZE bytes of the
 * file hold "#!", the interpreter's path and an optional argument, the
 * rest of the line as one string.  An exec may pass through at most
 * EXEC_MAX_DEPTH interpreters before an ELF program (fs/exec.c).
 */
#define EXEC_BUF_SIZE	256			/* BINPRM_BUF_SIZE */
#define EXEC_MAX_DEPTH	5
#define EXEC_SCRIPT	1			/* exec_level: run sc->name */

struct exec_script {
	char		 buf[EXEC_BUF_SIZE];	/* the file's head, then the
						   line's two strings */
	const char	*name;			/* the interpreter, in buf */
	const char	**argv;			/* the next level's, counted */
	size_t		 argc;
};

static bool
exec_spacetab(char c)
{
	return c == ' ' || c == '\t';
}

/* The first byte of [from, to] that is no space or tab, or NULL. */
static char *
exec_skip_blanks(char *from, const char *to)
{
	for (; from <= to; from++)
		if (!exec_spacetab(*from))
			return from;
	return NULL;
}

/* The first space, tab or NUL in [from, to], or NULL. */
static char *
exec_find_blank(char *from, const char *to)
{
	for (; from <= to; from++)
		if (exec_spacetab(*from) || *from == '\0')
			return from;
	return NULL;
}

/*
 * Splits the #! line in buf, as load_script() does: *name gets the
 * interpreter, *arg the argument or NULL, both terminated in buf.  Without
 * a newline in buf the line is cut, which only the argument may be:
 * -ENOEXEC when the path may be cut too, or there is no path.
 */
static int
exec_parse_line(char *buf, char **name, char **arg)
{
	char *last = buf + EXEC_BUF_SIZE - 1, *end, *sep;

	for (end = buf; end <= last && *end != '\n'; end++)
		continue;
	if (end > last) {
		if ((end = exec_skip_blanks(buf + 2, last)) == NULL ||
		    exec_find_blank(end, last) == NULL)
			return -ENOEXEC;
		end = last;
	}
	while (exec_spacetab(end[-1]))
		end--;
	*name = exec_skip_blanks(buf + 2, end);
	if (*name == NULL || *name == end)
		return -ENOEXEC;
	*arg = NULL;
	sep = exec_find_blank(*name, end);
	if (sep != NULL && *sep != '\0')
		*arg = exec_skip_blanks(sep, end);
	*end = '\0';
	if (*arg != NULL)
		*sep = '\0';
	return 0;
}

/*
 * Makes the next level's argv for the script file run with argv: the
 * interpreter, its argument if any, file, then argv without its argv[0].
 * EXEC_SCRIPT, or -ENOEXEC, -ENOMEM.
 */
static int
exec_script_argv(struct exec_script *sc, const char *file,
    const char *const *argv, size_t argc)
{
	char *name, *arg;
	size_t skip = argc > 0 ? 1 : 0, n = 0, i;
	int err;

	if ((err = exec_parse_line(sc->buf, &name, &arg)) < 0)
		return err;
	if (*name == '\0')	/* "#!" then NUL: Linux looks "" up as */
		return -EACCES;	/* the cwd, a directory: EACCES */
	sc->argc = argc - skip + (arg != NULL ? 3 : 2);
	if ((sc->argv = fw_zalloc(sc->argc + 1, sizeof(*sc->argv))) == NULL)
		return -ENOMEM;
	sc->name = name;
	sc->argv[n++] = name;
	if (arg != NULL)
		sc->argv[n++] = arg;
	sc->argv[n++] = file;
	for (i = skip; i < argc; i++)
		sc->argv[n++] = argv[i];
	return EXEC_SCRIPT;
}

int
exec_open(struct proc *p, int dirfd, const char *path, int flags,
    struct file **out)
{
	struct file *f;
	int err;

	if (path[0] == '\0' && (flags & LINUX_AT_EMPTY_PATH)) {
		if ((err = fd_get(p, dirfd, &f)) < 0)
			return err;
		err = vfs_reopen(f, LINUX_O_RDONLY, out);
		file_unref(f);
	} else {
		err = vfs_open(p, dirfd, path, LINUX_O_RDONLY |
		    ((flags & LINUX_AT_SYMLINK_NOFOLLOW) ? LINUX_O_NOFOLLOW :
		    0), 0, out);
	}
	if (err < 0)
		return err;
	if ((file_mode(*out) & LINUX_S_IFMT) != LINUX_S_IFREG)
		err = -EACCES;
	else
		err = file_may_exec(p, *out);
	if (err < 0)
		file_unref(*out);
	return err;
}

/*
 * Runs the ELF file f, named path by the caller of execve, with argv and
 * envp: builds the new program and commits it, or leaves t as it was.
 */
static int
exec_elf(struct thread *t, struct file *f, const char *path,
    const char *const *argv, size_t argc, const char *const *envp,
    size_t envc)
{
	const struct cred *c = &t->proc->cred;
	struct exec_stack_info si = { .argv = argv, .argc = argc,
	    .envp = envp, .envc = envc, .execfn = path, .uid = c->uid,
	    .euid = c->euid, .gid = c->gid, .egid = c->egid };
	struct elf_source src;
	struct elf_info info;
	struct exec_interp ip;
	struct exec_new n;
	int err;

	exec_source(f, &src);
	if ((err = elf_read(&src, &info)) < 0)
		return err;
	if (info.interp &&
	    (err = exec_interp_open(t->proc, &src, &info, &ip)) < 0)
		goto out;
	err = exec_build(t, &src, &info, info.interp ? &ip : NULL, &si, &n);
	if (err == 0) {
		/*
		 * Past the last failure but these: the other threads go, and
		 * a descriptor table or signal actions shared with another
		 * process (CLONE_FILES, CLONE_SIGHAND) are copied.
		 */
		if ((err = thread_group_leave(t)) == 0 &&
		    (err = fdtable_unshare(t->proc)) == 0 &&
		    (err = sighand_unshare(t->proc)) == 0 &&
		    (err = exec_settle_thread(t, &n)) == 0)
			exec_commit(t, &n, f, path);
		else
			exec_discard(&n);
	}
	if (info.interp)
		exec_interp_close(&ip);
out:
	elf_info_release(&info);
	return err;
}

/* The argument vector an exec level runs with, and where its file is. */
struct exec_argv {
	const char *const	*argv;
	size_t			 argc;
	int			 dirfd, flags;	/* execveat's, at the first */
};

/*
 * Opens file, the program or interpreter at this level of an execve of
 * path, and runs it if it is ELF.  A #! script instead fills *sc and
 * returns EXEC_SCRIPT, for the next level to run sc->name.
 */
static int
exec_level(struct thread *t, const char *path, const char *file,
    const struct exec_argv *av, const char *const *envp, size_t envc,
    struct exec_script **sc)
{
	struct file *f;
	long n;
	int err;

	if ((err = exec_open(t->proc, av->dirfd, file, av->flags, &f)) < 0)
		return err;
	if ((*sc = fw_zalloc(1, sizeof(**sc))) == NULL) {
		err = -ENOMEM;
		goto out;
	}
	if ((n = file_pread(f, (*sc)->buf, sizeof((*sc)->buf), 0)) < 0) {
		err = (int)n;
		goto out;
	}
	if (n >= 2 && (*sc)->buf[0] == '#' && (*sc)->buf[1] == '!')
		err = exec_script_argv(*sc, av->dirfd == LINUX_AT_FDCWD ? file :
		    path, av->argv, av->argc);
	else
		err = exec_elf(t, f, path, av->argv, av->argc, envp, envc);
out:
	file_unref(f);
	return err;
}

int
proc_exec(struct thread *t, const char *path, const char *const *argv,
    size_t argc, const char *const *envp, size_t envc)
{
	return proc_execat(t, LINUX_AT_FDCWD, path, 0, path, argv, argc, envp,
	    envc);
}

int
proc_execat(struct thread *t, int dirfd, const char *file, int flags,
    const char *path, const char *const *argv, size_t argc,
    const char *const *envp, size_t envc)
{
	struct exec_script *sc[EXEC_MAX_DEPTH + 1] = { NULL };
	struct exec_argv av = { argv, argc, dirfd, flags };
	int depth, err;

	/* fs/exec.c exec_binprm(): a 6th interpreter is one too many. */
	for (depth = 0;; depth++) {
		if (depth > EXEC_MAX_DEPTH) {
			err = -ELOOP;
			break;
		}
		err = exec_level(t, path, file, &av, envp, envc, &sc[depth]);
		if (err != EXEC_SCRIPT)
			break;
		file = sc[depth]->name;
		av.argv = sc[depth]->argv;
		av.argc = sc[depth]->argc;
		av.dirfd = LINUX_AT_FDCWD;
		av.flags = 0;
	}
	for (depth = 0; depth <= EXEC_MAX_DEPTH; depth++) {
		if (sc[depth] != NULL)
			fw_free(sc[depth]->argv);
		fw_free(sc[depth]);
	}
	return err;
}
