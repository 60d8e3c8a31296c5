/*
 * tests/unit/sim/p9srv_test.c: the 9P2000.L server (sim/p9/) driven with
 * encoded T-messages over a temporary tree: every message type, Treaddir
 * offsets, msize clamping, EROFS on a read-only export, malformed input,
 * and escapes (walks of "..", symlinks pointing out, a symlink swapped in
 * between walk and open, names with '/', long names), after each of which
 * a file beside the export must be unread and unchanged.
 *
 * The tree, under a fresh mkdtemp() directory B:
 *	B/outside/secret		"secret", mtime 1000000000
 *	B/export/file			"hello"
 *	B/export/dir/f2			"f2"
 *	B/export/dir/sub/
 *	B/export/abs -> B/outside/secret
 *	B/export/rel -> ../outside/secret
 *	B/export/reldir -> ../outside
 *	B/export/up -> ..
 *
 * With P9SRV_CORPUS set to a directory, test_p9_seed_corpus writes the
 * fuzzer's seeds there (tests/fuzz/corpus/p9srv/ holds them).
 */
#define _GNU_SOURCE
#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "p9.h"
#include "p9srv.h"
#include "p9srv_impl.h"	/* p9_no_openat2 */

#define MSIZE	65536
#define ROOT	1			/* the attached fid */

static char base[PATH_MAX], exp_dir[PATH_MAX + 16], secret[PATH_MAX + 16];
static struct p9srv *srv;
static uint8_t reply[MSIZE];
static size_t rlen;

/* The test-side encoder: one message at a time. */
static struct {
	uint8_t	b[MSIZE];
	size_t	n;
} m;

static void
m_u(uint64_t v, int n)
{
	for (int i = 0; i < n; i++, v >>= 8)
		m.b[m.n++] = (uint8_t)v;
}

static void
m_begin(uint8_t type)
{
	m.n = 0;
	m_u(0, 4);
	m_u(type, 1);
	m_u(7, 2);				/* tag */
}

static void
m_s(const char *s)
{
	size_t len = strlen(s);

	m_u(len, 2);
	memcpy(m.b + m.n, s, len);
	m.n += len;
}

static void
m_fix(void)
{
	uint32_t n = (uint32_t)m.n;

	memcpy(m.b, &n, 4);
}

/* Sends the message; returns 0 or the Rlerror's -errno. */
static int
rpc_cap(size_t cap)
{
	uint32_t size, ecode;

	m_fix();
	rlen = p9srv_handle(srv, m.b, m.n, reply, cap);
	ck_assert_uint_ge(rlen, 7);
	ck_assert_uint_le(rlen, cap);
	memcpy(&size, reply, 4);
	ck_assert_uint_eq(size, rlen);
	if (reply[4] == P9_RLERROR) {
		memcpy(&ecode, reply + 7, 4);
		ck_assert_uint_eq(rlen, 11);
		return -(int)ecode;
	}
	ck_assert_uint_eq(reply[4], m.b[4] + 1);
	ck_assert_uint_eq(reply[5] | reply[6] << 8, 7);
	return 0;
}

static int
rpc(void)
{
	return rpc_cap(sizeof(reply));
}

static uint64_t
r_u(size_t off, int n)
{
	uint64_t v = 0;

	while (n-- > 0)
		v = v << 8 | reply[off + (size_t)n];
	return v;
}

static int
t_version(uint32_t msize, const char *v)
{
	m_begin(P9_TVERSION);
	m_u(msize, 4);
	m_s(v);
	return rpc();
}

static int
t_attach(uint32_t fid)
{
	m_begin(P9_TATTACH);
	m_u(fid, 4);
	m_u(P9_NOFID, 4);
	m_s("root");
	m_s("");
	m_u(0, 4);
	return rpc();
}

/* Twalk of the NULL-terminated names; returns nwqid or -errno. */
static int
t_walk(uint32_t fid, uint32_t newfid, ...)
{
	va_list ap;
	const char *s;
	size_t at;
	int n = 0, err;

	m_begin(P9_TWALK);
	m_u(fid, 4);
	m_u(newfid, 4);
	at = m.n;
	m_u(0, 2);
	va_start(ap, newfid);
	while ((s = va_arg(ap, const char *)) != NULL) {
		m_s(s);
		n++;
	}
	va_end(ap);
	m.b[at] = (uint8_t)n;
	if ((err = rpc()) < 0)
		return err;
	ck_assert_uint_eq(rlen, 9 + 13 * r_u(7, 2));
	return (int)r_u(7, 2);
}

static int
t_fid(uint8_t type, uint32_t fid)
{
	m_begin(type);
	m_u(fid, 4);
	return rpc();
}

static int
t_lopen(uint32_t fid, uint32_t flags)
{
	m_begin(P9_TLOPEN);
	m_u(fid, 4);
	m_u(flags, 4);
	return rpc();
}

/* Treads into buf (NUL-terminated); returns the count or -errno. */
static int
t_read(uint32_t fid, uint64_t off, uint32_t count, char *buf, size_t cap)
{
	int err;

	m_begin(P9_TREAD);
	m_u(fid, 4);
	m_u(off, 8);
	m_u(count, 4);
	if ((err = rpc_cap(cap)) < 0)
		return err;
	ck_assert_uint_eq(rlen, 11 + r_u(7, 4));
	if (buf != NULL) {
		memcpy(buf, reply + 11, r_u(7, 4));
		buf[r_u(7, 4)] = '\0';
	}
	return (int)r_u(7, 4);
}

static int
t_write(uint32_t fid, uint64_t off, const char *data)
{
	int err;

	m_begin(P9_TWRITE);
	m_u(fid, 4);
	m_u(off, 8);
	m_u(strlen(data), 4);
	memcpy(m.b + m.n, data, strlen(data));
	m.n += strlen(data);
	if ((err = rpc()) < 0)
		return err;
	return (int)r_u(7, 4);
}

/* Tlcreate (a: flags, b: mode), Tmkdir (mode, gid), Tmknod (mode, major). */
static int
t_name_op(uint8_t type, uint32_t fid, const char *name, uint32_t a,
    uint32_t b)
{
	m_begin(type);
	m_u(fid, 4);
	m_s(name);
	m_u(a, 4);
	m_u(b, 4);
	if (type == P9_TMKNOD)			/* minor */
		m_u(0, 4);
	if (type == P9_TMKNOD || type == P9_TLCREATE)	/* gid */
		m_u(0, 4);
	return rpc();
}

static int
t_symlink(uint32_t fid, const char *name, const char *target)
{
	m_begin(P9_TSYMLINK);
	m_u(fid, 4);
	m_s(name);
	m_s(target);
	m_u(0, 4);
	return rpc();
}

static int
t_unlinkat(uint32_t fid, const char *name, uint32_t flags)
{
	m_begin(P9_TUNLINKAT);
	m_u(fid, 4);
	m_s(name);
	m_u(flags, 4);
	return rpc();
}

static int
t_renameat(uint32_t ofid, const char *oname, uint32_t nfid,
    const char *nname)
{
	m_begin(P9_TRENAMEAT);
	m_u(ofid, 4);
	m_s(oname);
	m_u(nfid, 4);
	m_s(nname);
	return rpc();
}

static int
t_link(uint32_t dfid, uint32_t fid, const char *name)
{
	m_begin(P9_TLINK);
	m_u(dfid, 4);
	m_u(fid, 4);
	m_s(name);
	return rpc();
}

static int
t_setattr(uint32_t fid, uint32_t valid, uint32_t mode, uint64_t size,
    uint64_t mtime)
{
	m_begin(P9_TSETATTR);
	m_u(fid, 4);
	m_u(valid, 4);
	m_u(mode, 4);
	m_u(0, 4);
	m_u(0, 4);
	m_u(size, 8);
	m_u(0, 8);
	m_u(0, 8);
	m_u(mtime, 8);
	m_u(0, 8);
	return rpc();
}

