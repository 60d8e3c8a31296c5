/*
 * tests/unit/services/fs/cpio_test.c: the initramfs unpacker
 * (services/fs/cpio.c) through vfs_init(): a good archive lands in the
 * tree with its modes, owners, links and devices; every kind of damage is
 * -EINVAL and never a crash or a leak.
 */
#include "fstest.h"

static struct archive ar;

static void
setup(void)
{
	memset(&ar, 0, sizeof(ar));
}

static void
teardown(void)
{
	vfs_fini();
	ck_assert_int_eq(shim_frames_live, 0);
}

static void
good_archive(struct archive *a)
{
	ar_dir(a, ".", 0755);
	ar_dir(a, "bin", 0755);
	ar_file(a, "bin/hello", 0755, "hello, world\n");
	ar_link(a, "bin/sh", "hello");
	ar_entry(a, "./etc/mynull", LINUX_S_IFCHR | 0666, "", 0, 7, 1, 1, 3);
	ar_file(a, "deep/er/file", 0600, "x");
	ar_entry(a, "hl1", LINUX_S_IFREG | 0644, "", 0, 9, 2, 0, 0);
	ar_entry(a, "hl2", LINUX_S_IFREG | 0644, "linked", 6, 9, 2, 0, 0);
	ar_trailer(a);
}

static int
init_with(struct archive *a)
{
	shim_set_initrd(a->buf, a->len);
	return vfs_init();
}

static void
stat_path(const char *path, struct linux_stat *st, long want)
{
	uint64_t ust = shim_user_alloc(sizeof(*st));

	ck_assert_int_eq(SC(lstat, U(path), ust), want);
	if (want == 0)
		shim_user_get(ust, st, sizeof(*st));
}

START_TEST(test_cpio_good_archive_unpacks)
{
	struct linux_stat st;
	char buf[64];
	uint64_t ubuf;
	long fd;

	good_archive(&ar);
	ck_assert_int_eq(init_with(&ar), 0);
	proc_setup();
	stat_path("/bin/hello", &st, 0);
	ck_assert_uint_eq(st.st_mode, LINUX_S_IFREG | 0755);
	ck_assert_uint_eq(st.st_uid, 1000);
	ck_assert_uint_eq(st.st_gid, 100);
	ck_assert_uint_eq(st.st_mtime_sec, 1234567);
	ck_assert_int_eq(st.st_size, 13);
	stat_path("/bin/sh", &st, 0);
	ck_assert_uint_eq(st.st_mode & LINUX_S_IFMT, LINUX_S_IFLNK);
	stat_path("/etc/mynull", &st, 0);
	ck_assert_uint_eq(st.st_rdev, 0x103);
	stat_path("/deep/er/file", &st, 0);
	stat_path("/hl1", &st, 0);
	ck_assert_uint_eq(st.st_nlink, 2);
	ck_assert_int_eq(st.st_size, 6);
	/* The symlink is followed by open and the data is there. */
	fd = SC(open, U("/bin/sh"), LINUX_O_RDONLY, 0);
	ck_assert_int_ge(fd, 3);
	ubuf = shim_user_alloc(sizeof(buf));
	ck_assert_int_eq(SC(read, fd, ubuf, sizeof(buf)), 13);
	shim_user_get(ubuf, buf, 13);
	ck_assert(memcmp(buf, "hello, world\n", 13) == 0);
	/* The defaults were added. */
	stat_path("/tmp", &st, 0);
	ck_assert_uint_eq(st.st_mode, LINUX_S_IFDIR | 01777);
	stat_path("/dev/null", &st, 0);
	ck_assert_uint_eq(st.st_rdev, 0x103);
	stat_path("/dev/console", &st, 0);
	stat_path("/proc", &st, 0);
	stat_path("/sys", &st, 0);
	proc_teardown();
}
END_TEST

START_TEST(test_cpio_empty_initrd_gives_defaults)
{
	struct linux_stat st;

	shim_set_initrd(NULL, 0);
	ck_assert_int_eq(vfs_init(), 0);
	proc_setup();
	stat_path("/dev/urandom", &st, 0);
	stat_path("/dev/tty", &st, 0);
	proc_teardown();
}
END_TEST

