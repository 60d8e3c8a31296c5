/*
 * tests/fuzz/p9client_fuzz.c: libFuzzer harness for the services' 9P
 * client (services/fs/p9c.c, p9fs.c, p9fs_file.c) under the sandbox root:
 * the replies of a real server (sim/p9) on a small tree are damaged as the
 * input says, while the file services boot with root=9p and a fixed
 * workload of system calls runs (stat, listings, reads, a symlink, a
 * mapping's pages).  Whatever the replies say, the client must answer
 * with errors, never crash, read out of bounds or leak (ASan, UBSan and
 * LeakSanitizer watch).
 *
 * An input is a list of edits, 4 bytes each: which reply (byte 0), where
 * in it (byte 1, scaled to its length), what (byte 2: 0-3 xor a byte,
 * 4-5 set a 32-bit field to all ones, 6 cut the reply there, 7 set the
 * byte), and the value (byte 3).  Replies no edit names pass unchanged.
 * An input whose length is not a multiple of 4 boots with root=9p-rw on
 * a writable export instead, and the workload also changes the tree
 * (create, write, truncate, fsync, mkdir, rename, chmod, link, symlink,
 * unlink, rmdir); what a run made is removed before the next.
 *
 * The services, the framework shim and the 9p transport of the unit tests
 * (tests/unit/services/fs/shim.c, p9shim.c: the server, and a mangler
 * for its replies) are compiled into this program.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fw/frame.h>
#include <svc/proc.h>
#include <svc/syscall.h>
#include <svc/vfs.h>
#include <uapi/fcntl.h>
#include "fs.h"
#include "shim.h"

#define MAX_EDITS	64

int	LLVMFuzzerInitialize(int *argc, char ***argv);
int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[PATH_MAX];
static bool writable;
static const uint8_t *edits;
static size_t nedits, nreply;
static struct proc tp;
static struct thread tt;

static void __attribute__((noreturn))
die(const char *what)
{
	fprintf(stderr, "p9client_fuzz: %s\n", what);
	abort();
}

static void
put(const char *name, const char *text, size_t len)
{
	char path[PATH_MAX + 64];
	int fd;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644)) < 0 ||
	    write(fd, text, len) != (ssize_t)len || close(fd) < 0)
		die("cannot write the tree");
}

/*
 * What the writable workload makes (and the mount points root=9p-rw
 * adds), gone so each run starts from the same tree; the originals the
 * workload may have changed are written again.
 */
static void
rw_clean(void)
{
	static const char *const made[] = { "w", "nd/w2", "nd/h", "nd/s",
	    "nd", "tmp", "proc", "sys", "dev" };
	char path[PATH_MAX + 64];

	for (size_t i = 0; i < sizeof(made) / sizeof(made[0]); i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, made[i]);
		(void)remove(path);
	}
	put("a", "hello", 5);
	snprintf(path, sizeof(path), "%s/a", dir);
	(void)chmod(path, 0644);
}

/* The scratch tree goes when the fuzzer exits normally. */
static void
remove_tree(void)
{
	static const char *const names[] = { "d/x", "d/y", "d", "ln", "a",
	    "big" };
	char path[PATH_MAX + 64];

	rw_clean();
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		(void)remove(path);
	}
	(void)rmdir(dir);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	static char big[20000];
	char path[PATH_MAX + 64];

	(void)argc;
	(void)argv;
	snprintf(dir, sizeof(dir), "%s/p9client_fuzz.XXXXXX",
	    getenv("TMPDIR") != NULL ? getenv("TMPDIR") : "/tmp");
	if (mkdtemp(dir) == NULL)
		die("mkdtemp");
	memset(big, 'b', sizeof(big));
	put("a", "hello", 5);
	put("big", big, sizeof(big));
	snprintf(path, sizeof(path), "%s/d", dir);
	if (mkdir(path, 0755) < 0)
		die("mkdir");
	put("d/x", "x", 1);
	put("d/y", "yy", 2);
	snprintf(path, sizeof(path), "%s/ln", dir);
	if (symlink("d/x", path) < 0)
		die("symlink");
	atexit(remove_tree);
	return 0;
}

/* Applies the input's edits for this reply (p9shim.c's mangler). */
static size_t
mangle(uint8_t *r, size_t len, size_t cap)
{
	size_t i, at;

	(void)cap;		/* edits only shrink or rewrite */
	for (i = 0; i < nedits; i++) {
		const uint8_t *e = edits + 4 * i;

		if (e[0] != nreply % 256 || len == 0)
			continue;
		at = (size_t)e[1] * len / 256;
		switch (e[2] & 7) {
		case 0: case 1: case 2: case 3:
			r[at] ^= e[3] | 1;
			break;
		case 4: case 5:
			if (at + 4 <= len)
				memset(r + at, 0xff, 4);
			break;
		case 6:
			len = at;
			break;
		default:
			r[at] = e[3];
			break;
		}
	}
	nreply++;
	return len;
}

static long
sc(long (*fn)(struct thread *, const struct syscall_args *), uint64_t a0,
    uint64_t a1, uint64_t a2)
{
	struct syscall_args a = { 0, { a0, a1, a2, 0, 0, 0 } };

	return fn(&tt, &a);
}