static void
host_write(const char *rel, const char *data)
{
	char p[PATH_MAX + 64];
	FILE *f;

	snprintf(p, sizeof(p), "%s/%s", base, rel);
	ck_assert_ptr_nonnull(f = fopen(p, "w"));
	fputs(data, f);
	fclose(f);
}

static void
host_symlink(const char *target, const char *rel)
{
	char p[PATH_MAX + 64];

	snprintf(p, sizeof(p), "%s/%s", base, rel);
	ck_assert_int_eq(symlink(target, p), 0);
}

static void
host_mkdir(const char *rel)
{
	char p[PATH_MAX + 64];

	snprintf(p, sizeof(p), "%s/%s", base, rel);
	ck_assert_int_eq(mkdir(p, 0755), 0);
}

static int
host_stat(const char *rel, struct stat *st)
{
	char p[PATH_MAX + 64];

	snprintf(p, sizeof(p), "%s/%s", base, rel);
	return lstat(p, st);
}

static void
host_rename(const char *from, const char *to)
{
	char a[PATH_MAX + 64], b[PATH_MAX + 64];

	snprintf(a, sizeof(a), "%s/%s", base, from);
	snprintf(b, sizeof(b), "%s/%s", base, to);
	ck_assert_int_eq(rename(a, b), 0);
}

/* The file beside the export: same text, same times, not read. */
static void
secret_untouched(void)
{
	struct stat st;
	char buf[32] = "";
	FILE *f;

	ck_assert_int_eq(stat(secret, &st), 0);
	ck_assert_int_eq(st.st_mtim.tv_sec, 1000000000);
	ck_assert_int_eq(st.st_atim.tv_sec, 1000000000);
	ck_assert_int_eq(st.st_mode & 07777, 0600);
	ck_assert_ptr_nonnull(f = fopen(secret, "r"));
	ck_assert_ptr_nonnull(fgets(buf, sizeof(buf), f));
	fclose(f);
	ck_assert_str_eq(buf, "secret");
	ck_assert_int_eq(utimensat(AT_FDCWD, secret, (struct timespec[2]){
	    { 1000000000, 0 }, { 1000000000, 0 } }, 0), 0);
	ck_assert_int_eq(host_stat("outside/new", &st), -1);
}

static void
make_tree(void)
{
	snprintf(base, sizeof(base), "%s/p9srv_test.XXXXXX",
	    getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	ck_assert_ptr_nonnull(mkdtemp(base));
	snprintf(exp_dir, sizeof(exp_dir), "%s/export", base);
	snprintf(secret, sizeof(secret), "%s/outside/secret", base);
	host_mkdir("outside");
	host_mkdir("export");
	host_mkdir("export/dir");
	host_mkdir("export/dir/sub");
	host_write("outside/secret", "secret");
	ck_assert_int_eq(chmod(secret, 0600), 0);
	ck_assert_int_eq(utimensat(AT_FDCWD, secret, (struct timespec[2]){
	    { 1000000000, 0 }, { 1000000000, 0 } }, 0), 0);
	host_write("export/file", "hello");
	host_write("export/dir/f2", "f2");
	host_symlink(secret, "export/abs");
	host_symlink("../outside/secret", "export/rel");
	host_symlink("../outside", "export/reldir");
	host_symlink("..", "export/up");
}

static int
rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	if (flag == FTW_DP)
		chmod(path, 0700);
	return remove(path);
}

static void
start(bool writable)
{
	make_tree();
	ck_assert_ptr_nonnull(srv = p9srv_new(exp_dir, writable, MSIZE));
	ck_assert_int_eq(t_version(MSIZE, P9_VERSION), 0);
	ck_assert_int_eq(t_attach(ROOT), 0);
}

static void
setup_rw(void)
{
	start(true);
}

static void
setup_ro(void)
{
	start(false);
}

static void
teardown(void)
{
	p9srv_free(srv);
	srv = NULL;
	secret_untouched();
	ck_assert_int_eq(nftw(base, rm_one, 16, FTW_DEPTH | FTW_PHYS), 0);
}

/* Session: version, attach, walk, clunk, flush. */

START_TEST(test_p9_version_negotiates_msize)
{
	ck_assert_int_eq(t_version(8192, P9_VERSION), 0);
	ck_assert_uint_eq(r_u(7, 4), 8192);
	ck_assert_int_eq(t_version(1u << 30, P9_VERSION), 0);
	ck_assert_uint_eq(r_u(7, 4), MSIZE);
	ck_assert_uint_eq(r_u(11, 2), 8);
	ck_assert_int_eq(memcmp(reply + 13, "9P2000.L", 8), 0);
	ck_assert_int_eq(t_version(8192, "9P2000.u"), 0);
	ck_assert_uint_eq(r_u(11, 2), 7);	/* "unknown" */
	ck_assert_int_eq(t_version(100, P9_VERSION), -EINVAL);
	/* A new session has no fids. */
	ck_assert_int_eq(t_version(MSIZE, P9_VERSION), 0);
	ck_assert_int_eq(t_fid(P9_TCLUNK, ROOT), -EBADF);
}
END_TEST

START_TEST(test_p9_attach_gives_root_qid)
{
	struct stat st;

	ck_assert_int_eq(t_attach(ROOT), -EEXIST);
	ck_assert_int_eq(t_attach(P9_NOFID), -EEXIST);
	ck_assert_int_eq(t_attach(2), 0);
	ck_assert_int_eq(stat(exp_dir, &st), 0);
	ck_assert_uint_eq(reply[7], P9_QTDIR);
	ck_assert_uint_eq(r_u(12, 8), st.st_ino);
}
END_TEST

START_TEST(test_p9_walk_gives_qids)
{
	struct stat st;

	ck_assert_int_eq(t_walk(ROOT, 2, "dir", "sub", NULL), 2);
	ck_assert_uint_eq(reply[9], P9_QTDIR);
	ck_assert_uint_eq(reply[9 + 13], P9_QTDIR);
	ck_assert_int_eq(host_stat("export/dir/sub", &st), 0);
	ck_assert_uint_eq(r_u(9 + 13 + 5, 8), st.st_ino);
	ck_assert_int_eq(t_walk(ROOT, 3, "abs", NULL), 1);
	ck_assert_uint_eq(reply[9], P9_QTSYMLINK);
	ck_assert_int_eq(t_walk(ROOT, 4, "file", NULL), 1);
	ck_assert_uint_eq(reply[9], P9_QTFILE);
	/* Clone, clone onto itself, and a taken newfid. */
	ck_assert_int_eq(t_walk(ROOT, 5, NULL), 0);
	ck_assert_int_eq(t_walk(5, 5, NULL), 0);
	ck_assert_int_eq(t_walk(5, 5, "dir", NULL), 1);
	ck_assert_int_eq(t_walk(5, 5, "f2", NULL), 1);
	ck_assert_int_eq(t_walk(ROOT, 2, "file", NULL), -EEXIST);
	ck_assert_int_eq(t_walk(99, 6, "file", NULL), -EBADF);
	ck_assert_int_eq(t_walk(4, 6, "x", NULL), -ENOTDIR);
}
END_TEST

START_TEST(test_p9_walk_partial_makes_no_fid)
{
	ck_assert_int_eq(t_walk(ROOT, 2, "dir", "nope", "x", NULL), 1);
	ck_assert_int_eq(t_fid(P9_TCLUNK, 2), -EBADF);
	ck_assert_int_eq(t_walk(ROOT, 2, "nope", NULL), -ENOENT);
	ck_assert_int_eq(t_fid(P9_TCLUNK, 2), -EBADF);
	/* A failed walk onto the fid itself leaves it where it was. */
	ck_assert_int_eq(t_walk(ROOT, 3, "dir", NULL), 1);
	ck_assert_int_eq(t_walk(3, 3, "sub", "nope", NULL), 1);
	ck_assert_int_eq(t_walk(3, 4, "f2", NULL), 1);
}
END_TEST

START_TEST(test_p9_walk_sixteen_names_at_most)
{
	const char *d = ".";

	ck_assert_int_eq(t_walk(ROOT, 2, d, d, d, d, d, d, d, d, d, d, d, d,
	    d, d, d, d, NULL), 16);
	ck_assert_int_eq(t_walk(ROOT, 3, d, d, d, d, d, d, d, d, d, d, d, d,
	    d, d, d, d, d, NULL), -EINVAL);
}
END_TEST

