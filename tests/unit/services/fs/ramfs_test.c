/*
 * tests/unit/services/fs/ramfs_test.c: the ramfs, the path walk and the
 * file syscalls (services/fs), driven as a process would drive them:
 * create, read back, holes, lookups, symlink loops, unlink of an open
 * file, getdents64 contents, descriptors, devices and permissions.
 */
#include "fstest.h"
#include <uapi/tty.h>

static struct archive ar;

static void
setup(void)
{
	memset(&ar, 0, sizeof(ar));
	ar_dir(&ar, "etc", 0755);
	ar_file(&ar, "etc/passwd", 0644, "root:x:0:0\n");
	ar_file(&ar, "etc/secret", 0600, "s");
	ar_link(&ar, "loop1", "loop2");
	ar_link(&ar, "loop2", "loop1");
	ar_link(&ar, "dangling", "nowhere");
	ar_link(&ar, "etclink", "/etc");
	ar_link(&ar, "c0", "etc");
	for (int i = 1; i <= 41; i++) {
		char n[8], t[8];

		snprintf(n, sizeof(n), "c%d", i);
		snprintf(t, sizeof(t), "c%d", i - 1);
		ar_link(&ar, n, t);
	}
	ar_trailer(&ar);
	shim_set_initrd(ar.buf, ar.len);
	ck_assert_int_eq(vfs_init(), 0);
	proc_setup();
}

static void
teardown(void)
{
	proc_teardown();
	vfs_fini();
	ck_assert_int_eq(shim_frames_live, 0);
}

static long
open_(const char *path, int flags, unsigned int mode)
{
	return SC(open, U(path), flags, mode);
}

static long
write_(long fd, const char *s)
{
	return SC(write, fd, U(s), strlen(s));
}

START_TEST(test_create_write_read_back)
{
	uint64_t ub = shim_user_alloc(64);
	char buf[64];
	long fd;

	fd = open_("/tmp/f", LINUX_O_CREAT | LINUX_O_RDWR, 0666);
	ck_assert_int_eq(fd, 3);
	ck_assert_int_eq(write_(fd, "hello"), 5);
	ck_assert_int_eq(SC(lseek, fd, 0, LINUX_SEEK_SET), 0);
	ck_assert_int_eq(SC(read, fd, ub, 64), 5);
	shim_user_get(ub, buf, 5);
	ck_assert(memcmp(buf, "hello", 5) == 0);
	ck_assert_int_eq(SC(read, fd, ub, 64), 0);
	ck_assert_int_eq(SC(close, fd), 0);
	ck_assert_int_eq(SC(close, fd), -EBADF);
	/* umask 022 applied. */
	ck_assert_int_eq(SC(stat, U("/tmp/f"), ub), 0);
	{
		struct linux_stat st;

		shim_user_get(ub, &st, sizeof(st));
		ck_assert_uint_eq(st.st_mode, LINUX_S_IFREG | 0644);
		ck_assert_int_eq(st.st_size, 5);
	}
	ck_assert_int_eq(open_("/tmp/f", LINUX_O_CREAT | LINUX_O_EXCL, 0),
	    -EEXIST);
	fd = open_("/tmp/f", LINUX_O_WRONLY | LINUX_O_TRUNC, 0);
	ck_assert_int_eq(SC(lseek, fd, 0, LINUX_SEEK_END), 0);
}
END_TEST

