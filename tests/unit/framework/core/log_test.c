/*
 * Tests for framework/core/log.c: the formatter, log levels, the trace
 * sink and panics.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <fw/log.h>
#include <fw/panic.h>
#include <fw/power.h>

#include "fake_hal.h"

static char buf[128];

static void
setup(void)
{
	fake_hal_boot();
	fake_log_reset();
}

#define FMT(want, ...) do {						\
	int n_ = fw_snprintf(buf, sizeof(buf), __VA_ARGS__);		\
	ck_assert_str_eq(buf, want);					\
	ck_assert_int_eq(n_, (int)strlen(want));			\
} while (0)

START_TEST(test_snprintf_integers)
{
	FMT("42 -7 +3  5", "%d %i %+d % d", 42, -7, 3, 5);
	FMT("4294967295 ff FF 17", "%u %x %X %o", 4294967295U, 255, 255, 15);
	FMT("-9223372036854775808", "%ld", (long)(-9223372036854775807L - 1));
	FMT("18446744073709551615", "%lu", 18446744073709551615UL);
	FMT("ffffffffffffffff 1234567890123", "%llx %lld", ~0ULL,
	    1234567890123LL);
	FMT("18446744073709551615", "%llu", ~0ULL);
	FMT("12 -12", "%zu %zd", (size_t)12, (ssize_t)-12);
	FMT("0x1f 017", "%#x %#o", 31, 15);
	FMT("-1 255", "%hhd %hhu", (signed char)-1, (unsigned char)255);
}
END_TEST

START_TEST(test_snprintf_width_and_flags)
{
	const char *volatile nul = NULL;	/* hidden from -Wformat */

	FMT("   42|42   |00042|-0042", "%5d|%-5d|%05d|%05d", 42, 42, 42, -42);
	FMT("0000beef", "%08x", 0xbeef);
	FMT("  abc|abc  |ab", "%5s|%-5s|%.2s", "abc", "abc", "abc");
	FMT("hel|  hel", "%.*s|%*.*s", 3, "hello", 5, 3, "hello");
	FMT("   x|x   ", "%*c|%-*c", 4, 'x', 4, 'x');
	FMT("  007", "%5.3d", 7);
	FMT("", "%.0d", 0);
	FMT("100%", "%d%%", 100);
	FMT("(null)", "%s", nul);
}
END_TEST

START_TEST(test_snprintf_pointer_and_char)
{
	FMT("0x1000 z", "%p %c", (void *)0x1000, 'z');
	FMT("0x0", "%p", (void *)0);
}
END_TEST

START_TEST(test_snprintf_truncates_and_counts)
{
	char small[6];

	ck_assert_int_eq(fw_snprintf(small, sizeof(small), "%s-%d", "abcd",
	    1234), 9);
	ck_assert_str_eq(small, "abcd-");
	ck_assert_int_eq(fw_snprintf(NULL, 0, "%d", 12345), 5);
	ck_assert_int_eq(fw_snprintf(small, 1, "xyz"), 3);
	ck_assert_str_eq(small, "");
}
END_TEST

START_TEST(test_log_respects_default_level)
{
	ck_assert(!fw_log_enabled(FW_LOG_INFO));
	ck_assert(fw_log_enabled(FW_LOG_WARN));
	fw_log(FW_LOG_INFO, "hidden %d", 1);
	fw_log(FW_LOG_ERROR, "shown %d", 2);
	ck_assert_ptr_null(strstr(fake_log_text(), "hidden"));
	ck_assert_ptr_nonnull(strstr(fake_log_text(), "shown 2"));
}
END_TEST

START_TEST(test_log_cuts_long_lines)
{
	char big[1000];

	memset(big, 'y', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	fw_log(FW_LOG_ERROR, "%s", big);
	ck_assert_uint_le(strlen(fake_log_text()), 512);
}
END_TEST

START_TEST(test_trace_goes_to_trace_sink)
{
	fw_trace("open(\"%s\") = %d", "/etc", 3);
	ck_assert_str_eq(fake_trace_text(), "open(\"/etc\") = 3\n");
	ck_assert_str_eq(fake_log_text(), "");
}
END_TEST

START_TEST(test_panic_prints_location_and_powers_off_125)
{
	jmp_buf env;
	volatile int line = 0;

	fake_power_jmp = &env;
	if (setjmp(env) == 0) {
		line = __LINE__ + 1;
		fw_panic("bad %s", "thing");
	}
	fake_power_jmp = NULL;
	ck_assert_int_eq(fake_power_status, 125);
	snprintf(buf, sizeof(buf), "trellis: panic: %s:%d: bad thing\n",
	    __FILE__, line);
	ck_assert_str_eq(fake_log_text(), buf);
}
END_TEST

START_TEST(test_assert_failure_names_expression)
{
	jmp_buf env;
	volatile int zero = 0;

	fake_power_jmp = &env;
	if (setjmp(env) == 0)
		FW_ASSERT(zero == 1);
	fake_power_jmp = NULL;
	ck_assert_ptr_nonnull(strstr(fake_log_text(), "assert: zero == 1"));
}
END_TEST

START_TEST(test_power_off_passes_status)
{
	jmp_buf env;

	fake_power_jmp = &env;
	if (setjmp(env) == 0)
		fw_power_off(3);
	fake_power_jmp = NULL;
	ck_assert_int_eq(fake_power_status, 3);
}
END_TEST

static Suite *
log_suite(void)
{
	Suite *s = suite_create("log");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, test_snprintf_integers);
	tcase_add_test(tc, test_snprintf_width_and_flags);
	tcase_add_test(tc, test_snprintf_pointer_and_char);
	tcase_add_test(tc, test_snprintf_truncates_and_counts);
	tcase_add_test(tc, test_log_respects_default_level);
	tcase_add_test(tc, test_log_cuts_long_lines);
	tcase_add_test(tc, test_trace_goes_to_trace_sink);
	tcase_add_test(tc, test_panic_prints_location_and_powers_off_125);
	tcase_add_test(tc, test_assert_failure_names_expression);
	tcase_add_test(tc, test_power_off_passes_status);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(log_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