START_TEST(test_p9_clunk_and_flush)
{
	ck_assert_int_eq(t_walk(ROOT, 2, "file", NULL), 1);
	ck_assert_int_eq(t_fid(P9_TCLUNK, 2), 0);
	ck_assert_int_eq(t_fid(P9_TCLUNK, 2), -EBADF);
	m_begin(P9_TFLUSH);
	m_u(3, 2);
	ck_assert_int_eq(rpc(), 0);
	ck_assert_uint_eq(rlen, 7);
}
END_TEST

/* Reading: open, read, readdir, getattr, statfs, readlink, fsync, locks. */

START_TEST(test_p9_lopen_read_file)
{
	char buf[64];

	ck_assert_int_eq(t_walk(ROOT, 2, "file", NULL), 1);
	ck_assert_int_eq(t_read(2, 0, 10, buf, sizeof(reply)), -EBADF);
	ck_assert_int_eq(t_lopen(2, 0), 0);
	ck_assert_uint_eq(rlen, 7 + 13 + 4);
	ck_assert_int_eq(t_lopen(2, 0), -EINVAL);	/* already open */
	ck_assert_int_eq(t_read(2, 0, 64, buf, sizeof(reply)), 5);
	ck_assert_str_eq(buf, "hello");
	ck_assert_int_eq(t_read(2, 1, 3, buf, sizeof(reply)), 3);
	ck_assert_str_eq(buf, "ell");
	ck_assert_int_eq(t_read(2, 5, 10, buf, sizeof(reply)), 0);
	ck_assert_int_eq(t_read(2, 1ull << 63, 10, buf, sizeof(reply)),
	    -EINVAL);
	ck_assert_int_eq(t_write(2, 0, "x"), -EBADF);	/* read-only fd */
	ck_assert_int_eq(t_walk(ROOT, 3, "dir", NULL), 1);
	ck_assert_int_eq(t_lopen(3, 3), -EINVAL);
	ck_assert_int_eq(t_lopen(3, 1), -EISDIR);
}
END_TEST

START_TEST(test_p9_read_clamps_to_msize_and_reply)
{
	static char big[100000];

	memset(big, 'a', sizeof(big) - 1);
	host_write("export/big", big);
	ck_assert_int_eq(t_version(8192, P9_VERSION), 0);
	ck_assert_int_eq(t_attach(ROOT), 0);
	ck_assert_int_eq(t_walk(ROOT, 2, "big", NULL), 1);
	ck_assert_int_eq(t_lopen(2, 0), 0);
	ck_assert_int_eq(t_read(2, 0, 1u << 20, NULL, sizeof(reply)),
	    8192 - 11);
	ck_assert_uint_eq(rlen, 8192);
	ck_assert_int_eq(t_read(2, 0, 1u << 20, NULL, 1000), 1000 - 11);
	ck_assert_int_eq(t_read(2, 0, 1u << 20, NULL, P9SRV_REPLY_MIN),
	    P9SRV_REPLY_MIN - 11);
	ck_assert_int_eq(t_read(2, 0, 10, NULL, P9SRV_REPLY_MIN - 1),
	    -ENOBUFS);
	ck_assert_uint_eq(p9srv_handle(srv, m.b, m.n, reply, 10), 0);
	/* A message larger than msize. */
	m_begin(P9_TWRITE);
	m_u(2, 4);
	m_u(0, 8);
	m_u(9000, 4);
	m.n += 9000;
	ck_assert_int_eq(rpc(), -EMSGSIZE);
}
END_TEST

/* Reads the directory count bytes at a time from off; names into seen. */
static uint64_t
readdir_all(uint32_t fid, uint64_t off, uint32_t count, char seen[][16],
    int *n)
{
	size_t pos, end;
	int err;

	for (;;) {
		m_begin(P9_TREADDIR);
		m_u(fid, 4);
		m_u(off, 8);
		m_u(count, 4);
		if ((err = rpc()) < 0)
			ck_abort_msg("readdir: %d", err);
		end = 11 + r_u(7, 4);
		ck_assert_uint_eq(end, rlen);
		ck_assert_uint_le(r_u(7, 4), count);
		if (end == 11)
			return off;
		for (pos = 11; pos < end; pos += 24 + r_u(pos + 22, 2)) {
			size_t len = r_u(pos + 22, 2);

			ck_assert_uint_lt(len, 16);
			memcpy(seen[*n], reply + pos + 24, len);
			seen[(*n)++][len] = '\0';
			off = r_u(pos + 13, 8);
		}
		ck_assert_uint_eq(pos, end);
	}
}

static int
count_name(char seen[][16], int n, const char *name)
{
	int c = 0;

	for (int i = 0; i < n; i++)
		c += strcmp(seen[i], name) == 0;
	return c;
}

START_TEST(test_p9_readdir_offsets_stable)
{
	static char seen[200][16], again[200][16];
	char name[32];
	uint64_t off20 = 0;
	int n = 0, k = 0;

	for (int i = 0; i < 50; i++) {
		snprintf(name, sizeof(name), "export/dir/sub/n%02d", i);
		host_write(name, "");
	}
	ck_assert_int_eq(t_walk(ROOT, 2, "dir", "sub", NULL), 2);
	ck_assert_int_eq(t_lopen(2, 0), 0);
	/* Small replies: about three entries each. */
	readdir_all(2, 0, 90, seen, &n);
	ck_assert_int_eq(n, 52);
	ck_assert_int_eq(count_name(seen, n, "."), 1);
	ck_assert_int_eq(count_name(seen, n, ".."), 1);
	for (int i = 0; i < 50; i++) {
		snprintf(name, sizeof(name), "n%02d", i);
		ck_assert_int_eq(count_name(seen, n, name), 1);
	}
	/* Again from the offset of the 20th entry, in large replies. */
	ck_assert_int_eq(t_walk(ROOT, 3, "dir", "sub", NULL), 2);
	ck_assert_int_eq(t_lopen(3, 0), 0);
	/* The offset after the 20th entry, one entry per reply. */
	for (int j = 0; j < 20; j++) {
		m_begin(P9_TREADDIR);
		m_u(3, 4);
		m_u(off20, 8);
		m_u(24 + 15, 4);
		ck_assert_int_eq(rpc(), 0);
		ck_assert_uint_eq(rlen, 11 + 24 + r_u(11 + 22, 2));
		ck_assert_int_eq(memcmp(reply + 11 + 24, seen[j],
		    r_u(11 + 22, 2)), 0);
		off20 = r_u(11 + 13, 8);
	}
	readdir_all(3, off20, 8000, again, &k);
	ck_assert_int_eq(k, 32);
	for (int i = 0; i < 32; i++)
		ck_assert_str_eq(again[i], seen[20 + i]);
	/* Not open, not a directory, too small for one entry. */
	m_begin(P9_TREADDIR);
	m_u(ROOT, 4);
	m_u(0, 8);
	m_u(1000, 4);
	ck_assert_int_eq(rpc(), -EBADF);
	m.b[7] = 3;
	memset(m.b + 19, 0, 4);
	m.b[19] = 10;
	ck_assert_int_eq(rpc(), -EINVAL);
}
END_TEST