START_TEST(test_holes_read_as_zero_and_writes_grow)
{
	uint64_t ub = shim_user_alloc(8192);
	long base = shim_frames_live;	/* the archive's files */
	char buf[8192];
	long fd;

	fd = open_("/tmp/h", LINUX_O_CREAT | LINUX_O_RDWR, 0600);
	ck_assert_int_eq(SC(pwrite64, fd, U("end"), 3, 3 * 4096 + 4000), 3);
	ck_assert_int_eq(SC(lseek, fd, 0, LINUX_SEEK_END), 3 * 4096 + 4003);
	ck_assert_int_eq(SC(pread64, fd, ub, 8192, 4096), 8192);
	shim_user_get(ub, buf, 8192);
	for (int i = 0; i < 8192; i++)
		ck_assert_int_eq(buf[i], 0);
	ck_assert_int_eq(SC(pread64, fd, ub, 8192, 3 * 4096 + 4000), 3);
	ck_assert_int_eq(SC(pread64, fd, ub, 1, -1), -EINVAL);
	ck_assert_int_eq(SC(pread64, 1, ub, 1, 0), -ESPIPE);
	ck_assert_int_eq(SC(lseek, 1, 0, LINUX_SEEK_SET), -ESPIPE);
	ck_assert_int_eq(SC(lseek, fd, 0, 99), -EINVAL);
	ck_assert_int_eq(SC(lseek, fd, -1, LINUX_SEEK_SET), -EINVAL);
	/* A page straddling write and a big sparse one. */
	ck_assert_int_eq(SC(pwrite64, fd, U("abcdef"), 6, 4093), 6);
	ck_assert_int_eq(SC(pwrite64, fd, U("z"), 1, 1ULL << 32), 1);
	ck_assert_int_eq(SC(pwrite64, fd, U("z"), 1, 1ULL << 41), -EFBIG);
	/* O_TRUNC frees and zeroes. */
	ck_assert_int_eq(SC(close, fd), 0);
	fd = open_("/tmp/h", LINUX_O_RDWR | LINUX_O_TRUNC, 0);
	ck_assert_int_eq(SC(pread64, fd, ub, 10, 4093), 0);
	ck_assert_int_eq(shim_frames_live, base);
}
END_TEST

START_TEST(test_append_writes_at_end)
{
	uint64_t ub = shim_user_alloc(64);
	long fd;

	fd = open_("/etc/passwd", LINUX_O_WRONLY | LINUX_O_APPEND, 0);
	ck_assert_int_eq(write_(fd, "x"), 1);
	ck_assert_int_eq(SC(fstat, fd, ub), 0);
	{
		struct linux_stat st;

		shim_user_get(ub, &st, sizeof(st));
		ck_assert_int_eq(st.st_size, 12);
	}
	ck_assert_int_eq(SC(fcntl, fd, LINUX_F_GETFL, 0),
	    LINUX_O_WRONLY | LINUX_O_APPEND);
	ck_assert_int_eq(SC(fcntl, fd, LINUX_F_SETFL, LINUX_O_NONBLOCK), 0);
	ck_assert_int_eq(SC(fcntl, fd, LINUX_F_GETFL, 0),
	    LINUX_O_WRONLY | LINUX_O_NONBLOCK);
	ck_assert_int_eq(SC(read, fd, ub, 1), -EBADF);
}
END_TEST

START_TEST(test_path_walk_errors)
{
	char name[300];
	char *longp = malloc(5000);
	uint64_t ub = shim_user_alloc(256);

	ck_assert_int_eq(open_("/nope", 0, 0), -ENOENT);
	ck_assert_int_eq(open_("", 0, 0), -ENOENT);
	ck_assert_int_eq(open_("/etc/passwd/", 0, 0), -ENOTDIR);
	ck_assert_int_eq(open_("/etc/passwd/x", 0, 0), -ENOTDIR);
	ck_assert_int_eq(open_("/loop1", 0, 0), -ELOOP);
	ck_assert_int_eq(open_("/loop1/x", 0, 0), -ELOOP);
	ck_assert_int_ge(open_("/c39/passwd", 0, 0), 3);	/* 40 links */
	ck_assert_int_eq(open_("/c40/passwd", 0, 0), -ELOOP);	/* 41 */
	ck_assert_int_eq(open_("/dangling", 0, 0), -ENOENT);
	ck_assert_int_eq(open_("/etc/passwd", LINUX_O_DIRECTORY, 0), -ENOTDIR);
	ck_assert_int_eq(open_("/etc", LINUX_O_WRONLY, 0), -EISDIR);
	ck_assert_int_eq(open_("/loop1", LINUX_O_NOFOLLOW, 0), -ELOOP);
	ck_assert_int_ge(open_("/loop1", LINUX_O_NOFOLLOW | LINUX_O_PATH, 0), 3);
	ck_assert_int_ge(open_("/etclink/./../etc//passwd", 0, 0), 3);
	ck_assert_int_ge(open_("/../../etc/passwd", 0, 0), 3);
	memset(name, 'a', sizeof(name));
	name[256] = '\0';
	ck_assert_int_eq(open_(name, 0, 0), -ENAMETOOLONG);
	memset(longp, 'a', 5000);
	longp[4999] = '\0';
	ck_assert_int_eq(SC(open, shim_user_put(longp, 5000), 0, 0),
	    -ENAMETOOLONG);
	ck_assert_int_eq(SC(open, 0x10, 0, 0), -EFAULT);
	/* O_CREAT through a dangling symlink creates its target. */
	ck_assert_int_ge(open_("/dangling", LINUX_O_CREAT | LINUX_O_WRONLY,
	    0644), 3);
	ck_assert_int_eq(SC(stat, U("/nowhere"), ub), 0);
	ck_assert_int_eq(open_("/newdir/", LINUX_O_CREAT, 0644), -EISDIR);
	free(longp);
}
END_TEST