/* Each corruption of the good archive, applied by index. */
static void
corrupt(struct archive *a, int which)
{

	switch (which) {
	case 0:		/* bad magic */
		memcpy(a->buf, "070707", 6);
		break;
	case 1:		/* non-hex in the mode field */
		a->buf[6 + 8 + 3] = 'g';
		break;
	case 2:		/* name size 0 */
		memcpy(a->buf + 6 + 11 * 8, "00000000", 8);
		break;
	case 3:		/* name size past the end */
		memcpy(a->buf + 6 + 11 * 8, "7FFFFFFF", 8);
		break;
	case 4:		/* file size past the end (entry 2 is bin/hello) */
		memcpy(a->buf + 112 + 116 + 6 + 6 * 8, "00FFFFFF", 8);
		break;
	case 5:		/* truncated in the middle of a header */
		a->len = 150;
		break;
	case 6:		/* truncated: no trailer */
		a->len -= 124;
		break;
	case 7:		/* name without its NUL */
		a->buf[110 + 1] = 'x';
		break;
	}
}

START_TEST(test_cpio_corruption_is_einval)
{
	good_archive(&ar);
	corrupt(&ar, _i);
	ck_assert_int_eq(init_with(&ar), -EINVAL);
}
END_TEST

START_TEST(test_cpio_dotdot_path_is_einval)
{
	ar_dir(&ar, "bin", 0755);
	ar_file(&ar, "bin/../../etc/passwd", 0644, "root");
	ar_trailer(&ar);
	ck_assert_int_eq(init_with(&ar), -EINVAL);
}
END_TEST

START_TEST(test_cpio_bad_symlink_is_einval)
{
	ar_entry(&ar, "l", LINUX_S_IFLNK | 0777, "", 0, 1, 1, 0, 0);
	ar_trailer(&ar);
	ck_assert_int_eq(init_with(&ar), -EINVAL);
}
END_TEST

START_TEST(test_cpio_file_over_dir_entry)
{
	ar_file(&ar, "a/b", 0644, "x");
	ar_file(&ar, "a", 0644, "y");	/* a non-empty dir cannot be replaced */
	ar_trailer(&ar);
	ck_assert_int_eq(init_with(&ar), -EINVAL);
}
END_TEST

START_TEST(test_cpio_concatenated_archives_with_padding)
{
	struct linux_stat st;

	ar_file(&ar, "one", 0644, "1");
	ar_trailer(&ar);
	memset(ar.buf + ar.len, 0, 512);
	ar.len += 512;
	ar_file(&ar, "two", 0644, "22");
	ar_file(&ar, "one", 0600, "replaced");
	ar_trailer(&ar);
	ck_assert_int_eq(init_with(&ar), 0);
	proc_setup();
	stat_path("/two", &st, 0);
	stat_path("/one", &st, 0);
	ck_assert_int_eq(st.st_size, 8);
	ck_assert_uint_eq(st.st_mode, LINUX_S_IFREG | 0600);
	proc_teardown();
}
END_TEST

/*
 * A file's data stays in the image until a page of it is written: reads
 * take no frame, st_blocks counts every page from the start, and writes,
 * truncation and holes see the image's bytes exactly where they still
 * belong.
 */
#define BIG_LEN		(3 * 4096 + 100)

static char big[BIG_LEN + 1];

static long
open_rw(const char *path)
{
	long fd = SC(open, U(path), LINUX_O_RDWR, 0);

	ck_assert_int_ge(fd, 3);
	return fd;
}

/* The file's first len bytes are want's. */
static void
expect_data(long fd, const char *want, size_t len)
{
	uint64_t ub = shim_user_alloc(BIG_LEN + 64);
	static char got[BIG_LEN + 64];

	ck_assert_int_eq(SC(pread64, fd, ub, BIG_LEN + 64, 0), (long)len);
	shim_user_get(ub, got, len);
	ck_assert(memcmp(got, want, len) == 0);
}