START_TEST(test_p9_getattr_reports_host)
{
	struct stat st;

	ck_assert_int_eq(t_walk(ROOT, 2, "file", NULL), 1);
	ck_assert_int_eq(host_stat("export/file", &st), 0);
	m_begin(P9_TGETATTR);
	m_u(2, 4);
	m_u(P9_GETATTR_ALL, 8);
	ck_assert_int_eq(rpc(), 0);
	ck_assert_uint_eq(rlen, 7 + 8 + 13 + 4 * 3 + 8 * 15);
	ck_assert_uint_eq(r_u(7, 8), P9_GETATTR_BASIC);
	ck_assert_uint_eq(r_u(20, 8), st.st_ino);
	ck_assert_uint_eq(r_u(28, 4), st.st_mode);
	ck_assert_uint_eq(r_u(32, 4), getuid());
	ck_assert_uint_eq(r_u(36, 4), getgid());
	ck_assert_uint_eq(r_u(40, 8), 1);		/* nlink */
	ck_assert_uint_eq(r_u(56, 8), 5);		/* size */
	ck_assert_uint_eq(r_u(96, 8), (uint64_t)st.st_mtim.tv_sec);
	ck_assert_int_eq(t_walk(ROOT, 3, "abs", NULL), 1);
	m.b[7] = 3;
	m_begin(P9_TGETATTR);
	m_u(3, 4);
	m_u(P9_GETATTR_BASIC, 8);
	ck_assert_int_eq(rpc(), 0);
	ck_assert_uint_eq(r_u(28, 4) & S_IFMT, S_IFLNK);
}
END_TEST

START_TEST(test_p9_statfs_readlink_fsync_locks_xattr)
{
	char want[PATH_MAX + 16];

	ck_assert_int_eq(t_fid(P9_TSTATFS, ROOT), 0);
	ck_assert_uint_eq(rlen, 7 + 4 + 4 + 8 * 6 + 4);
	ck_assert_uint_eq(r_u(rlen - 4, 4), 255);	/* namelen */
	ck_assert_int_eq(t_walk(ROOT, 2, "abs", NULL), 1);
	ck_assert_int_eq(t_fid(P9_TREADLINK, 2), 0);
	snprintf(want, sizeof(want), "%s", secret);
	ck_assert_uint_eq(r_u(7, 2), strlen(want));
	ck_assert_int_eq(memcmp(reply + 9, want, strlen(want)), 0);
	ck_assert_int_eq(t_fid(P9_TREADLINK, ROOT), -EINVAL);
	ck_assert_int_eq(t_walk(ROOT, 3, "file", NULL), 1);
	ck_assert_int_eq(t_fid(P9_TFSYNC, 3), -EBADF);
	ck_assert_int_eq(t_lopen(3, 0), 0);
	ck_assert_int_eq(t_fid(P9_TFSYNC, 3), 0);
	m_begin(P9_TLOCK);
	m_u(3, 4);
	m_u(1, 1);
	m_u(0, 4);
	m_u(0, 8);
	m_u(0, 8);
	m_u(42, 4);
	m_s("client");
	ck_assert_int_eq(rpc(), 0);
	ck_assert_uint_eq(rlen, 8);
	ck_assert_uint_eq(reply[7], P9_LOCK_SUCCESS);
	m_begin(P9_TGETLOCK);
	m_u(3, 4);
	m_u(1, 1);
	m_u(10, 8);
	m_u(20, 8);
	m_u(42, 4);
	m_s("client");
	ck_assert_int_eq(rpc(), 0);
	ck_assert_uint_eq(reply[7], P9_LOCK_TYPE_UNLCK);
	ck_assert_uint_eq(r_u(8, 8), 10);
	ck_assert_uint_eq(r_u(28, 2), 6);
	m_begin(P9_TXATTRWALK);
	m_u(3, 4);
	m_u(4, 4);
	m_s("user.x");
	ck_assert_int_eq(rpc(), -EOPNOTSUPP);
}
END_TEST

/* Changing the tree (a writable export). */

START_TEST(test_p9_lcreate_write_read)
{
	char buf[64];
	struct stat st;

	ck_assert_int_eq(t_walk(ROOT, 2, "dir", NULL), 1);
	ck_assert_int_eq(t_name_op(P9_TLCREATE, 2, "new", 2, 0640), 0);
	ck_assert_uint_eq(rlen, 7 + 13 + 4);
	ck_assert_int_eq(t_write(2, 0, "abc"), 3);
	ck_assert_int_eq(t_write(2, 3, "def"), 3);
	ck_assert_int_eq(t_read(2, 1, 10, buf, sizeof(reply)), 5);
	ck_assert_str_eq(buf, "bcdef");
	ck_assert_int_eq(host_stat("export/dir/new", &st), 0);
	ck_assert_int_eq(st.st_size, 6);
	ck_assert_int_eq(t_fid(P9_TFSYNC, 2), 0);
	/* It exists now; and "dir" is no longer what fid 2 is. */
	ck_assert_int_eq(t_walk(ROOT, 3, "dir", NULL), 1);
	ck_assert_int_eq(t_name_op(P9_TLCREATE, 3, "new", 2, 0640), -EEXIST);
	ck_assert_int_eq(t_name_op(P9_TLCREATE, 2, "x", 2, 0640), -EINVAL);
	ck_assert_int_eq(t_walk(ROOT, 4, "file", NULL), 1);
	ck_assert_int_eq(t_name_op(P9_TLCREATE, 4, "x", 2, 0640), -ENOTDIR);
	/* Append and truncate through Tlopen. */
	ck_assert_int_eq(t_walk(ROOT, 5, "file", NULL), 1);
	ck_assert_int_eq(t_lopen(5, P9_DOTL_TRUNC | 2), 0);
	ck_assert_int_eq(t_write(5, 0, "xy"), 2);
	ck_assert_int_eq(t_read(5, 0, 10, buf, sizeof(reply)), 2);
	ck_assert_str_eq(buf, "xy");
}
END_TEST

START_TEST(test_p9_mkdir_symlink_mknod)
{
	struct stat st;
	char buf[16];

	ck_assert_int_eq(t_name_op(P9_TMKDIR, ROOT, "d2", 0750, 0), 0);
	ck_assert_uint_eq(reply[7], P9_QTDIR);
	ck_assert_int_eq(host_stat("export/d2", &st), 0);
	ck_assert(S_ISDIR(st.st_mode));
	ck_assert_int_eq(t_name_op(P9_TMKDIR, ROOT, "d2", 0750, 0), -EEXIST);
	ck_assert_int_eq(t_symlink(ROOT, "s", "/etc/passwd"), 0);
	ck_assert_uint_eq(reply[7], P9_QTSYMLINK);
	ck_assert_int_eq(readlink(strcat(strcpy((char[PATH_MAX + 32]){ 0 },
	    exp_dir), "/s"), buf, sizeof(buf)), 11);
	ck_assert_int_eq(t_symlink(ROOT, "s2", ""), -EINVAL);
	ck_assert_int_eq(t_name_op(P9_TMKNOD, ROOT, "fifo", S_IFIFO | 0600,
	    0), 0);
	ck_assert_int_eq(host_stat("export/fifo", &st), 0);
	ck_assert(S_ISFIFO(st.st_mode));
	ck_assert_int_eq(t_name_op(P9_TMKNOD, ROOT, "null", S_IFCHR | 0666,
	    1), -EPERM);
	ck_assert_int_eq(t_name_op(P9_TMKNOD, ROOT, "blk", S_IFBLK | 0666,
	    8), -EPERM);
	ck_assert_int_eq(host_stat("export/null", &st), -1);
	ck_assert_int_eq(t_name_op(P9_TMKNOD, ROOT, "x", S_IFDIR | 0666, 0),
	    -EINVAL);
	/* A FIFO is never opened on the host. */
	ck_assert_int_eq(t_walk(ROOT, 2, "fifo", NULL), 1);
	ck_assert_int_eq(t_lopen(2, 0), -EOPNOTSUPP);
}
END_TEST