START_TEST(test_unlink_keeps_open_file)
{
	uint64_t ub = shim_user_alloc(64);
	char buf[16];
	long fd;

	fd = open_("/etc/passwd", LINUX_O_RDONLY, 0);
	ck_assert_int_eq(SC(unlink, U("/etc/passwd")), 0);
	ck_assert_int_eq(SC(stat, U("/etc/passwd"), ub), -ENOENT);
	ck_assert_int_eq(SC(read, fd, ub, 4), 4);
	shim_user_get(ub, buf, 4);
	ck_assert(memcmp(buf, "root", 4) == 0);
	ck_assert_int_eq(SC(fstat, fd, ub), 0);
	{
		struct linux_stat st;

		shim_user_get(ub, &st, sizeof(st));
		ck_assert_uint_eq(st.st_nlink, 0);
	}
	ck_assert_int_eq(SC(unlink, U("/etc/passwd")), -ENOENT);
	ck_assert_int_eq(SC(unlink, U("/etc")), -EISDIR);
	ck_assert_int_eq(SC(unlink, U("/")), -EISDIR);
	ck_assert_int_eq(SC(unlinkat, LINUX_AT_FDCWD, U("/etc"), 0x1), -EINVAL);
}
END_TEST

START_TEST(test_mkdir_rmdir_rules)
{
	uint64_t ub = shim_user_alloc(64);

	ck_assert_int_eq(SC(mkdir, U("/d"), 0777), 0);
	ck_assert_int_eq(SC(mkdir, U("/d"), 0777), -EEXIST);
	ck_assert_int_eq(SC(mkdir, U("/"), 0777), -EEXIST);
	ck_assert_int_eq(SC(mkdir, U("/dangling"), 0777), -EEXIST);
	ck_assert_int_eq(SC(mkdir, U("/d/e/"), 0777), 0);
	ck_assert_int_eq(SC(mkdir, U("/x/y"), 0777), -ENOENT);
	ck_assert_int_eq(SC(rmdir, U("/d")), -ENOTEMPTY);
	ck_assert_int_eq(SC(rmdir, U("/d/e/.")), -EINVAL);
	ck_assert_int_eq(SC(rmdir, U("/d/e/..")), -ENOTEMPTY);
	ck_assert_int_eq(SC(rmdir, U("/")), -EBUSY);
	ck_assert_int_eq(SC(rmdir, U("/etc/secret")), -ENOTDIR);
	ck_assert_int_eq(SC(chdir, U("/d/e")), 0);
	ck_assert_int_eq(SC(rmdir, U("/d/e")), 0);
	/* The removed cwd: getcwd ENOENT, creating in it ENOENT. */
	ck_assert_int_eq(SC(getcwd, ub, 64), -ENOENT);
	ck_assert_int_eq(open_("f", LINUX_O_CREAT, 0644), -ENOENT);
	ck_assert_int_eq(SC(unlinkat, LINUX_AT_FDCWD, U("/d"),
	    LINUX_AT_REMOVEDIR), 0);
	ck_assert_int_eq(SC(stat, U("/d"), ub), -ENOENT);
}
END_TEST

