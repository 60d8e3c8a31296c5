/*
 * init/main.c: svc_main(), the services' first task.  It builds the root
 * file system from the initramfs, makes process 1 from the boot command
 * line (stdin, stdout and stderr on the console, root and cwd at /), runs
 * it, and powers off with its status as a shell reports it: the exit code,
 * or 128 + the signal that killed it.  A program that cannot run gives
 * 127 when it was not found and 126 otherwise, like sh(1).
 *
 * No locks: process 1 is not running while this task builds it.
 */
#include <fw/alloc.h>
#include <fw/boot.h>
#include <fw/console.h>
#include <fw/errno.h>
#include <fw/log.h>
#include <fw/power.h>
#include <svc/lib.h>
#include <svc/netdev.h>
#include <svc/proc.h>
#include <svc/syscall.h>
#include <svc/vfs.h>

#define INIT_DEFAULT_PATH	"/bin:/sbin:/usr/bin:/usr/sbin"
#define INIT_PATH_MAX		4096
#define INIT_MAX_ARGS		4096

/* Prints "trellis: cannot run PROGRAM: <text>" and powers off. */
static FW_NORETURN void
init_fail(const char *prog, int err)
{
	char msg[512];
	const char *text = errno_text(-err);
	int n;

	n = fw_snprintf(msg, sizeof(msg), "trellis: cannot run %s: %s\n",
	    prog, text != NULL ? text : "Unknown error");
	if (n > (int)sizeof(msg) - 1)
		n = sizeof(msg) - 1;
	if (fw_console_write(FW_CONSOLE_ERR, msg, (size_t)n) < 0)
		fw_log(FW_LOG_ERROR, "%s", msg);	/* the console is gone */
	fw_power_off(err == -ENOENT ? 127 : 126);
}

/* The PATH to search: the program's own environment's, or the default. */
static const char *
init_path_var(void)
{
	const char *e;
	size_t i;

	for (i = 0; (e = fw_boot_envp(i)) != NULL; i++)
		if (str_ncmp(e, "PATH=", 5) == 0)
			return e + 5;
	return INIT_DEFAULT_PATH;
}

/* Builds "dir/name" (an empty dir is the cwd): 0, or -ENAMETOOLONG. */
static int
init_join(char *path, const char *dir, size_t dlen, const char *name)
{
	size_t nlen = str_len(name), n = 0;

	if (dlen + 2 + nlen + 1 > INIT_PATH_MAX)
		return -ENAMETOOLONG;
	if (dlen == 0)
		path[n++] = '.';
	memcpy(path + n, dir, dlen);
	n += dlen;
	path[n++] = '/';
	memcpy(path + n, name, nlen + 1);
	return 0;
}

/*
 * Execs name like execvp(3): directly if it holds a '/', else in each
 * PATH directory in turn; ENOENT, ENOTDIR and EACCES move on, and EACCES
 * is what fails if no directory has it.
 */
static int
init_execvp(struct thread *t, const char *name, const char *const *argv,
    size_t argc, const char *const *envp, size_t envc)
{
	char path[INIT_PATH_MAX];
	const char *dir = init_path_var(), *end;
	bool eacces = false;
	int err;

	if (str_chr(name, '/') != NULL)
		return proc_exec(t, name, argv, argc, envp, envc);
	for (;;) {
		end = str_chr(dir, ':');
		if (init_join(path, dir, end != NULL ? (size_t)(end - dir) :
		    str_len(dir), name) == 0) {
			err = proc_exec(t, path, argv, argc, envp, envc);
			if (err != -ENOENT && err != -ENOTDIR && err != -EACCES)
				return err;
			eacces |= err == -EACCES;
		}
		if (end == NULL)
			break;
		dir = end + 1;
	}
	return eacces ? -EACCES : -ENOENT;
}

/*
 * Gives p descriptors 0, 1 and 2 on the console, / as root, and cwd (the
 * boot option: the host's, under the 9p root) or / as working directory.
 */
static int
init_files(struct proc *p, const char *cwd)
{
	static const unsigned int ports[3] = { FW_CONSOLE_IN, FW_CONSOLE_OUT,
	    FW_CONSOLE_ERR };
	struct vpath root;
	struct file *f;
	size_t i;
	int err;

	if ((err = fdtable_new(&p->fds)) < 0)
		return err;
	for (i = 0; i < ARRAY_SIZE(ports); i++) {
		if ((err = console_file_open(ports[i], &f)) < 0)
			return err;
		err = fd_install(p, f, false);
		file_unref(f);			/* the table holds its own */
		if (err < 0)
			return err;
	}
	vfs_root(&root);
	err = fs_struct_new(&root, &root, 022, &p->fs);
	vpath_drop(&root);
	if (err == 0 && cwd != NULL && vfs_chdir(p, cwd) < 0)
		fw_log(FW_LOG_WARN, "init: no directory %s here: cwd is /",
		    cwd);
	return err;
}

/* Copies the boot strings' pointers into a heap array of n (+ NULL). */
static const char **
init_strings(const char *(*get)(size_t), size_t n)
{
	const char **v;
	size_t i;

	if ((v = fw_zalloc(n + 1, sizeof(*v))) == NULL)
		return NULL;
	for (i = 0; i < n; i++)
		v[i] = get(i);
	return v;
}

/* A wait status as a shell's $?: the exit code, or 128 + the signal. */
static int
init_shell_status(int ws)
{
	if ((ws & 0x7f) == 0)
		return (ws >> 8) & 0xff;
	return 128 + (ws & 0x7f);
}

static FW_NORETURN void
init_boot_fail(const char *what, int err)
{
	const char *text = errno_text(-err);

	fw_log(FW_LOG_ERROR, "%s: %s", what,
	    text != NULL ? text : "error");
	fw_power_off(125);
}

void
svc_main(void *arg)
{
	size_t argc = fw_boot_argc(), envc = fw_boot_envc();
	const char **argv, **envp;
	struct proc *p;
	struct thread *t;
	int err;

	if ((err = vfs_init()) < 0)
		init_boot_fail("bad initramfs", err);
	if ((err = procfs_init()) < 0)
		init_boot_fail("mounting /proc", err);
	/* The network device is optional: without one, lo is all. */
	if ((err = virtio_net_probe()) < 0 && err != -ENODEV)
		fw_log(FW_LOG_WARN, "virtio-net: %d, no network device\n",
		    err);
	if (argc == 0)
		init_boot_fail("no program to run", -EINVAL);
	if (argc > INIT_MAX_ARGS || envc > INIT_MAX_ARGS)
		init_fail(fw_boot_argv(0), -E2BIG);
	argv = init_strings(fw_boot_argv, argc);
	envp = init_strings(fw_boot_envp, envc);
	if (argv == NULL || envp == NULL)
		init_boot_fail("process 1", -ENOMEM);
	if ((err = proc_new(1, 0, &p)) < 0 || (err = thread_new(p, &t)) < 0 ||
	    (err = init_files(p, fw_boot_option("cwd"))) < 0)
		init_boot_fail("process 1", err);
	proc_set_init(p);
	if ((err = init_execvp(t, argv[0], argv, argc, envp, envc)) < 0)
		init_fail(argv[0], err);
	fw_free(argv);
	fw_free(envp);
	if ((err = thread_start(t)) < 0)
		init_boot_fail("process 1", err);
	fw_power_off(init_shell_status(proc_wait_dead(p)));
}