START_TEST(test_p9_link_rename_unlink_remove)
{
	struct stat st;
	char buf[16];

	ck_assert_int_eq(t_walk(ROOT, 2, "file", NULL), 1);
	ck_assert_int_eq(t_walk(ROOT, 3, "dir", NULL), 1);
	ck_assert_int_eq(t_link(3, 2, "hard"), 0);
	ck_assert_int_eq(host_stat("export/dir/hard", &st), 0);
	ck_assert_int_eq(st.st_nlink, 2);
	ck_assert_int_eq(t_link(2, 3, "x"), -ENOTDIR);
	ck_assert_int_eq(t_link(ROOT, 3, "x"), -EPERM);
	/* Renamed, fid 2 still opens: it follows the name. */
	ck_assert_int_eq(t_renameat(ROOT, "file", 3, "moved"), 0);
	ck_assert_int_eq(host_stat("export/dir/moved", &st), 0);
	ck_assert_int_eq(t_lopen(2, 0), 0);
	ck_assert_int_eq(t_read(2, 0, 10, buf, sizeof(reply)), 5);
	ck_assert_int_eq(t_renameat(ROOT, "nope", 3, "x"), -ENOENT);
	ck_assert_int_eq(t_unlinkat(3, "hard", 0), 0);
	ck_assert_int_eq(host_stat("export/dir/hard", &st), -1);
	ck_assert_int_eq(t_unlinkat(3, "sub", 0), -EISDIR);
	ck_assert_int_eq(t_unlinkat(3, "sub", 0x100), -EINVAL);
	ck_assert_int_eq(t_unlinkat(3, "sub", P9_AT_REMOVEDIR), 0);
	ck_assert_int_eq(host_stat("export/dir/sub", &st), -1);
	/* Tremove clunks, whatever happens. */
	ck_assert_int_eq(t_walk(3, 4, "moved", NULL), 1);
	ck_assert_int_eq(t_fid(P9_TREMOVE, 4), 0);
	ck_assert_int_eq(host_stat("export/dir/moved", &st), -1);
	ck_assert_int_eq(t_fid(P9_TCLUNK, 4), -EBADF);
	ck_assert_int_eq(t_fid(P9_TREMOVE, ROOT), -EBUSY);
	ck_assert_int_eq(t_fid(P9_TCLUNK, ROOT), -EBADF);
	ck_assert_int_eq(stat(exp_dir, &st), 0);
}
END_TEST

START_TEST(test_p9_setattr_mode_size_times)
{
	struct stat st;

	ck_assert_int_eq(t_walk(ROOT, 2, "file", NULL), 1);
	ck_assert_int_eq(t_setattr(2, P9_SETATTR_MODE, 0604, 0, 0), 0);
	ck_assert_int_eq(t_setattr(2, P9_SETATTR_SIZE, 0, 2, 0), 0);
	ck_assert_int_eq(t_setattr(2, P9_SETATTR_MTIME | P9_SETATTR_MTIME_SET,
	    0, 0, 12345), 0);
	ck_assert_int_eq(host_stat("export/file", &st), 0);
	ck_assert_uint_eq(st.st_mode & 07777, 0604);
	ck_assert_int_eq(st.st_size, 2);
	ck_assert_int_eq(st.st_mtim.tv_sec, 12345);
	/* No set-ID program from a guest; a set-group-ID directory is fine. */
	ck_assert_int_eq(t_setattr(2, P9_SETATTR_MODE, 06755, 0, 0), 0);
	ck_assert_int_eq(host_stat("export/file", &st), 0);
	ck_assert_uint_eq(st.st_mode & 07777, 0755);
	ck_assert_int_eq(t_walk(ROOT, 3, "dir", NULL), 1);
	ck_assert_int_eq(t_setattr(3, P9_SETATTR_MODE, 06755, 0, 0), 0);
	ck_assert_int_eq(host_stat("export/dir", &st), 0);
	ck_assert_uint_eq(st.st_mode & 07777, 02755);
	ck_assert_int_eq(t_name_op(P9_TLCREATE, 3, "suid", 2, 04755), 0);
	ck_assert_int_eq(t_name_op(P9_TMKNOD, ROOT, "sgid", S_IFREG | 02755,
	    0), 0);
	ck_assert_int_eq(host_stat("export/dir/suid", &st), 0);
	ck_assert_uint_eq(st.st_mode & 06000, 0);
	ck_assert_int_eq(host_stat("export/sgid", &st), 0);
	ck_assert_uint_eq(st.st_mode & 06000, 0);
	/* Modes as the client gave them, whatever the host's umask. */
	umask(077);
	ck_assert_int_eq(t_name_op(P9_TMKDIR, ROOT, "m", 0775, 0), 0);
	ck_assert_int_eq(t_name_op(P9_TMKNOD, ROOT, "mf", S_IFIFO | 0664, 0),
	    0);
	ck_assert_int_eq(t_walk(ROOT, 4, NULL), 0);
	ck_assert_int_eq(t_name_op(P9_TLCREATE, 4, "mc", 2, 0666), 0);
	ck_assert_int_eq(host_stat("export/m", &st), 0);
	ck_assert_uint_eq(st.st_mode & 07777, 0775);
	ck_assert_int_eq(host_stat("export/mf", &st), 0);
	ck_assert_uint_eq(st.st_mode & 07777, 0664);
	ck_assert_int_eq(host_stat("export/mc", &st), 0);
	ck_assert_uint_eq(st.st_mode & 07777, 0666);
	ck_assert_int_eq(t_setattr(ROOT, P9_SETATTR_SIZE, 0, 0, 0), -EISDIR);
	ck_assert_int_eq(t_setattr(2, P9_SETATTR_SIZE, 0, 1ull << 63, 0),
	    -EINVAL);
	ck_assert_int_eq(t_setattr(2, 0, 0, 0, 0), 0);
	/* Owner: to ourselves (what any user may do), through the O_PATH fd. */
	m_begin(P9_TSETATTR);
	m_u(2, 4);
	m_u(P9_SETATTR_UID | P9_SETATTR_GID | P9_SETATTR_ATIME, 4);
	m_u(0, 4);
	m_u(getuid(), 4);
	m_u(getgid(), 4);
	m_u(0, 8 * 5);
	ck_assert_int_eq(rpc(), 0);
	ck_assert_int_eq(host_stat("export/file", &st), 0);
	ck_assert_uint_eq(st.st_uid, getuid());
	ck_assert_int_gt(st.st_atim.tv_sec, 1000000000);
	/* On an open fid, size goes through its descriptor. */
	ck_assert_int_eq(t_lopen(2, 2), 0);
	ck_assert_int_eq(t_setattr(2, P9_SETATTR_SIZE, 0, 0, 0), 0);
	ck_assert_int_eq(host_stat("export/file", &st), 0);
	ck_assert_int_eq(st.st_size, 0);
}
END_TEST

/* A read-only export: every change is EROFS, and nothing changes. */
START_TEST(test_p9_readonly_is_erofs)
{
	struct stat before, after;
	char buf[16];

	ck_assert_int_eq(host_stat("export/file", &before), 0);
	ck_assert_int_eq(t_walk(ROOT, 2, "file", NULL), 1);
	ck_assert_int_eq(t_lopen(2, 1), -EROFS);
	ck_assert_int_eq(t_lopen(2, 2), -EROFS);
	ck_assert_int_eq(t_lopen(2, P9_DOTL_TRUNC), -EROFS);
	ck_assert_int_eq(t_lopen(2, 0), 0);
	ck_assert_int_eq(t_read(2, 0, 10, buf, sizeof(reply)), 5);
	ck_assert_int_eq(t_write(2, 0, "x"), -EROFS);
	ck_assert_int_eq(t_walk(ROOT, 3, "dir", NULL), 1);
	ck_assert_int_eq(t_name_op(P9_TLCREATE, 3, "n", 0, 0644), -EROFS);
	ck_assert_int_eq(t_name_op(P9_TMKDIR, 3, "n", 0755, 0), -EROFS);
	ck_assert_int_eq(t_name_op(P9_TMKNOD, 3, "n", S_IFIFO | 0644, 0),
	    -EROFS);
	ck_assert_int_eq(t_symlink(3, "n", "x"), -EROFS);
	ck_assert_int_eq(t_link(3, 2, "n"), -EROFS);
	ck_assert_int_eq(t_renameat(3, "f2", 3, "n"), -EROFS);
	ck_assert_int_eq(t_unlinkat(3, "f2", 0), -EROFS);
	ck_assert_int_eq(t_setattr(2, P9_SETATTR_SIZE, 0, 0, 0), -EROFS);
	ck_assert_int_eq(t_setattr(2, P9_SETATTR_MODE, 0777, 0, 0), -EROFS);
	m_begin(P9_TXATTRCREATE);
	m_u(2, 4);
	m_s("user.x");
	m_u(1, 8);
	m_u(0, 4);
	ck_assert_int_eq(rpc(), -EROFS);
	ck_assert_int_eq(t_walk(3, 4, "f2", NULL), 1);
	ck_assert_int_eq(t_fid(P9_TREMOVE, 4), -EROFS);
	ck_assert_int_eq(t_fid(P9_TCLUNK, 4), -EBADF);	/* clunked */
	ck_assert_int_eq(host_stat("export/dir/f2", &after), 0);
	ck_assert_int_eq(host_stat("export/file", &after), 0);
	ck_assert_int_eq(after.st_size, 5);
	ck_assert_uint_eq(after.st_mode, before.st_mode);
	ck_assert_int_eq(after.st_mtim.tv_sec, before.st_mtim.tv_sec);
	ck_assert_int_eq(host_stat("export/dir/n", &after), -1);
}
END_TEST