START_TEST(test_getcwd_and_chdir)
{
	uint64_t ub = shim_user_alloc(64);
	char buf[64];
	long fd;

	ck_assert_int_eq(SC(getcwd, ub, 64), 2);
	ck_assert_int_eq(SC(chdir, U("etclink")), 0);
	ck_assert_int_eq(SC(getcwd, ub, 64), 5);
	shim_user_get(ub, buf, 5);
	ck_assert_str_eq(buf, "/etc");
	ck_assert_int_eq(SC(getcwd, ub, 4), -ERANGE);
	ck_assert_int_ge(open_("passwd", 0, 0), 3);
	ck_assert_int_eq(SC(chdir, U("passwd")), -ENOTDIR);
	fd = open_("/", LINUX_O_RDONLY | LINUX_O_DIRECTORY, 0);
	ck_assert_int_eq(SC(fchdir, fd), 0);
	ck_assert_int_eq(SC(getcwd, ub, 64), 2);
	ck_assert_int_eq(SC(fchdir, 1), -ENOTDIR);
	ck_assert_int_eq(SC(fchdir, 99), -EBADF);
	/* *at() relative to a directory fd. */
	fd = open_("/etc", LINUX_O_RDONLY, 0);
	ck_assert_int_ge(SC(openat, fd, U("passwd"), 0, 0), 3);
	ck_assert_int_eq(SC(openat, 1, U("passwd"), 0, 0), -ENOTDIR);
	ck_assert_int_eq(SC(newfstatat, fd, U(""), ub, LINUX_AT_EMPTY_PATH), 0);
	ck_assert_int_eq(SC(newfstatat, fd, U("passwd"), ub, 0x8000), -EINVAL);
	ck_assert_int_eq(SC(newfstatat, 1, U(""), ub, LINUX_AT_EMPTY_PATH), 0);
}
END_TEST

/* Collects the names getdents64 gives for path, with their types. */
static int
list_dir(const char *path, char names[][32], uint8_t *types, size_t bufsz)
{
	uint64_t ub = shim_user_alloc(bufsz);
	char *buf = malloc(bufsz);
	long fd = open_(path, LINUX_O_RDONLY | LINUX_O_DIRECTORY, 0), n;
	int count = 0;

	ck_assert_int_ge(fd, 3);
	while ((n = SC(getdents64, fd, ub, bufsz)) > 0) {
		shim_user_get(ub, buf, (size_t)n);
		for (long off = 0; off < n; ) {
			struct linux_dirent64 d;

			memcpy(&d, buf + off, sizeof(d));
			ck_assert_int_eq(d.d_reclen % 8, 0);
			snprintf(names[count], 32, "%s", buf + off + 19);
			types[count++] = d.d_type;
			off += d.d_reclen;
		}
	}
	ck_assert_int_eq(n, 0);
	free(buf);
	return count;
}

START_TEST(test_getdents_lists_entries)
{
	char names[16][32];
	uint8_t types[16];
	uint64_t ub = shim_user_alloc(16);
	long fd;
	int n;

	ck_assert_int_eq(SC(mkdir, U("/etc/sub"), 0755), 0);
	ck_assert_int_ge(open_("/etc/link", LINUX_O_CREAT, 0644), 3);
	ck_assert_int_eq(SC(unlink, U("/etc/link")), 0);
	n = list_dir("/etc", names, types, 4096);
	ck_assert_int_eq(n, 5);
	ck_assert_str_eq(names[0], ".");
	ck_assert_str_eq(names[1], "..");
	ck_assert_str_eq(names[2], "passwd");
	ck_assert_int_eq(types[2], LINUX_DT_REG);
	ck_assert_str_eq(names[3], "secret");
	ck_assert_str_eq(names[4], "sub");
	ck_assert_int_eq(types[4], LINUX_DT_DIR);
	/* One record at a time resumes where it stopped. */
	ck_assert_int_eq(list_dir("/etc", names, types, 32), 5);
	ck_assert_str_eq(names[4], "sub");
	/* Too small for one record. */
	fd = open_("/etc", LINUX_O_RDONLY, 0);
	ck_assert_int_eq(SC(getdents64, fd, ub, 16), -EINVAL);
	ck_assert_int_eq(SC(getdents64, 0, ub, 16), -ENOTDIR);
	ck_assert_int_eq(SC(getdents64, 99, ub, 16), -EBADF);
	ck_assert_int_eq(SC(read, fd, ub, 16), -EISDIR);
	/* devtmpfs: 8 devices, shm/ and pts/, and 4 links to /proc. */
	n = list_dir("/dev", names, types, 4096);
	ck_assert_int_eq(n, 16);
	ck_assert_str_eq(names[2], "null");
	ck_assert_int_eq(types[2], LINUX_DT_CHR);
	ck_assert_str_eq(names[9], "ptmx");
	ck_assert_int_eq(types[9], LINUX_DT_CHR);
	ck_assert_str_eq(names[10], "shm");
	ck_assert_int_eq(types[10], LINUX_DT_DIR);
	ck_assert_int_eq(types[12], LINUX_DT_LNK);
}
END_TEST

