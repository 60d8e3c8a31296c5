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