/* Escapes: none may reach B/outside (teardown checks B/outside/secret). */

START_TEST(test_p9_escape_dotdot_stays_at_root)
{
	ck_assert_int_eq(t_walk(ROOT, 2, "..", "..", "..", NULL), 3);
	for (int i = 0; i < 3; i++)		/* each the root's qid */
		ck_assert_int_eq(memcmp(reply + 9 + 13 * i, reply + 9, 13), 0);
	ck_assert_int_eq(t_walk(ROOT, 3, "..", "outside", "secret", NULL), 1);
	ck_assert_int_eq(t_fid(P9_TCLUNK, 3), -EBADF);
	/* From inside, ".." climbs only to the root. */
	ck_assert_int_eq(t_walk(ROOT, 4, "dir", "sub", "..", "..", "..", "..",
	    "dir", NULL), 7);
	ck_assert_int_eq(t_walk(4, 5, "f2", NULL), 1);
	ck_assert_int_eq(t_walk(2, 6, "outside", NULL), -ENOENT);
	/* A directory reached by ".." opens and reads, but is not removed. */
	ck_assert_int_eq(t_walk(ROOT, 7, "dir", "sub", "..", NULL), 3);
	ck_assert_int_eq(t_lopen(7, 0), 0);
	ck_assert_int_eq(t_fid(P9_TREMOVE, 2), -EBUSY);
}
END_TEST

START_TEST(test_p9_escape_symlinks_not_followed)
{
	const char *links[] = { "abs", "rel", "reldir", "up" };

	for (int i = 0; i < 4; i++) {
		uint32_t f = 10 + (uint32_t)i;

		ck_assert_int_eq(t_walk(ROOT, f, links[i], NULL), 1);
		ck_assert_uint_eq(reply[9], P9_QTSYMLINK);
		ck_assert_int_eq(t_lopen(f, 0), -ELOOP);
		ck_assert_int_eq(t_walk(ROOT, 20, links[i], "secret", NULL),
		    1);
		ck_assert_int_eq(t_walk(ROOT, 20, links[i], "outside", NULL),
		    1);
		ck_assert_int_eq(t_walk(f, 20, "secret", NULL), -ENOTDIR);
		ck_assert_int_eq(t_name_op(P9_TMKDIR, f, "new", 0755, 0),
		    -ENOTDIR);
		ck_assert_int_eq(t_name_op(P9_TLCREATE, f, "new", 2, 0644),
		    -ENOTDIR);
		ck_assert_int_eq(t_setattr(f, P9_SETATTR_SIZE, 0, 0, 0),
		    -ELOOP);
	}
	/* Creating over a symlink never writes through it. */
	ck_assert_int_eq(t_name_op(P9_TLCREATE, ROOT, "abs", 2, 0644),
	    -EEXIST);
	ck_assert_int_eq(t_name_op(P9_TLCREATE, ROOT, "rel", 0x202, 0644),
	    -EEXIST);
	ck_assert_int_eq(t_name_op(P9_TMKDIR, ROOT, "reldir", 0755, 0),
	    -EEXIST);
	/* A hard link to a symlink is the symlink, and unlink removes it. */
	ck_assert_int_eq(t_link(ROOT, 10, "abs2"), 0);
	ck_assert_int_eq(t_walk(ROOT, 21, "abs2", NULL), 1);
	ck_assert_uint_eq(reply[9], P9_QTSYMLINK);
	ck_assert_int_eq(t_unlinkat(ROOT, "rel", 0), 0);
	ck_assert_int_eq(t_renameat(ROOT, "reldir", ROOT, "r2"), 0);
	ck_assert_int_eq(t_walk(ROOT, 22, "r2", "new", NULL), 1);
}
END_TEST

START_TEST(test_p9_escape_names_with_slash)
{
	static char longname[300];

	ck_assert_int_eq(t_walk(ROOT, 2, "dir/sub", NULL), -EINVAL);
	ck_assert_int_eq(t_walk(ROOT, 2, "../outside", NULL), -EINVAL);
	ck_assert_int_eq(t_walk(ROOT, 2, "/", NULL), -EINVAL);
	ck_assert_int_eq(t_walk(ROOT, 2, secret, NULL), -EINVAL);
	ck_assert_int_eq(t_walk(ROOT, 2, "", NULL), -EINVAL);
	/* A bad name anywhere fails the whole walk before any lookup. */
	ck_assert_int_eq(t_walk(ROOT, 2, "dir", "a/b", NULL), -EINVAL);
	ck_assert_int_eq(t_walk(ROOT, 2, "dir", "", NULL), -EINVAL);
	memset(longname, 'a', 255);
	ck_assert_int_eq(t_walk(ROOT, 2, longname, NULL), -ENOENT);
	memset(longname, 'a', 299);
	ck_assert_int_eq(t_walk(ROOT, 2, longname, NULL), -ENAMETOOLONG);
	ck_assert_int_eq(t_name_op(P9_TMKDIR, ROOT, longname, 0755, 0),
	    -ENAMETOOLONG);
	ck_assert_int_eq(t_name_op(P9_TMKDIR, ROOT, "../x", 0755, 0),
	    -EINVAL);
	ck_assert_int_eq(t_name_op(P9_TMKDIR, ROOT, "..", 0755, 0), -EINVAL);
	ck_assert_int_eq(t_name_op(P9_TLCREATE, ROOT, "../outside/new", 2,
	    0644), -EINVAL);
	ck_assert_int_eq(t_symlink(ROOT, "/x", "y"), -EINVAL);
	ck_assert_int_eq(t_renameat(ROOT, "file", ROOT, "../outside/new"),
	    -EINVAL);
	ck_assert_int_eq(t_renameat(ROOT, "..", ROOT, "x"), -EINVAL);
	ck_assert_int_eq(t_unlinkat(ROOT, "../outside/secret", 0), -EINVAL);
	ck_assert_int_eq(t_unlinkat(ROOT, ".", P9_AT_REMOVEDIR), -EINVAL);
	ck_assert_int_eq(t_link(ROOT, ROOT, "../x"), -EINVAL);
	/* A name with a NUL in it. */
	m_begin(P9_TWALK);
	m_u(ROOT, 4);
	m_u(2, 4);
	m_u(1, 2);
	m_u(5, 2);
	memcpy(m.b + m.n, "fi\0le", 5);
	m.n += 5;
	ck_assert_int_eq(rpc(), -EINVAL);
}
END_TEST

/*
 * The race, deterministically: a fid is walked to, then the host swaps a
 * symlink to B/outside in at its name; opening, truncating, removing or
 * linking the fid must not reach through the symlink.
 */