/* A name in user memory at ub, made from fmt and i. */
static uint64_t
uname_(uint64_t ub, const char *fmt, int i)
{
	char n[32];

	snprintf(n, sizeof(n), fmt, i);
	shim_user_set(ub, n, strlen(n) + 1);
	return ub;
}

/*
 * 20k entries in one directory: every name found, getdents with a small
 * buffer sees each entry once while entries before it go, and the
 * directory empties.
 */
START_TEST(test_large_directory)
{
	enum { N = 20000 };
	uint64_t ub = shim_user_alloc(32), db = shim_user_alloc(256);
	static bool seen[N];
	uint8_t buf[256];
	long fd, dfd, n, off;
	int i, count = 0;

	ck_assert_int_eq(SC(mkdir, U("/big"), 0755), 0);
	dfd = open_("/big", LINUX_O_RDONLY | LINUX_O_DIRECTORY, 0);
	ck_assert_int_ge(dfd, 3);
	for (i = 0; i < N; i++) {
		fd = SC(openat, dfd, uname_(ub, "f%05d", i),
		    LINUX_O_CREAT | LINUX_O_EXCL | LINUX_O_WRONLY, 0644);
		ck_assert_int_ge(fd, 3);
		ck_assert_int_eq(SC(close, fd), 0);
	}
	for (i = 0; i < N; i += 997) {
		ck_assert_int_eq(SC(openat, dfd, uname_(ub, "f%05d", i),
		    LINUX_O_CREAT | LINUX_O_EXCL, 0644), -EEXIST);
	}
	ck_assert_int_eq(SC(faccessat, dfd, uname_(ub, "f%05d", N), 0),
	    -ENOENT);
	memset(seen, 0, sizeof(seen));
	while ((n = SC(getdents64, dfd, db, sizeof(buf))) > 0) {
		shim_user_get(db, buf, (size_t)n);
		for (off = 0; off < n; ) {
			uint16_t reclen;
			const char *name = (const char *)buf + off + 19;

			memcpy(&reclen, buf + off + 16, 2);
			off += reclen;
			if (name[0] != 'f')
				continue;
			i = atoi(name + 1);
			ck_assert(!seen[i]);
			seen[i] = true;
			count++;
			ck_assert_int_eq(SC(unlinkat, dfd, uname_(ub, "f%05d",
			    i), 0), 0);
		}
	}
	ck_assert_int_eq(n, 0);
	ck_assert_int_eq(count, N);
	ck_assert_int_eq(SC(close, dfd), 0);
	ck_assert_int_eq(SC(rmdir, U("/big")), 0);
}
END_TEST

/* A 10k-deep tree is built, and comes apart at teardown (no recursion). */
START_TEST(test_deep_tree)
{
	uint64_t d = U("d");
	long fd, nfd;
	int i;

	fd = open_("/", LINUX_O_RDONLY | LINUX_O_DIRECTORY, 0);
	for (i = 0; i < 10000; i++) {
		ck_assert_int_eq(SC(mkdirat, fd, d, 0755), 0);
		nfd = SC(openat, fd, d, LINUX_O_RDONLY | LINUX_O_DIRECTORY, 0);
		ck_assert_int_ge(nfd, 3);
		ck_assert_int_eq(SC(close, fd), 0);
		fd = nfd;
	}
	ck_assert_int_eq(SC(fchdir, fd), 0);
	ck_assert_int_eq(SC(close, fd), 0);
}
END_TEST