/* Opens path, reads it through (or lists it), and closes it. */
static void
drain(const char *path, bool dir_too)
{
	uint64_t ub = shim_user_alloc(4096);
	long fd = sc(sys_open, shim_user_str(path), LINUX_O_RDONLY, 0);

	if (fd < 0)
		return;
	for (int i = 0; i < 64 && sc(sys_read, (uint64_t)fd, ub, 4096) > 0;
	    i++)
		;
	if (dir_too)
		for (int i = 0; i < 64 && sc(sys_getdents64, (uint64_t)fd, ub,
		    256) > 0; i++)
			;
	sc(sys_close, (uint64_t)fd, 0, 0);
}

static void
workload(void)
{
	uint64_t st = shim_user_alloc(256), buf = shim_user_alloc(256);
	struct fw_frame *f;
	struct walk w;
	struct fsctx c;

	sc(sys_stat, shim_user_str("/"), st, 0);
	drain("/", true);
	drain("/a", false);
	drain("/big", false);
	drain("/d", true);
	sc(sys_readlink, shim_user_str("/ln"), buf, 256);
	drain("/ln", false);
	sc(sys_stat, shim_user_str("/d/y"), st, 0);
	sc(sys_stat, shim_user_str("/nope"), st, 0);
	/* A mapping's way in: a page of /big by its index. */
	fsctx_get(&tp, &c);
	if (lookup_at(&c, LINUX_AT_FDCWD, "/big", 0, WALK_FOLLOW, &w) == 0) {
		fw_mutex_lock(&fs_lock);
		if (w.v->ops->get_page != NULL &&
		    w.v->ops->get_page(w.v, 2, &f) == 0)
			fw_frame_unref(f);
		fw_mutex_unlock(&fs_lock);
		walk_done(&w);
	}
	fsctx_put(&c);
}

/* Changes to the tree, through the client's write side. */
static void
workload_rw(void)
{
	uint64_t buf = shim_user_alloc(5000), st = shim_user_alloc(256);
	long fd;

	fd = sc(sys_open, shim_user_str("/w"), LINUX_O_CREAT | LINUX_O_RDWR |
	    LINUX_O_TRUNC, 0644);
	if (fd >= 0) {
		sc(sys_write, (uint64_t)fd, buf, 5000);
		sc(sys_lseek, (uint64_t)fd, 100, 0);
		sc(sys_read, (uint64_t)fd, buf, 200);
		sc(sys_write, (uint64_t)fd, buf, 10);
		sc(sys_ftruncate, (uint64_t)fd, 300, 0);
		sc(sys_fsync, (uint64_t)fd, 0, 0);
		sc(sys_close, (uint64_t)fd, 0, 0);
	}
	fd = sc(sys_open, shim_user_str("/a"), LINUX_O_WRONLY |
	    LINUX_O_APPEND, 0);
	if (fd >= 0) {
		sc(sys_write, (uint64_t)fd, buf, 3);
		sc(sys_close, (uint64_t)fd, 0, 0);
	}
	sc(sys_mkdir, shim_user_str("/nd"), 0755, 0);
	sc(sys_rename, shim_user_str("/w"), shim_user_str("/nd/w2"), 0);
	sc(sys_chmod, shim_user_str("/nd/w2"), 0600, 0);
	sc(sys_link, shim_user_str("/a"), shim_user_str("/nd/h"), 0);
	sc(sys_symlink, shim_user_str("../a"), shim_user_str("/nd/s"), 0);
	sc(sys_stat, shim_user_str("/nd/s"), st, 0);
	drain("/nd", true);
	sc(sys_unlink, shim_user_str("/nd/w2"), 0, 0);
	sc(sys_unlink, shim_user_str("/nd/h"), 0, 0);
	sc(sys_unlink, shim_user_str("/nd/s"), 0, 0);
	sc(sys_rmdir, shim_user_str("/nd"), 0, 0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct vpath root;

	edits = data;
	nedits = size / 4 > MAX_EDITS ? MAX_EDITS : size / 4;
	nreply = 0;
	writable = size % 4 != 0;
	shim_set_root_option(writable ? "9p-rw" : "9p");
	if (writable)
		rw_clean();
	if ((writable ? shim_p9_export_rw(dir) : shim_p9_export(dir)) < 0)
		die("no 9p server");
	shim_p9_mangle(mangle);
	if (vfs_init() < 0) {
		if (shim_p9_busy())
			die("the 9p device is still open after a failed boot");
		return 0;
	}
	memset(&tp, 0, sizeof(tp));
	memset(&tt, 0, sizeof(tt));
	tt.proc = &tp;
	tp.pid = tp.pgid = 42;
	vfs_root(&root);
	if (fs_struct_new(&root, &root, 022, &tp.fs) < 0 ||
	    fdtable_new(&tp.fds) < 0)
		die("no process");
	vpath_drop(&root);
	shim_user_reset();
	workload();
	if (writable)
		workload_rw();
	fdtable_unref(tp.fds);
	fs_struct_unref(tp.fs);
	vfs_fini();
	if (shim_p9_busy())
		die("the 9p device is still open after unmount");
	if (shim_frames_live != 0)
		die("frames leaked");
	return 0;
}
