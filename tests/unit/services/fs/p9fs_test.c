/*
 * tests/unit/services/fs/p9fs_test.c: the 9p client file system under the
 * sandbox root (boot option root=9p), against sim/p9's server exporting a
 * scratch directory (p9shim.c): contents, listings, links and attributes
 * as the host has them; changes that stay in the overlay's upper layer;
 * the page cache's budget; files that change on the host underneath.
 * With a writable export as the root (root=9p-rw): changes that reach
 * the host, and a page cache that stays coherent with them.
 */
#define _GNU_SOURCE
/* fstest.h's archive builder goes unused: this file's root is the host's. */
#pragma GCC diagnostic ignored "-Wunused-function"
#include "fstest.h"
#include <svc/file.h>
#include <dirent.h>
#include <fcntl.h>
#include <ftw.h>
#include <sys/stat.h>
#include <unistd.h>

#define DATA_LEN	(300 * 1024 + 123)

static char dir[64];
static unsigned char data[DATA_LEN];

static void
host_write(const char *name, const void *buf, size_t len)
{
	char path[256];
	int fd;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0640);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, buf, len), (ssize_t)len);
	close(fd);
}

static void
host_mkdir(const char *name)
{
	char path[256];

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	ck_assert_int_eq(mkdir(path, 0755), 0);
}

static int
rm_one(const char *path, const struct stat *st, int flag, struct FTW *f)
{
	(void)st;
	(void)flag;
	(void)f;
	return remove(path);
}