START_TEST(test_descriptors_dup_fcntl)
{
	long fd = open_("/etc/passwd", LINUX_O_RDONLY | LINUX_O_CLOEXEC, 0);
	uint64_t ub = shim_user_alloc(16);

	ck_assert_int_eq(fd, 3);
	ck_assert_int_eq(SC(fcntl, fd, LINUX_F_GETFD, 0), LINUX_FD_CLOEXEC);
	ck_assert_int_eq(SC(dup, fd), 4);
	ck_assert_int_eq(SC(fcntl, 4, LINUX_F_GETFD, 0), 0);
	ck_assert_int_eq(SC(dup2, fd, 10), 10);
	ck_assert_int_eq(SC(dup2, fd, fd), fd);
	ck_assert_int_eq(SC(dup2, 77, 78), -EBADF);
	ck_assert_int_eq(SC(dup3, fd, fd, 0), -EINVAL);
	ck_assert_int_eq(SC(dup3, fd, 11, 0x1), -EINVAL);
	ck_assert_int_eq(SC(dup3, fd, 11, LINUX_O_CLOEXEC), 11);
	ck_assert_int_eq(SC(fcntl, 11, LINUX_F_GETFD, 0), 1);
	ck_assert_int_eq(SC(fcntl, fd, LINUX_F_DUPFD, 20), 20);
	ck_assert_int_eq(SC(fcntl, fd, LINUX_F_DUPFD_CLOEXEC, 20), 21);
	ck_assert_int_eq(SC(fcntl, fd, LINUX_F_DUPFD, 5000), -EINVAL);
	ck_assert_int_eq(SC(fcntl, fd, LINUX_F_SETFD, 0), 0);
	ck_assert_int_eq(SC(fcntl, fd, LINUX_F_GETFD, 0), 0);
	ck_assert_int_eq(SC(fcntl, fd, 12345, 0), -EINVAL);
	ck_assert_int_eq(SC(fcntl, 99, LINUX_F_GETFD, 0), -EBADF);
	/* The shared offset moves for both. */
	ck_assert_int_eq(SC(read, 4, ub, 4), 4);
	ck_assert_int_eq(SC(lseek, fd, 0, LINUX_SEEK_CUR), 4);
	fdtable_close_on_exec(tp.fds);
	ck_assert_int_eq(SC(fcntl, 11, LINUX_F_GETFD, 0), -EBADF);
	ck_assert_int_eq(SC(fcntl, 10, LINUX_F_GETFD, 0), 0);
	ck_assert_int_eq(SC(umask, 077), 022);
	ck_assert_int_eq(SC(umask, 022), 077);
}
END_TEST

START_TEST(test_fd_limit_emfile)
{
	long fd = 0;
	int i;

	tp.rlim[7].cur = 8;
	for (i = 3; i < 8; i++)
		ck_assert_int_eq(fd = open_("/etc/passwd", 0, 0), i);
	ck_assert_int_eq(open_("/etc/passwd", 0, 0), -EMFILE);
	ck_assert_int_eq(SC(dup2, fd, 8), -EBADF);
}
END_TEST

START_TEST(test_devices)
{
	uint64_t ub = shim_user_alloc(64);
	char buf[8];
	long fd;

	fd = open_("/dev/null", LINUX_O_RDWR, 0);
	ck_assert_int_eq(SC(read, fd, ub, 8), 0);
	ck_assert_int_eq(write_(fd, "abc"), 3);
	fd = open_("/dev/zero", LINUX_O_RDWR, 0);
	shim_user_put("xxxxxxxx", 8);
	ck_assert_int_eq(SC(read, fd, ub, 8), 8);
	shim_user_get(ub, buf, 8);
	ck_assert(memcmp(buf, "\0\0\0\0\0\0\0\0", 8) == 0);
	fd = open_("/dev/full", LINUX_O_WRONLY, 0);
	ck_assert_int_eq(write_(fd, "abc"), -ENOSPC);
	fd = open_("/dev/urandom", LINUX_O_RDONLY, 0);
	ck_assert_int_eq(SC(read, fd, ub, 8), 8);
	fd = open_("/dev/console", LINUX_O_RDWR, 0);
	shim_console_outlen = 0;
	ck_assert_int_eq(write_(fd, "hi\n"), 3);
	ck_assert_int_eq(shim_console_outlen, 3);
	ck_assert_int_eq(SC(lseek, fd, 0, LINUX_SEEK_CUR), -ESPIPE);
	shim_console_input("typed");
	ck_assert_int_eq(SC(read, 0, ub, 64), 5);
	ck_assert_int_eq(SC(ioctl, 0, LINUX_FIONBIO, shim_user_put("\1\0\0\0", 4)), 0);
	ck_assert_int_eq(SC(read, 0, ub, 64), -EAGAIN);
	ck_assert_int_eq(SC(ioctl, fd, 0x12345678, 0), -ENOTTY);
}
END_TEST