START_TEST(test_p9_escape_symlink_swapped_in_before_open)
{
	char buf[64];

	ck_assert_int_eq(t_walk(ROOT, 2, "dir", "f2", NULL), 2);
	ck_assert_int_eq(t_walk(ROOT, 3, "dir", "f2", NULL), 2);
	host_rename("export/dir/f2", "export/f2.old");
	host_symlink(secret, "export/dir/f2");
	ck_assert_int_eq(t_lopen(2, 0), -ELOOP);
	ck_assert_int_eq(t_read(2, 0, 60, buf, sizeof(reply)), -EBADF);
	ck_assert_int_eq(t_setattr(3, P9_SETATTR_SIZE, 0, 0, 0), -ELOOP);
	ck_assert_int_eq(t_link(ROOT, 3, "l"), -ESTALE);
	ck_assert_int_eq(t_fid(P9_TREMOVE, 3), -ESTALE);
	/* Another regular file swapped in is refused too. */
	ck_assert_int_eq(t_walk(ROOT, 4, "file", NULL), 1);
	host_rename("export/file", "export/file.old");
	host_write("export/file", "other");
	ck_assert_int_eq(t_lopen(4, 0), -ESTALE);
	/* A directory swapped out: the fid keeps the real one, inside. */
	ck_assert_int_eq(t_walk(ROOT, 5, "dir", NULL), 1);
	host_rename("export/dir", "export/dir.old");
	host_symlink("../outside", "export/dir");
	ck_assert_int_eq(t_name_op(P9_TLCREATE, 5, "new", 2, 0644), 0);
	ck_assert_int_eq(t_write(5, 0, "in"), 2);
	struct stat st;
	ck_assert_int_eq(host_stat("export/dir.old/new", &st), 0);
	ck_assert_int_eq(t_walk(ROOT, 6, "dir", NULL), 1);
	ck_assert_uint_eq(reply[9], P9_QTSYMLINK);
	ck_assert_int_eq(t_walk(ROOT, 7, "dir", "secret", NULL), 1);
	ck_assert_int_eq(t_name_op(P9_TMKDIR, 6, "x", 0755, 0), -ENOTDIR);
	ck_assert_int_eq(t_walk(ROOT, 8, "dir.old", NULL), 1);
	ck_assert_int_eq(t_lopen(8, 0), 0);
}
END_TEST

START_TEST(test_p9_escape_root_swapped)
{
	char moved[PATH_MAX + 32];

	/*
	 * The exported directory itself renamed and replaced by a symlink
	 * to B/outside: the server keeps the directory it opened.
	 */
	snprintf(moved, sizeof(moved), "%s/export.old", base);
	ck_assert_int_eq(rename(exp_dir, moved), 0);
	ck_assert_int_eq(symlink("outside", exp_dir), 0);
	ck_assert_int_eq(t_attach(2), 0);
	ck_assert_int_eq(t_walk(2, 3, "secret", NULL), -ENOENT);
	ck_assert_int_eq(t_walk(2, 3, "file", NULL), 1);
	ck_assert_int_eq(unlink(exp_dir), 0);
	ck_assert_int_eq(rename(moved, exp_dir), 0);
}
END_TEST

/* The same escapes on a read-only export: nothing is opened outside. */
START_TEST(test_p9_escape_symlinks_ro)
{
	char buf[64];

	ck_assert_int_eq(t_walk(ROOT, 2, "abs", NULL), 1);
	ck_assert_int_eq(t_lopen(2, 0), -ELOOP);
	ck_assert_int_eq(t_walk(ROOT, 3, "reldir", "secret", NULL), 1);
	ck_assert_int_eq(t_walk(ROOT, 4, "dir", "f2", NULL), 2);
	host_rename("export/dir/f2", "export/f2.old");
	host_symlink(secret, "export/dir/f2");
	ck_assert_int_eq(t_lopen(4, 0), -ELOOP);
	ck_assert_int_eq(t_read(4, 0, 60, buf, sizeof(reply)), -EBADF);
}
END_TEST

/* Malformed input: an Rlerror, never a crash. */

START_TEST(test_p9_malformed_is_rlerror)
{
	uint8_t req[64];
	size_t n;

	/* Every truncation of a Twalk and a Tsetattr. */
	ck_assert_int_eq(t_walk(ROOT, 2, "dir", "sub", NULL), 2);
	m_begin(P9_TWALK);
	m_u(ROOT, 4);
	m_u(3, 4);
	m_u(2, 2);
	m_s("dir");
	m_s("sub");
	n = m.n;
	memcpy(req, m.b, n);
	for (size_t len = 0; len < n; len++) {
		m.n = len;
		memcpy(m.b, req, len);
		if (len >= 4) {
			rlen = p9srv_handle(srv, m.b, len, reply,
			    sizeof(reply));
			ck_assert_uint_eq(rlen, 11);
			ck_assert_uint_eq(reply[4], P9_RLERROR);
			ck_assert_uint_eq(r_u(7, 4), EPROTO);
			/* And with its size field made to agree. */
			ck_assert_int_eq(len < 7 ? -EPROTO : rpc(), -EPROTO);
		} else {
			rlen = p9srv_handle(srv, m.b, len, reply,
			    sizeof(reply));
			ck_assert_uint_eq(rlen, 11);
			ck_assert_uint_eq(r_u(5, 2), P9_NOTAG);
		}
	}
	ck_assert_int_eq(t_fid(P9_TCLUNK, 3), -EBADF);
	/* Lengths that lie. */
	m_begin(P9_TWALK);
	m_u(ROOT, 4);
	m_u(3, 4);
	m_u(1, 2);
	m_u(60000, 2);
	m_u('x', 1);
	ck_assert_int_eq(rpc(), -EPROTO);
	m_begin(P9_TWRITE);
	m_u(2, 4);
	m_u(0, 8);
	m_u(0xffffffff, 4);
	ck_assert_int_eq(rpc(), -EPROTO);
	m_begin(P9_TCLUNK);
	m_u(2, 4);
	m_fix();
	m.b[0]++;				/* size says one more */
	rlen = p9srv_handle(srv, m.b, m.n, reply, sizeof(reply));
	ck_assert_uint_eq(r_u(7, 4), EPROTO);
	/* Unknown, legacy and R-message types. */
	const uint8_t types[] = { 0, 1, 6, 7, 20, 101, 112, 114, 124, 126,
	    200, 255 };
	for (size_t i = 0; i < sizeof(types); i++) {
		m_begin(types[i]);
		m_u(ROOT, 4);
		ck_assert_int_eq(rpc(), -EOPNOTSUPP);
	}
	ck_assert_int_eq(t_fid(P9_TCLUNK, 2), 0);
}
END_TEST

START_TEST(test_p9_fid_limit_is_emfile)
{
	uint32_t f;
	int err = 0;

	for (f = 100; f < 100 + P9SRV_MAX_FIDS + 1; f++)
		if ((err = t_walk(ROOT, f, NULL)) < 0)
			break;
	/* The server's limit or the process's fd limit, whichever first. */
	ck_assert_int_eq(err, -EMFILE);
	/* A walk of one name holds three descriptors for a moment. */
	for (f = 100; f < 103; f++)
		ck_assert_int_eq(t_fid(P9_TCLUNK, f), 0);
	ck_assert_int_eq(t_walk(ROOT, 100, "file", NULL), 1);
	ck_assert_int_eq(t_version(MSIZE, P9_VERSION), 0);	/* frees all */
	ck_assert_int_eq(t_attach(ROOT), 0);
}
END_TEST

/*
 * The fuzzer's seeds (tests/fuzz/p9srv_fuzz.c reads this format): a flags
 * byte (bit 0: writable; bits 1-2: the reply buffer), then whole
 * T-messages back to back, starting with Tversion and Tattach of fid 1.
 */
static struct {
	uint8_t	b[4096];
	size_t	n;
} sd;

/* Appends the message in m to the seed. */
static void
sd_add(void)
{
	m_fix();
	ck_assert_uint_le(sd.n + m.n, sizeof(sd.b));
	memcpy(sd.b + sd.n, m.b, m.n);
	sd.n += m.n;
}

static void
sd_fid(uint8_t type, uint32_t fid)
{
	m_begin(type);
	m_u(fid, 4);
	sd_add();
}

static void
sd_walk(uint32_t fid, uint32_t newfid, const char *a, const char *b)
{
	m_begin(P9_TWALK);
	m_u(fid, 4);
	m_u(newfid, 4);
	m_u((a != NULL) + (b != NULL), 2);
	if (a != NULL)
		m_s(a);
	if (b != NULL)
		m_s(b);
	sd_add();
}

