/*
 * tests/unit/services/fs/fstest.h: helpers shared by the file-service
 * tests: a newc archive builder and a fake process to make syscalls as.
 * Header-only (static functions) so each test is one source file.
 */
#ifndef TESTS_FS_FSTEST_H
#define TESTS_FS_FSTEST_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fw/errno.h>
#include <svc/proc.h>
#include <svc/syscall.h>
#include <svc/vfs.h>
#include <uapi/fcntl.h>
#include <uapi/fs.h>
#include "shim.h"
#include "fs.h"		/* services/fs: vfs_fini() */

struct archive {
	char	buf[1 << 16];
	size_t	len;
};

static void
ar_entry(struct archive *ar, const char *name, unsigned int mode,
    const void *data, size_t dlen, unsigned int ino, unsigned int nlink,
    unsigned int rmaj, unsigned int rmin)
{
	size_t nsz = strlen(name) + 1;

	ar->len += (size_t)sprintf(ar->buf + ar->len,
	    "070701%08X%08X%08X%08X%08X%08X%08zX%08X%08X%08X%08X%08zX%08X",
	    ino, mode, 1000u, 100u, nlink, 1234567u, dlen, 0u, 0u, rmaj, rmin,
	    nsz, 0u);
	memcpy(ar->buf + ar->len, name, nsz);
	ar->len += nsz;
	while (ar->len % 4)
		ar->buf[ar->len++] = '\0';
	memcpy(ar->buf + ar->len, data, dlen);
	ar->len += dlen;
	while (ar->len % 4)
		ar->buf[ar->len++] = '\0';
}

static unsigned int ar_ino = 100;

static void
ar_dir(struct archive *ar, const char *name, unsigned int perm)
{
	ar_entry(ar, name, LINUX_S_IFDIR | perm, "", 0, ar_ino++, 2, 0, 0);
}

static void
ar_file(struct archive *ar, const char *name, unsigned int perm,
    const char *data)
{
	ar_entry(ar, name, LINUX_S_IFREG | perm, data, strlen(data), ar_ino++,
	    1, 0, 0);
}

static void
ar_link(struct archive *ar, const char *name, const char *target)
{
	ar_entry(ar, name, LINUX_S_IFLNK | 0777, target, strlen(target),
	    ar_ino++, 1, 0, 0);
}

static void
ar_trailer(struct archive *ar)
{
	ar_entry(ar, "TRAILER!!!", 0, "", 0, 0, 1, 0, 0);
}

/* A process with root credentials, root and cwd at "/", and fds 0-2. */
static struct proc tp;
static struct thread tt;

static void
proc_setup(void)
{
	struct vpath root;
	struct file *f;
	unsigned int i;

	memset(&tp, 0, sizeof(tp));
	memset(&tt, 0, sizeof(tt));
	tt.proc = &tp;
	tp.pid = tp.pgid = 42;
	vfs_root(&root);
	ck_assert_int_eq(fs_struct_new(&root, &root, 022, &tp.fs), 0);
	vpath_drop(&root);
	ck_assert_int_eq(fdtable_new(&tp.fds), 0);
	for (i = 0; i < 3; i++) {
		ck_assert_int_eq(console_file_open(i, &f), 0);
		ck_assert_int_eq(fd_install(&tp, f, false), (int)i);
		file_unref(f);
	}
	shim_user_reset();
}

static void
proc_teardown(void)
{
	fdtable_unref(tp.fds);
	fs_struct_unref(tp.fs);
	tp.fds = NULL;
	tp.fs = NULL;
}

static long
sc(long (*fn)(struct thread *, const struct syscall_args *), uint64_t a0,
    uint64_t a1, uint64_t a2, uint64_t a3)
{
	struct syscall_args a = { 0, { a0, a1, a2, a3, 0, 0 } };

	return fn(&tt, &a);
}
#define SC(name, ...)	sc_n(sys_##name, __VA_ARGS__, 0, 0, 0, 0)
#define sc_n(fn, a0, a1, a2, a3, ...) \
	sc(fn, (uint64_t)(a0), (uint64_t)(a1), (uint64_t)(a2), (uint64_t)(a3))
#define U(s)		shim_user_str(s)

#endif