START_TEST(test_console_ioctls)
{
	uint64_t ub = shim_user_alloc(64);
	struct linux_termios tio;
	struct linux_winsize ws;
	int32_t pg;
	long fd = open_("/etc/passwd", 0, 0);

	shim_console_tty = false;
	ck_assert_int_eq(SC(ioctl, 1, LINUX_TCGETS, ub), -ENOTTY);
	shim_console_tty = true;
	ck_assert_int_eq(SC(ioctl, 1, LINUX_TCGETS, ub), 0);
	shim_user_get(ub, &tio, sizeof(tio));
	ck_assert_uint_eq(tio.c_lflag & LINUX_ICANON, LINUX_ICANON);
	ck_assert_uint_eq(tio.c_oflag, LINUX_OPOST | LINUX_ONLCR);
	ck_assert_uint_eq(tio.c_cc[LINUX_VINTR], 3);
	ck_assert_uint_eq(tio.c_cc[LINUX_VMIN], 1);
	tio.c_lflag = 0;
	ck_assert_int_eq(SC(ioctl, 1, LINUX_TCSETSW,
	    shim_user_put(&tio, sizeof(tio))), 0);
	ck_assert_int_eq(SC(ioctl, 1, LINUX_TCGETS, ub), 0);
	shim_user_get(ub, &tio, sizeof(tio));
	ck_assert_uint_eq(tio.c_lflag, 0);
	ck_assert_int_eq(SC(ioctl, 1, LINUX_TIOCGWINSZ, ub), 0);
	shim_user_get(ub, &ws, sizeof(ws));
	ck_assert_uint_eq(ws.ws_row, 24);
	ck_assert_uint_eq(ws.ws_col, 80);
	ck_assert_int_eq(SC(ioctl, 1, LINUX_TIOCGPGRP, ub), 0);
	shim_user_get(ub, &pg, sizeof(pg));
	ck_assert_int_eq(pg, 42);
	ck_assert_int_eq(SC(ioctl, 1, LINUX_TIOCGPGRP, 8), -EFAULT);
	ck_assert_int_eq(SC(ioctl, fd, LINUX_TCGETS, ub), -ENOTTY);
	shim_console_tty = false;
}
END_TEST

START_TEST(test_permissions)
{
	uint64_t ub = shim_user_alloc(64);

	ck_assert_int_eq(SC(access, U("/etc/passwd"), LINUX_R_OK | LINUX_W_OK), 0);
	ck_assert_int_eq(SC(access, U("/etc/passwd"), LINUX_X_OK), -EACCES);
	ck_assert_int_eq(SC(access, U("/etc"), LINUX_X_OK), 0);
	ck_assert_int_eq(SC(access, U("/etc/passwd"), 8), -EINVAL);
	ck_assert_int_eq(SC(faccessat2, LINUX_AT_FDCWD, U("/etc"), 0, 0x8), -EINVAL);
	ck_assert_int_eq(SC(access, U("/nope"), LINUX_F_OK), -ENOENT);
	/* An unprivileged user (files belong to uid 1000 gid 100). */
	tp.cred.uid = tp.cred.fsuid = 2000;
	tp.cred.gid = tp.cred.fsgid = 2000;
	ck_assert_int_eq(open_("/etc/secret", 0, 0), -EACCES);
	ck_assert_int_ge(open_("/etc/passwd", 0, 0), 3);
	ck_assert_int_eq(open_("/etc/passwd", LINUX_O_WRONLY, 0), -EACCES);
	ck_assert_int_eq(open_("/etc/new", LINUX_O_CREAT, 0644), -EACCES);
	ck_assert_int_eq(SC(mkdir, U("/etc/d"), 0755), -EACCES);
	/* The sticky /tmp: create, then another user cannot delete it. */
	ck_assert_int_ge(open_("/tmp/mine", LINUX_O_CREAT, 0644), 3);
	tp.cred.uid = tp.cred.fsuid = 3000;
	ck_assert_int_eq(SC(unlink, U("/tmp/mine")), -EPERM);
	tp.cred.uid = tp.cred.fsuid = 2000;
	ck_assert_int_eq(SC(unlink, U("/tmp/mine")), 0);
	ck_assert_int_eq(SC(lstat, U("/etc/secret"), ub), 0);
}
END_TEST

