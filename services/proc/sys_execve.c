/*
 * proc/sys_execve.c: execve(2) and execveat(2): copies the path and the argv and envp
 * string arrays out of user memory, with Linux's limits (fs/exec.c: a
 * string is at most MAX_ARG_STRLEN, all of them with their pointers at
 * most a quarter of RLIMIT_STACK, between ARG_MAX and 6 MiB), then runs
 * proc_exec, which either replaces the program or leaves the process as it
 * was and returns the error to it.  Dynamic ELF answers ENOEXEC for now.
 * Locks: proc->lock to read RLIMIT_STACK.
 */
#include <fw/alloc.h>
#include <fw/errno.h>
#include <fw/log.h>
#include <fw/uaccess.h>
#include <svc/lib.h>
#include <svc/proc.h>
#include <svc/syscall.h>
#include <uapi/fcntl.h>
#include <uapi/fs.h>
#include <uapi/resource.h>

#define EXEC_ARG_STRLEN	(32 * 4096ULL)		/* MAX_ARG_STRLEN */
#define EXEC_ARG_MAX	(32 * 4096ULL)		/* ARG_MAX */
#define EXEC_ARG_LIM	(6ULL << 20)		/* _STK_LIM / 4 * 3 */

/* Strings copied from user memory: one buffer, and an offset per string. */
struct exec_strv {
	char		*buf;
	size_t		 len, cap;
	size_t		*off;
	size_t		 n, ncap;
};

/* Makes room for need more bytes and one more string: 0 or -ENOMEM. */
static int
exec_strv_grow(struct exec_strv *v, size_t need)
{
	void *nb;

	if (v->cap - v->len < need) {
		size_t cap = MAX(v->cap * 2, v->len + need);

		if ((nb = fw_realloc(v->buf, cap)) == NULL)
			return -ENOMEM;
		v->buf = nb, v->cap = cap;
	}
	if (v->n == v->ncap) {
		size_t ncap = MAX(v->ncap * 2, (size_t)16);

		if ((nb = fw_realloc(v->off, ncap * sizeof(*v->off))) == NULL)
			return -ENOMEM;
		v->off = nb, v->ncap = ncap;
	}
	return 0;
}

/*
 * Appends the strings of the NULL-terminated user array uv (NULL: none)
 * to v; *left is what the limit still allows, in bytes.
 */
static int
exec_copy_strings(struct proc *p, uint64_t uv, struct exec_strv *v,
    uint64_t *left)
{
	uint64_t up;
	long n;
	size_t max;
	int err;

	if (uv == 0)
		return 0;
	for (;; uv += sizeof(up)) {
		if (fw_copy_from_user(p->vm, &up, fw_uaddr(uv), sizeof(up)) < 0)
			return -EFAULT;
		if (up == 0)
			return 0;
		if (*left < sizeof(up) + 1)
			return -E2BIG;
		*left -= sizeof(up);		/* the pointer on the stack */
		max = (size_t)MIN(EXEC_ARG_STRLEN, *left);
		if ((err = exec_strv_grow(v, max)) < 0)
			return err;
		n = fw_strncpy_from_user(p->vm, v->buf + v->len, fw_uaddr(up),
		    max);
		if (n < 0)
			return -EFAULT;
		if ((size_t)n == max)
			return -E2BIG;
		v->off[v->n++] = v->len;
		v->len += (size_t)n + 1;
		*left -= (uint64_t)n + 1;
	}
}

/* The pointers to v's strings from index from on: a heap array. */
static const char **
exec_strv_ptrs(const struct exec_strv *v, size_t from, size_t to)
{
	const char **ptrs;
	size_t i;

	if ((ptrs = fw_zalloc(to - from + 1, sizeof(*ptrs))) == NULL)
		return NULL;
	for (i = from; i < to; i++)
		ptrs[i - from] = v->buf + v->off[i];
	return ptrs;
}

static uint64_t
exec_arg_limit(struct proc *p)
{
	uint64_t stack;

	fw_mutex_lock(&p->lock);
	stack = p->rlim[LINUX_RLIMIT_STACK].cur;
	fw_mutex_unlock(&p->lock);
	return MAX(MIN(EXEC_ARG_LIM, stack / 4), EXEC_ARG_MAX);
}

/* Copies argv and envp, then execs file from dirfd, named path. */
static int
exec_user(struct thread *t, int dirfd, const char *file, int flags,
    const char *path, uint64_t uargv, uint64_t uenvp)
{
	struct exec_strv v = { NULL, 0, 0, NULL, 0, 0 };
	uint64_t left = exec_arg_limit(t->proc);
	const char **argv = NULL, **envp = NULL;
	size_t argc;
	int err;

	if ((err = exec_copy_strings(t->proc, uargv, &v, &left)) < 0)
		goto out;
	argc = v.n;
	if ((err = exec_copy_strings(t->proc, uenvp, &v, &left)) < 0)
		goto out;
	argv = exec_strv_ptrs(&v, 0, argc);
	envp = exec_strv_ptrs(&v, argc, v.n);
	if (argv == NULL || envp == NULL) {
		err = -ENOMEM;
		goto out;
	}
	err = proc_execat(t, dirfd, file, flags, path, argv, argc, envp,
	    v.n - argc);
out:
	fw_free(argv);
	fw_free(envp);
	fw_free(v.off);
	fw_free(v.buf);
	return err;
}

/*
 * The name a program run by execveat gets (fs/exec.c alloc_bprm): the
 * path itself when absolute or from the cwd, else /dev/fd/N[/path].
 */
static void
exec_name(int dirfd, const char *path, char *name, size_t size)
{
	if (path[0] == '/' || dirfd == LINUX_AT_FDCWD)
		str_lcpy(name, path, size);
	else if (path[0] == '\0')
		fw_snprintf(name, size, "/dev/fd/%d", dirfd);
	else
		fw_snprintf(name, size, "/dev/fd/%d/%s", dirfd, path);
}

/* execveat(dirfd, path, argv, envp, flags); execve is it from the cwd. */
static long
do_execveat(struct thread *t, int dirfd, uint64_t upath, uint64_t uargv,
    uint64_t uenvp, int flags)
{
	char *path, *name = NULL;
	long n;
	int err;

	if (flags & ~(LINUX_AT_EMPTY_PATH | LINUX_AT_SYMLINK_NOFOLLOW))
		return -EINVAL;
	if ((path = fw_alloc(LINUX_PATH_MAX)) == NULL)
		return -ENOMEM;
	n = fw_strncpy_from_user(t->proc->vm, path, fw_uaddr(upath),
	    LINUX_PATH_MAX);
	if (n < 0)
		err = -EFAULT;
	else if (n == LINUX_PATH_MAX)
		err = -ENAMETOOLONG;
	else if (n == 0 && !(flags & LINUX_AT_EMPTY_PATH))
		err = -ENOENT;
	else if ((name = fw_alloc(LINUX_PATH_MAX + 32)) == NULL)
		err = -ENOMEM;
	else {
		exec_name(dirfd, path, name, LINUX_PATH_MAX + 32);
		err = exec_user(t, dirfd, path, flags, name, uargv, uenvp);
	}
	fw_free(name);
	fw_free(path);
	return err;
}

/* execve(path, argv, envp): 0 in the new program, or -errno in the old. */
SYSCALL(execve)
{
	return do_execveat(t, LINUX_AT_FDCWD, a->a[0], a->a[1], a->a[2], 0);
}

SYSCALL(execveat)
{
	return do_execveat(t, (int)a->a[0], a->a[1], a->a[2], a->a[3],
	    (int)a->a[4]);
}