static void
sd_3(uint8_t type, uint32_t fid, uint64_t x, uint32_t y)
{
	m_begin(type);
	m_u(fid, 4);
	m_u(x, type == P9_TLOPEN ? 4 : 8);
	if (type != P9_TLOPEN && type != P9_TGETATTR)
		m_u(y, 4);
	sd_add();
}

static void
seed(const char *dir, const char *name, uint8_t flags, void (*gen)(void))
{
	char p[PATH_MAX + 64];
	FILE *f;

	sd.n = 0;
	m_begin(P9_TVERSION);
	m_u(8192, 4);
	m_s(P9_VERSION);
	sd_add();
	m_begin(P9_TATTACH);
	m_u(ROOT, 4);
	m_u(P9_NOFID, 4);
	m_s("");
	m_s("");
	m_u(0, 4);
	sd_add();
	gen();
	snprintf(p, sizeof(p), "%s/%s", dir, name);
	ck_assert_ptr_nonnull(f = fopen(p, "wb"));
	fputc(flags, f);
	fwrite(sd.b, 1, sd.n, f);
	fclose(f);
}

static void
gen_none(void)
{
}

static void
gen_read(void)
{
	sd_walk(ROOT, 2, "file", NULL);
	sd_3(P9_TLOPEN, 2, 0, 0);
	sd_3(P9_TREAD, 2, 0, 100);
	sd_walk(ROOT, 3, "dir", "sub");
	sd_walk(3, 3, "..", NULL);
	sd_3(P9_TLOPEN, 3, 0, 0);
	sd_3(P9_TREADDIR, 3, 0, 60);
	sd_3(P9_TGETATTR, 2, P9_GETATTR_ALL, 0);
	sd_walk(ROOT, 4, "..", "abs");
	sd_fid(P9_TREADLINK, 4);
	sd_fid(P9_TSTATFS, ROOT);
	sd_fid(P9_TFSYNC, 2);
	sd_fid(P9_TCLUNK, 2);
}

static void
gen_misc(void)
{
	sd_walk(ROOT, 2, "rel", NULL);
	sd_3(P9_TLOPEN, 2, 0, 0);
	sd_walk(ROOT, 3, "up", "dir");
	sd_walk(ROOT, 4, NULL, NULL);
	m_begin(P9_TLOCK); m_u(ROOT, 4); m_u(1, 1); m_u(0, 4); m_u(0, 8);
	m_u(0, 8); m_u(1, 4); m_s("c"); sd_add();
	m_begin(P9_TGETLOCK); m_u(ROOT, 4); m_u(1, 1); m_u(0, 8); m_u(0, 8);
	m_u(1, 4); m_s("c"); sd_add();
	m_begin(P9_TXATTRWALK); m_u(ROOT, 4); m_u(5, 4); m_s("user.a");
	sd_add();
	m_begin(P9_TFLUSH); m_u(7, 2); sd_add();
	sd_fid(P9_TREMOVE, 4);
}

static void
gen_modify(void)
{
	sd_walk(ROOT, 2, "dir", NULL);
	m_begin(P9_TLCREATE); m_u(2, 4); m_s("new"); m_u(2, 4);
	m_u(0644, 4); m_u(0, 4); sd_add();
	m_begin(P9_TWRITE); m_u(2, 4); m_u(0, 8); m_u(3, 4); m_u(0x636261, 3);
	sd_add();
	sd_3(P9_TREAD, 2, 1, 10);
	m_begin(P9_TMKDIR); m_u(ROOT, 4); m_s("d"); m_u(0755, 4); m_u(0, 4);
	sd_add();
	m_begin(P9_TSYMLINK); m_u(ROOT, 4); m_s("s"); m_s("../x"); m_u(0, 4);
	sd_add();
	m_begin(P9_TMKNOD); m_u(ROOT, 4); m_s("p"); m_u(S_IFIFO | 0644, 4);
	m_u(0, 4); m_u(0, 4); m_u(0, 4); sd_add();
	sd_walk(ROOT, 3, "file", NULL);
	m_begin(P9_TLINK); m_u(ROOT, 4); m_u(3, 4); m_s("hard"); sd_add();
	m_begin(P9_TRENAMEAT); m_u(ROOT, 4); m_s("file"); m_u(ROOT, 4);
	m_s("f"); sd_add();
	m_begin(P9_TSETATTR); m_u(3, 4); m_u(0x1ff, 4); m_u(0600, 4);
	m_u(0, 4); m_u(0, 4); m_u(1, 8); m_u(5, 8); m_u(0, 8); m_u(6, 8);
	m_u(0, 8); sd_add();
	m_begin(P9_TUNLINKAT); m_u(ROOT, 4); m_s("d"); m_u(P9_AT_REMOVEDIR, 4);
	sd_add();
	sd_fid(P9_TREMOVE, 2);
}

START_TEST(test_p9_seed_corpus)
{
	const char *dir = getenv("P9SRV_CORPUS");

	if (dir == NULL)
		return;
	seed(dir, "attach", 0, gen_none);
	seed(dir, "read", 0, gen_read);
	seed(dir, "read_small_reply", 2, gen_read);
	seed(dir, "misc", 1, gen_misc);
	seed(dir, "modify", 1, gen_modify);
	seed(dir, "modify_readonly", 0, gen_modify);
}
END_TEST

static Suite *
p9srv_suite(void)
{
	Suite *s = suite_create("p9srv");
	TCase *rw = tcase_create("writable"), *ro = tcase_create("readonly");

	tcase_add_checked_fixture(rw, setup_rw, teardown);
	tcase_set_timeout(rw, 60);
	tcase_add_test(rw, test_p9_version_negotiates_msize);
	tcase_add_test(rw, test_p9_attach_gives_root_qid);
	tcase_add_test(rw, test_p9_walk_gives_qids);
	tcase_add_test(rw, test_p9_walk_partial_makes_no_fid);
	tcase_add_test(rw, test_p9_walk_sixteen_names_at_most);
	tcase_add_test(rw, test_p9_clunk_and_flush);
	tcase_add_test(rw, test_p9_lopen_read_file);
	tcase_add_test(rw, test_p9_read_clamps_to_msize_and_reply);
	tcase_add_test(rw, test_p9_readdir_offsets_stable);
	tcase_add_test(rw, test_p9_getattr_reports_host);
	tcase_add_test(rw, test_p9_statfs_readlink_fsync_locks_xattr);
	tcase_add_test(rw, test_p9_lcreate_write_read);
	tcase_add_test(rw, test_p9_mkdir_symlink_mknod);
	tcase_add_test(rw, test_p9_link_rename_unlink_remove);
	tcase_add_test(rw, test_p9_setattr_mode_size_times);
	tcase_add_test(rw, test_p9_escape_dotdot_stays_at_root);
	tcase_add_test(rw, test_p9_escape_symlinks_not_followed);
	tcase_add_test(rw, test_p9_escape_names_with_slash);
	tcase_add_test(rw, test_p9_escape_symlink_swapped_in_before_open);
	tcase_add_test(rw, test_p9_escape_root_swapped);
	tcase_add_test(rw, test_p9_malformed_is_rlerror);
	tcase_add_test(rw, test_p9_fid_limit_is_emfile);
	tcase_add_test(rw, test_p9_seed_corpus);
	suite_add_tcase(s, rw);
	tcase_add_checked_fixture(ro, setup_ro, teardown);
	tcase_add_test(ro, test_p9_readonly_is_erofs);
	tcase_add_test(ro, test_p9_escape_symlinks_ro);
	suite_add_tcase(s, ro);
	return s;
}

/* Every check twice: with openat2(2), and as without it (Valgrind). */
int
main(void)
{
	SRunner *sr;
	int failed = 0;

	for (int pass = 0; pass < 2; pass++) {
		p9_no_openat2 = pass == 1;
		sr = srunner_create(p9srv_suite());
		srunner_run_all(sr, CK_NORMAL);
		failed += srunner_ntests_failed(sr);
		srunner_free(sr);
	}
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