static void
setup_export(bool rw)
{
	char name[32], path[128];
	unsigned int x = 12345;

	for (size_t i = 0; i < DATA_LEN; i++) {
		x = x * 1103515245u + 12345u;
		data[i] = (unsigned char)(x >> 16);
	}
	strcpy(dir, "/tmp/p9fs_test.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	host_write("data", data, DATA_LEN);
	host_write("small", "hello\n", 6);
	host_mkdir("many");
	for (int i = 0; i < 300; i++) {
		snprintf(name, sizeof(name), "many/f%03d", i);
		host_write(name, name, strlen(name));
	}
	host_mkdir("many/sub");
	snprintf(path, sizeof(path), "%s/ln", dir);
	ck_assert_int_eq(symlink("many/f007", path), 0);
	ck_assert_int_eq(rw ? shim_p9_export_rw(dir) : shim_p9_export(dir),
	    0);
	shim_set_root_option(rw ? "9p-rw" : "9p");
	ck_assert_int_eq(vfs_init(), 0);
	proc_setup();
}

static void
setup(void)
{
	setup_export(false);
}

/* The root is the export itself, writable (trellis run --root-rw). */
static void
setup_rw(void)
{
	setup_export(true);
}

static void
teardown(void)
{
	proc_teardown();
	vfs_fini();
	ck_assert_int_eq(shim_p9_export(NULL), 0);
	shim_set_root_option(NULL);
	shim_set_frames_total(262144);
	nftw(dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
	ck_assert_int_eq(shim_frames_live, 0);
}

static long
open_(const char *path, int flags)
{
	return SC(open, U(path), flags, 0644);
}

/* Reads the whole of path in pieces of chunk bytes into buf: the bytes
 * read, or the first error. */
static long
read_all(const char *path, unsigned char *buf, size_t cap, size_t chunk)
{
	uint64_t ub = shim_user_alloc(chunk);
	long fd = open_(path, LINUX_O_RDONLY), n;
	size_t got = 0;

	if (fd < 0)
		return fd;
	while (got < cap && (n = SC(read, fd, ub, chunk)) > 0) {
		shim_user_get(ub, buf + got, (size_t)n);
		got += (size_t)n;
	}
	SC(close, fd);
	return n < 0 ? n : (long)got;
}

START_TEST(test_read_matches_host)
{
	static unsigned char buf[DATA_LEN + 100];
	uint64_t ub = shim_user_alloc(4096);
	unsigned char piece[4096];
	long fd;

	ck_assert_int_eq(read_all("/data", buf, sizeof(buf), 7000), DATA_LEN);
	ck_assert_int_eq(memcmp(buf, data, DATA_LEN), 0);
	fd = open_("/data", LINUX_O_RDONLY);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(SC(pread64, fd, ub, 4096, 200001), 4096);
	shim_user_get(ub, piece, 4096);
	ck_assert_int_eq(memcmp(piece, data + 200001, 4096), 0);
	ck_assert_int_eq(SC(pread64, fd, ub, 4096, DATA_LEN - 10), 10);
	ck_assert_int_eq(SC(pread64, fd, ub, 4096, DATA_LEN + 10), 0);
	SC(close, fd);
}
END_TEST

START_TEST(test_listing_matches_host)
{
	uint64_t ub = shim_user_alloc(512);
	unsigned char buf[512];
	bool seen[300] = { false };
	int nseen = 0, dots = 0, subs = 0;
	long fd = open_("/many", LINUX_O_RDONLY | LINUX_O_DIRECTORY), n;

	ck_assert_int_ge(fd, 0);
	while ((n = SC(getdents64, fd, ub, sizeof(buf))) > 0) {
		shim_user_get(ub, buf, (size_t)n);
		for (long off = 0; off < n;) {
			struct linux_dirent64 *d = (void *)(buf + off);
			int i;

			if (!strcmp(d->d_name, ".") || !strcmp(d->d_name, ".."))
				dots++;
			else if (!strcmp(d->d_name, "sub")) {
				subs++;
				ck_assert_int_eq(d->d_type, LINUX_DT_DIR);
			} else {
				ck_assert_int_eq(sscanf(d->d_name, "f%d", &i), 1);
				ck_assert(i >= 0 && i < 300 && !seen[i]);
				ck_assert_int_eq(d->d_type, LINUX_DT_REG);
				seen[i] = true;
				nseen++;
			}
			off += d->d_reclen;
		}
	}
	ck_assert_int_eq(n, 0);
	ck_assert_int_eq(nseen, 300);
	ck_assert_int_eq(dots, 2);
	ck_assert_int_eq(subs, 1);
	SC(close, fd);
}
END_TEST

START_TEST(test_links_and_attributes)
{
	uint64_t ub = shim_user_alloc(256), st = shim_user_alloc(sizeof(struct linux_stat));
	struct linux_stat ls;
	struct stat hs;
	char path[256], buf[256];
	unsigned char small[16];

	ck_assert_int_eq(SC(readlink, U("/ln"), ub, 256), 9);
	shim_user_get(ub, buf, 9);
	ck_assert_int_eq(memcmp(buf, "many/f007", 9), 0);
	ck_assert_int_eq(read_all("/ln", small, sizeof(small), 16), 9);
	ck_assert_int_eq(memcmp(small, "many/f007", 9), 0);
	ck_assert_int_eq(SC(stat, U("/data"), st), 0);
	shim_user_get(st, &ls, sizeof(ls));
	snprintf(path, sizeof(path), "%s/data", dir);
	ck_assert_int_eq(stat(path, &hs), 0);
	ck_assert_uint_eq(ls.st_size, DATA_LEN);
	ck_assert_uint_eq(ls.st_mode, LINUX_S_IFREG | 0640);
	ck_assert_uint_eq(ls.st_ino, hs.st_ino);
	ck_assert_uint_eq(ls.st_mtime_sec, hs.st_mtim.tv_sec);
	ck_assert_uint_eq(ls.st_blocks, hs.st_blocks);
	ck_assert_int_eq(open_("/nope", LINUX_O_RDONLY), -ENOENT);
	ck_assert_int_eq(open_("/data/x", LINUX_O_RDONLY), -ENOTDIR);
}
END_TEST

START_TEST(test_changes_stay_in_guest)
{
	static unsigned char buf[DATA_LEN];
	unsigned char small[16];
	char path[256];
	struct stat hs;
	long fd;

	fd = open_("/small", LINUX_O_WRONLY | LINUX_O_TRUNC);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(SC(write, fd, U("changed"), 7), 7);
	SC(close, fd);
	ck_assert_int_eq(read_all("/small", small, sizeof(small), 16), 7);
	ck_assert_int_eq(memcmp(small, "changed", 7), 0);
	ck_assert_int_eq(SC(mkdir, U("/newdir"), 0755), 0);
	ck_assert_int_eq(SC(unlink, U("/many/f001")), 0);
	ck_assert_int_eq(open_("/many/f001", LINUX_O_RDONLY), -ENOENT);
	/* The host is as it was. */
	ck_assert_int_eq(read_all("/data", buf, sizeof(buf), 65536), DATA_LEN);
	snprintf(path, sizeof(path), "%s/small", dir);
	ck_assert_int_eq(stat(path, &hs), 0);
	ck_assert_int_eq(hs.st_size, 6);
	snprintf(path, sizeof(path), "%s/newdir", dir);
	ck_assert_int_ne(stat(path, &hs), 0);
	snprintf(path, sizeof(path), "%s/many/f001", dir);
	ck_assert_int_eq(stat(path, &hs), 0);
}
END_TEST

START_TEST(test_cache_budget)
{
	static unsigned char buf[DATA_LEN];
	char name[32];
	long before;

	/*
	 * A machine of 256 frames gives the cache 64.  Three files of 75
	 * pages each, read twice: the contents stay right, and what the
	 * cache holds stays near its budget.
	 */
	proc_teardown();
	vfs_fini();
	shim_set_frames_total(256);
	for (int i = 0; i < 3; i++) {
		snprintf(name, sizeof(name), "big%d", i);
		host_write(name, data, DATA_LEN);
	}
	ck_assert_int_eq(vfs_init(), 0);
	proc_setup();
	before = shim_frames_live;
	for (int round = 0; round < 2; round++) {
		for (int i = 0; i < 3; i++) {
			snprintf(name, sizeof(name), "/big%d", i);
			memset(buf, 0, sizeof(buf));
			ck_assert_int_eq(read_all(name, buf, sizeof(buf), 10000),
			    DATA_LEN);
			ck_assert_int_eq(memcmp(buf, data, DATA_LEN), 0);
			ck_assert_int_le(shim_frames_live - before, 64 + 32);
		}
	}
}
END_TEST

START_TEST(test_host_changes_underneath)
{
	static unsigned char buf[DATA_LEN];
	char path[256];
	long n;

	ck_assert_int_eq(read_all("/small", buf, sizeof(buf), 100), 6);
	/* Shrunk on the host after it was cached: stale, never a crash. */
	host_write("small", "x", 1);
	n = read_all("/small", buf, sizeof(buf), 100);
	ck_assert(n == 6 || n == 1);
	/* Looked up, then gone on the host before its data was read. */
	ck_assert_int_eq(SC(stat, U("/data"), shim_user_alloc(256)), 0);
	snprintf(path, sizeof(path), "%s/data", dir);
	ck_assert_int_eq(unlink(path), 0);
	n = read_all("/data", buf, sizeof(buf), 4096);
	ck_assert_msg(n < 0, "read %ld bytes of a file gone", n);
	/*
	 * Another file in its place: ESTALE, or (if the host gave it the old
	 * inode number) its bytes, in the old size the vnode still has.
	 */
	host_write("data", "other", 5);
	n = read_all("/data", buf, sizeof(buf), 4096);
	ck_assert(n < 0 || (n >= 5 && memcmp(buf, "other", 5) == 0));
}
END_TEST

/* The host's copy of name: its length, or -1. */
static long
host_read(const char *name, void *buf, size_t cap)
{
	char path[256];
	long n;
	int fd;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if ((fd = open(path, O_RDONLY)) < 0)
		return -1;
	n = read(fd, buf, cap);
	close(fd);
	return n;
}

static int
host_stat(const char *name, struct stat *st)
{
	char path[256];

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	return lstat(path, st);
}

/* Writes len bytes of buf to fd at off through a user buffer. */
static long
guest_pwrite(long fd, const void *buf, size_t len, uint64_t off)
{
	return SC(pwrite64, fd, shim_user_put(buf, len), len, off);
}

START_TEST(test_rw_create_write_read)
{
	static unsigned char buf[DATA_LEN + 100], hbuf[DATA_LEN + 100];
	uint64_t st = shim_user_alloc(sizeof(struct linux_stat));
	struct linux_stat ls;
	size_t off;
	long fd;

	fd = open_("/new", LINUX_O_CREAT | LINUX_O_WRONLY | LINUX_O_EXCL);
	ck_assert_int_ge(fd, 0);
	for (off = 0; off < DATA_LEN; off += 70000) {
		size_t n = DATA_LEN - off < 70000 ? DATA_LEN - off : 70000;

		ck_assert_int_eq(guest_pwrite(fd, data + off, n, off),
		    (long)n);
	}
	ck_assert_int_eq(SC(fsync, fd), 0);
	ck_assert_int_eq(SC(fdatasync, fd), 0);
	SC(close, fd);
	ck_assert_int_eq(host_read("new", hbuf, sizeof(hbuf)), DATA_LEN);
	ck_assert_int_eq(memcmp(hbuf, data, DATA_LEN), 0);
	ck_assert_int_eq(read_all("/new", buf, sizeof(buf), 9000), DATA_LEN);
	ck_assert_int_eq(memcmp(buf, data, DATA_LEN), 0);
	ck_assert_int_eq(SC(stat, U("/new"), st), 0);
	shim_user_get(st, &ls, sizeof(ls));
	ck_assert_uint_eq(ls.st_size, DATA_LEN);
	ck_assert_uint_eq(ls.st_mode, LINUX_S_IFREG | 0644);
	ck_assert_uint_ge(ls.st_blocks * 512, DATA_LEN);
	ck_assert_int_eq(open_("/new", LINUX_O_CREAT | LINUX_O_EXCL |
	    LINUX_O_WRONLY), -EEXIST);
}
END_TEST

START_TEST(test_rw_append)
{
	unsigned char buf[64];
	long fd;

	/* Cached first, so the append must land in the cached page too. */
	ck_assert_int_eq(read_all("/small", buf, sizeof(buf), 64), 6);
	fd = open_("/small", LINUX_O_WRONLY | LINUX_O_APPEND);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(SC(write, fd, U("more"), 4), 4);
	SC(close, fd);
	ck_assert_int_eq(host_read("small", buf, sizeof(buf)), 10);
	ck_assert_int_eq(memcmp(buf, "hello\nmore", 10), 0);
	ck_assert_int_eq(read_all("/small", buf, sizeof(buf), 64), 10);
	ck_assert_int_eq(memcmp(buf, "hello\nmore", 10), 0);
}
END_TEST

START_TEST(test_rw_truncate)
{
	static unsigned char buf[DATA_LEN];
	static const unsigned char zero[3192];
	struct stat hs;
	long fd;

	/* Cached whole, cut inside a page, then grown past it: zeros. */
	ck_assert_int_eq(read_all("/data", buf, sizeof(buf), 65536), DATA_LEN);
	ck_assert_int_eq(SC(truncate, U("/data"), 5000), 0);
	ck_assert_int_eq(host_stat("data", &hs), 0);
	ck_assert_int_eq(hs.st_size, 5000);
	fd = open_("/data", LINUX_O_RDWR);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(SC(ftruncate, fd, 8192), 0);
	SC(close, fd);
	ck_assert_int_eq(read_all("/data", buf, sizeof(buf), 4096), 8192);
	ck_assert_int_eq(memcmp(buf, data, 5000), 0);
	ck_assert_int_eq(memcmp(buf + 5000, zero, sizeof(zero)), 0);
	ck_assert_int_eq(host_read("data", buf, sizeof(buf)), 8192);
	ck_assert_int_eq(memcmp(buf, data, 5000), 0);
	/* O_TRUNC */
	fd = open_("/small", LINUX_O_WRONLY | LINUX_O_TRUNC);
	ck_assert_int_ge(fd, 0);
	SC(close, fd);
	ck_assert_int_eq(host_stat("small", &hs), 0);
	ck_assert_int_eq(hs.st_size, 0);
}
END_TEST

START_TEST(test_rw_mkdir_rmdir_unlink)
{
	unsigned char buf[64];
	uint64_t ub;
	struct stat hs;
	long fd;

	ck_assert_int_eq(SC(mkdir, U("/d"), 0750), 0);
	ck_assert_int_eq(host_stat("d", &hs), 0);
	ck_assert(S_ISDIR(hs.st_mode));
	ck_assert_int_eq(hs.st_mode & 0777, 0750);
	ck_assert_int_eq(SC(mkdir, U("/d"), 0750), -EEXIST);
	fd = open_("/d/f", LINUX_O_CREAT | LINUX_O_WRONLY);
	ck_assert_int_ge(fd, 0);
	SC(close, fd);
	ck_assert_int_eq(SC(rmdir, U("/d")), -ENOTEMPTY);
	ck_assert_int_eq(SC(unlink, U("/d/f")), 0);
	ck_assert_int_ne(host_stat("d/f", &hs), 0);
	ck_assert_int_eq(open_("/d/f", LINUX_O_RDONLY), -ENOENT);
	ck_assert_int_eq(SC(rmdir, U("/d")), 0);
	ck_assert_int_ne(host_stat("d", &hs), 0);
	ck_assert_int_eq(SC(unlink, U("/many")), -EISDIR);
	/* An open file outlives its name, on the host as in Linux. */
	fd = open_("/many/f002", LINUX_O_RDONLY);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(SC(unlink, U("/many/f002")), 0);
	ck_assert_int_ne(host_stat("many/f002", &hs), 0);
	ck_assert_int_eq(SC(pread64, fd, shim_user_alloc(64), 64, 0), 9);
	SC(close, fd);
	/* And is still written, through the fid it kept. */
	fd = open_("/many/f005", LINUX_O_RDWR);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(SC(unlink, U("/many/f005")), 0);
	ck_assert_int_eq(guest_pwrite(fd, "Z", 1, 0), 1);
	ub = shim_user_alloc(64);
	ck_assert_int_eq(SC(pread64, fd, ub, 64, 0), 9);
	shim_user_get(ub, buf, 9);
	ck_assert_int_eq(memcmp(buf, "Zany/f005", 9), 0);
	SC(close, fd);
	/* A symlink, made on the host as itself. */
	ck_assert_int_eq(SC(symlink, U("many/f003"), U("/sl")), 0);
	ck_assert_int_eq(host_stat("sl", &hs), 0);
	ck_assert(S_ISLNK(hs.st_mode));
	ck_assert_int_eq(read_all("/sl", buf, sizeof(buf), 64), 9);
	ck_assert_int_eq(memcmp(buf, "many/f003", 9), 0);
	ck_assert_int_eq(SC(link, U("/small"), U("/hard")), 0);
	ck_assert_int_eq(host_read("hard", buf, sizeof(buf)), 6);
}
END_TEST

START_TEST(test_rw_rename)
{
	unsigned char buf[64];
	struct stat hs;
	long fd;

	ck_assert_int_eq(SC(rename, U("/small"), U("/many/moved")), 0);
	ck_assert_int_ne(host_stat("small", &hs), 0);
	ck_assert_int_eq(host_read("many/moved", buf, sizeof(buf)), 6);
	ck_assert_int_eq(open_("/small", LINUX_O_RDONLY), -ENOENT);
	ck_assert_int_eq(read_all("/many/moved", buf, sizeof(buf), 64), 6);
	/* Over an existing file, which goes. */
	ck_assert_int_eq(SC(rename, U("/many/moved"), U("/many/f004")), 0);
	ck_assert_int_eq(host_read("many/f004", buf, sizeof(buf)), 6);
	ck_assert_int_eq(memcmp(buf, "hello\n", 6), 0);
	/* A directory, then a file made through its new name. */
	ck_assert_int_eq(SC(rename, U("/many/sub"), U("/sub2")), 0);
	ck_assert_int_eq(host_stat("sub2", &hs), 0);
	ck_assert(S_ISDIR(hs.st_mode));
	fd = open_("/sub2/x", LINUX_O_CREAT | LINUX_O_WRONLY);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(SC(write, fd, U("xy"), 2), 2);
	SC(close, fd);
	ck_assert_int_eq(host_read("sub2/x", buf, sizeof(buf)), 2);
	ck_assert_int_eq(SC(rename, U("/sub2"), U("/many")), -ENOTEMPTY);
	/* A moved file's data is read by its new name. */
	ck_assert_int_eq(SC(rename, U("/data"), U("/sub2/data")), 0);
	ck_assert_int_eq(read_all("/sub2/data", buf, sizeof(buf), 64), 64);
	ck_assert_int_eq(memcmp(buf, data, 64), 0);
}
END_TEST

START_TEST(test_rw_attrs_reach_host)
{
	struct linux_timespec t[2] = { { 1000000, 5 }, { 2000000, 7 } };
	uint64_t ts;
	struct stat hs;

	ck_assert_int_eq(SC(chmod, U("/small"), 0600), 0);
	ck_assert_int_eq(host_stat("small", &hs), 0);
	ck_assert_int_eq(hs.st_mode & 07777, 0600);
	ts = shim_user_put(t, sizeof(t));
	ck_assert_int_eq(SC(utimensat, LINUX_AT_FDCWD, U("/small"), ts, 0),
	    0);
	ck_assert_int_eq(host_stat("small", &hs), 0);
	ck_assert_int_eq(hs.st_atim.tv_sec, 1000000);
	ck_assert_int_eq(hs.st_mtim.tv_sec, 2000000);
	ck_assert_int_eq(hs.st_mtim.tv_nsec, 7);
	ck_assert_int_eq(SC(chmod, U("/many"), 0700), 0);
	ck_assert_int_eq(host_stat("many", &hs), 0);
	ck_assert_int_eq(hs.st_mode & 07777, 0700);
}
END_TEST

START_TEST(test_rw_write_mid_page)
{
	static unsigned char buf[DATA_LEN], want[DATA_LEN];
	long fd;

	memcpy(want, data, DATA_LEN);
	memcpy(want + 100050, "0123456789", 10);
	memcpy(want + 50, "abc", 3);
	/* Page 0 cached, page 24 not: neither may lose its other bytes. */
	ck_assert_int_eq(read_all("/small", buf, 6, 6), 6);
	fd = open_("/data", LINUX_O_RDWR);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(SC(pread64, fd, shim_user_alloc(16), 16, 0), 16);
	ck_assert_int_eq(guest_pwrite(fd, "0123456789", 10, 100050), 10);
	ck_assert_int_eq(guest_pwrite(fd, "abc", 3, 50), 3);
	SC(close, fd);
	ck_assert_int_eq(read_all("/data", buf, sizeof(buf), 4096), DATA_LEN);
	ck_assert_int_eq(memcmp(buf, want, DATA_LEN), 0);
	ck_assert_int_eq(host_read("data", buf, sizeof(buf)), DATA_LEN);
	ck_assert_int_eq(memcmp(buf, want, DATA_LEN), 0);
}
END_TEST

/*
 * A shared mapping that may be written is refused, as Linux's 9p without
 * a writeback cache refuses it (generic_file_readonly_mmap()); a shared
 * read-only descriptor's and a private one's are not.
 */
START_TEST(test_rw_no_shared_writable_map)
{
	struct file *f;
	bool maywrite;
	long fd;

	fd = open_("/small", LINUX_O_RDWR);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(fd_get(&tp, (int)fd, &f), 0);
	maywrite = true;
	ck_assert_int_eq(file_writemap_begin(f, false, &maywrite), -EINVAL);
	file_unref(f);
	SC(close, fd);
	fd = open_("/small", LINUX_O_RDONLY);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(fd_get(&tp, (int)fd, &f), 0);
	maywrite = false;
	ck_assert_int_eq(file_writemap_begin(f, false, &maywrite), 0);
	file_unref(f);
	SC(close, fd);
}
END_TEST

static Suite *
p9fs_suite(void)
{
	Suite *s = suite_create("p9fs");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_read_matches_host);
	tcase_add_test(tc, test_listing_matches_host);
	tcase_add_test(tc, test_links_and_attributes);
	tcase_add_test(tc, test_changes_stay_in_guest);
	tcase_add_test(tc, test_cache_budget);
	tcase_add_test(tc, test_host_changes_underneath);
	suite_add_tcase(s, tc);
	tc = tcase_create("rw");
	tcase_add_checked_fixture(tc, setup_rw, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_rw_create_write_read);
	tcase_add_test(tc, test_rw_append);
	tcase_add_test(tc, test_rw_truncate);
	tcase_add_test(tc, test_rw_mkdir_rmdir_unlink);
	tcase_add_test(tc, test_rw_rename);
	tcase_add_test(tc, test_rw_attrs_reach_host);
	tcase_add_test(tc, test_rw_write_mid_page);
	tcase_add_test(tc, test_rw_no_shared_writable_map);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(p9fs_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? 0 : 1;
}