START_TEST(test_cpio_file_data_copied_on_first_write)
{
	static char want[BIG_LEN];
	struct linux_stat st;
	long before, fd;
	size_t i;

	for (i = 0; i < BIG_LEN; i++)
		big[i] = (char)('a' + i % 23);
	ar_file(&ar, "pad", 0644, "xyz");	/* data off page alignment */
	ar_file(&ar, "a", 0644, big);
	ar_file(&ar, "b", 0644, big);
	ar_file(&ar, "c", 0644, big);
	ar_trailer(&ar);
	ck_assert_int_eq(init_with(&ar), 0);
	proc_setup();
	stat_path("/a", &st, 0);
	ck_assert_int_eq(st.st_size, BIG_LEN);
	ck_assert_int_eq(st.st_blocks, 4 * 8);

	/* Reading copies from the image: no frame. */
	before = shim_frames_live;
	fd = open_rw("/a");
	expect_data(fd, big, BIG_LEN);
	ck_assert_int_eq(shim_frames_live, before);

	/* A write into page 1 copies that page in, the rest stays. */
	memcpy(want, big, BIG_LEN);
	memcpy(want + 4090, "0123456789", 10);
	ck_assert_int_eq(SC(pwrite64, fd, U("0123456789"), 10, 4090), 10);
	expect_data(fd, want, BIG_LEN);
	ck_assert_int_eq(shim_frames_live, before + 2);
	stat_path("/a", &st, 0);
	ck_assert_int_eq(st.st_blocks, 4 * 8);

	/* Cut inside page 1 (a frame) and grow: zeros past the cut. */
	ck_assert_int_eq(SC(ftruncate, fd, 4096 + 50), 0);
	ck_assert_int_eq(SC(ftruncate, fd, BIG_LEN), 0);
	memset(want + 4096 + 50, 0, BIG_LEN - 4096 - 50);
	expect_data(fd, want, BIG_LEN);
	stat_path("/a", &st, 0);
	ck_assert_int_eq(st.st_blocks, 2 * 8);
	ck_assert_int_eq(SC(close, fd), 0);

	/* Cut inside page 0 (still the image), grow, then write past it. */
	fd = open_rw("/b");
	ck_assert_int_eq(SC(ftruncate, fd, 30), 0);
	ck_assert_int_eq(SC(ftruncate, fd, 8192), 0);
	memcpy(want, big, 30);
	memset(want + 30, 0, 8192 - 30);
	expect_data(fd, want, 8192);
	ck_assert_int_eq(SC(pwrite64, fd, U("Z"), 1, 100), 1);
	want[100] = 'Z';
	expect_data(fd, want, 8192);
	stat_path("/b", &st, 0);
	ck_assert_int_eq(st.st_blocks, 1 * 8);
	ck_assert_int_eq(SC(close, fd), 0);

	/* A hole punched in page 2 reads as zeros; its neighbours do not. */
	fd = open_rw("/c");
	ck_assert_int_eq(SC(fallocate, fd, LINUX_FALLOC_FL_PUNCH_HOLE |
	    LINUX_FALLOC_FL_KEEP_SIZE, 2 * 4096, 4096), 0);
	memcpy(want, big, BIG_LEN);
	memset(want + 2 * 4096, 0, 4096);
	expect_data(fd, want, BIG_LEN);
	stat_path("/c", &st, 0);
	ck_assert_int_eq(st.st_blocks, 3 * 8);
	ck_assert_int_eq(SC(close, fd), 0);

	/* Gone files give back what they held. */
	ck_assert_int_eq(SC(unlink, U("/a")), 0);
	ck_assert_int_eq(SC(unlink, U("/b")), 0);
	ck_assert_int_eq(SC(unlink, U("/c")), 0);
	proc_teardown();
}
END_TEST

/* Every prefix of a good archive is rejected, never a crash. */
START_TEST(test_cpio_every_truncation_fails_cleanly)
{
	struct archive *full = malloc(sizeof(*full));
	size_t cut;

	memset(full, 0, sizeof(*full));
	good_archive(full);
	for (cut = 1; cut < full->len - 4; cut += 3) {
		memcpy(&ar, full, sizeof(ar));
		ar.len = cut;
		ck_assert_int_eq(init_with(&ar), -EINVAL);
	}
	free(full);
}
END_TEST

static Suite *
cpio_suite(void)
{
	Suite *s = suite_create("cpio");
	TCase *tc = tcase_create("unpack");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_cpio_good_archive_unpacks);
	tcase_add_test(tc, test_cpio_empty_initrd_gives_defaults);
	tcase_add_loop_test(tc, test_cpio_corruption_is_einval, 0, 8);
	tcase_add_test(tc, test_cpio_dotdot_path_is_einval);
	tcase_add_test(tc, test_cpio_bad_symlink_is_einval);
	tcase_add_test(tc, test_cpio_file_over_dir_entry);
	tcase_add_test(tc, test_cpio_concatenated_archives_with_padding);
	tcase_add_test(tc, test_cpio_every_truncation_fails_cleanly);
	tcase_add_test(tc, test_cpio_file_data_copied_on_first_write);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(cpio_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