START_TEST(test_readlink_and_lstat)
{
	uint64_t ub = shim_user_alloc(64);
	char buf[16] = { 0 };
	struct linux_stat st;

	ck_assert_int_eq(SC(readlink, U("/etclink"), ub, 64), 4);
	shim_user_get(ub, buf, 4);
	ck_assert_str_eq(buf, "/etc");
	ck_assert_int_eq(SC(readlink, U("/etclink"), ub, 2), 2);
	ck_assert_int_eq(SC(readlink, U("/etclink"), ub, 0), -EINVAL);
	ck_assert_int_eq(SC(readlink, U("/etc"), ub, 64), -EINVAL);
	ck_assert_int_eq(SC(lstat, U("/etclink"), ub), 0);
	shim_user_get(ub, &st, sizeof(st));
	ck_assert_uint_eq(st.st_mode & LINUX_S_IFMT, LINUX_S_IFLNK);
	ck_assert_int_eq(st.st_size, 4);
	ck_assert_int_eq(SC(stat, U("/etclink"), ub), 0);
	shim_user_get(ub, &st, sizeof(st));
	ck_assert_uint_eq(st.st_mode & LINUX_S_IFMT, LINUX_S_IFDIR);
	ck_assert_int_eq(SC(stat, U("/etclink/"), ub), 0);
	ck_assert_int_eq(SC(newfstatat, LINUX_AT_FDCWD, U("/etclink"), ub,
	    LINUX_AT_SYMLINK_NOFOLLOW), 0);
	shim_user_get(ub, &st, sizeof(st));
	ck_assert_uint_eq(st.st_mode & LINUX_S_IFMT, LINUX_S_IFLNK);
}
END_TEST

START_TEST(test_readv_writev)
{
	struct linux_iovec iov[3];
	uint64_t ub = shim_user_alloc(64), uiov;
	char buf[16] = { 0 };
	long fd = open_("/tmp/v", LINUX_O_CREAT | LINUX_O_RDWR, 0644);

	iov[0].iov_base = U("ab");
	iov[0].iov_len = 2;
	iov[1].iov_base = 0;
	iov[1].iov_len = 0;
	iov[2].iov_base = U("cde");
	iov[2].iov_len = 3;
	uiov = shim_user_put(iov, sizeof(iov));
	ck_assert_int_eq(SC(writev, fd, uiov, 3), 5);
	ck_assert_int_eq(SC(writev, fd, uiov, 1025), -EINVAL);
	ck_assert_int_eq(SC(writev, fd, 8, 1), -EFAULT);
	iov[0].iov_len = (uint64_t)-1;
	ck_assert_int_eq(SC(writev, fd, shim_user_put(iov, sizeof(iov)), 3),
	    -EINVAL);
	iov[0].iov_base = ub;
	iov[0].iov_len = 3;
	iov[1].iov_base = ub + 8;
	iov[1].iov_len = 8;
	ck_assert_int_eq(SC(lseek, fd, 0, LINUX_SEEK_SET), 0);
	ck_assert_int_eq(SC(readv, fd, shim_user_put(iov, 2 * sizeof(iov[0])),
	    2), 5);
	shim_user_get(ub, buf, 3);
	shim_user_get(ub + 8, buf + 3, 2);
	ck_assert(memcmp(buf, "abcde", 5) == 0);
	ck_assert_int_eq(SC(readv, 99, uiov, 1), -EBADF);
}
END_TEST

static Suite *
ramfs_suite(void)
{
	Suite *s = suite_create("ramfs");
	TCase *tc = tcase_create("syscalls");

	/* 20k entries and a 10k-deep tree under ASan on a loaded machine. */
	tcase_set_timeout(tc, 60);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_create_write_read_back);
	tcase_add_test(tc, test_holes_read_as_zero_and_writes_grow);
	tcase_add_test(tc, test_append_writes_at_end);
	tcase_add_test(tc, test_path_walk_errors);
	tcase_add_test(tc, test_unlink_keeps_open_file);
	tcase_add_test(tc, test_mkdir_rmdir_rules);
	tcase_add_test(tc, test_getcwd_and_chdir);
	tcase_add_test(tc, test_getdents_lists_entries);
	tcase_add_test(tc, test_large_directory);
	tcase_add_test(tc, test_deep_tree);
	tcase_add_test(tc, test_descriptors_dup_fcntl);
	tcase_add_test(tc, test_fd_limit_emfile);
	tcase_add_test(tc, test_devices);
	tcase_add_test(tc, test_console_ioctls);
	tcase_add_test(tc, test_permissions);
	tcase_add_test(tc, test_readlink_and_lstat);
	tcase_add_test(tc, test_readv_writev);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(ramfs_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
