/*
 * tests/unit/services/fs/gunzip_test.c: services/lib/gunzip.c against the
 * host's gzip(1): stored blocks (incompressible data), fixed and dynamic
 * codes (short and long text), long matches, concatenated members with
 * padding; and damage: every single-byte change of a small stream, every
 * truncation, and the output cap, each an error and never a fault (the
 * sanitizers watch).
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fw/errno.h>
#include <svc/gunzip.h>

struct mem {
	const unsigned char *p;
	size_t n;
};

static int
mem_read(void *ctx, size_t off, void *buf, size_t len)
{
	const struct mem *m = ctx;

	if (off > m->n || len > m->n - off)
		return -EINVAL;
	memcpy(buf, m->p + off, len);
	return 0;
}

/* gzip(1) with args of n bytes at p: the compressed bytes, *len. */
static unsigned char *
host_gzip(const void *p, size_t n, const char *args, size_t *len)
{
	char in[] = "/tmp/gunzip-test-XXXXXX", cmd[256];
	unsigned char *out = malloc(n * 2 + 4096);
	FILE *f;
	int fd = mkstemp(in);

	ck_assert_int_ge(fd, 0);
	f = fdopen(fd, "wb");
	ck_assert_uint_eq(fwrite(p, 1, n, f), n);
	fclose(f);
	snprintf(cmd, sizeof(cmd), "gzip %s -c %s", args, in);
	f = popen(cmd, "r");
	ck_assert_ptr_nonnull(f);
	*len = fread(out, 1, n * 2 + 4096, f);
	ck_assert_int_eq(pclose(f), 0);
	unlink(in);
	return out;
}

static int
run(const unsigned char *z, size_t zn, size_t cap, uint8_t **out, size_t *n)
{
	struct mem m = { z, zn };
	struct gz_src src = { mem_read, &m, zn };

	return gunzip(&src, cap, out, n);
}

static void
round_trip(const void *p, size_t n, const char *args)
{
	size_t zn, on;
	unsigned char *z = host_gzip(p, n, args, &zn);
	uint8_t *o = NULL;
	struct mem m = { z, zn };
	struct gz_src src = { mem_read, &m, zn };

	ck_assert(gz_is_gzip(&src));
	ck_assert_int_eq(run(z, zn, 1 << 30, &o, &on), 0);
	ck_assert_uint_eq(on, n);
	ck_assert(n == 0 || memcmp(o, p, n) == 0);
	free(o);
	free(z);
}

START_TEST(test_round_trips)
{
	size_t n = 300000, i;
	unsigned char *p = malloc(n);
	unsigned int x = 12345;

	for (i = 0; i < n; i++) {		/* incompressible: stored */
		x = x * 1103515245u + 12345u;
		p[i] = (unsigned char)(x >> 16);
	}
	round_trip(p, n, "-1");
	round_trip("hello\n", 6, "-9");		/* fixed codes */
	round_trip("", 0, "-9");
	for (i = 0; i < n; i++)			/* text: dynamic codes */
		p[i] = "the quick brown fox jumps over the lazy dog\n"[
		    (i * 7 + i / 97) % 44];
	round_trip(p, n, "-9");
	round_trip(p, n, "-n -1");
	memset(p, 'a', n);			/* long matches */
	round_trip(p, n, "-9");
	free(p);
}
END_TEST

START_TEST(test_members_and_padding)
{
	size_t an, bn, on;
	unsigned char *a = host_gzip("first\n", 6, "-9", &an);
	unsigned char *b = host_gzip("second\n", 7, "-9", &bn);
	unsigned char *z = malloc(an + bn + 8);
	uint8_t *o;

	memcpy(z, a, an);
	memset(z + an, 0, 8);
	memcpy(z + an + 8, b, bn);
	ck_assert_int_eq(run(z, an + 8 + bn, 1 << 20, &o, &on), 0);
	ck_assert_uint_eq(on, 13);
	ck_assert(memcmp(o, "first\nsecond\n", 13) == 0);
	free(o);
	/* Trailing zeros alone are fine; trailing garbage is not. */
	ck_assert_int_eq(run(z, an + 8, 1 << 20, &o, &on), 0);
	free(o);
	z[an + 3] = 7;
	ck_assert_int_eq(run(z, an + 8, 1 << 20, &o, &on), -EINVAL);
	free(a);
	free(b);
	free(z);
}
END_TEST

START_TEST(test_damage_and_cap)
{
	const char *text = "abcabcabcabc, a small stream with some repeats: "
	    "abcabcabcabc and more text to give it a dynamic block. abcabc";
	size_t zn, i, on;
	unsigned char *z = host_gzip(text, strlen(text), "-9", &zn);
	uint8_t *o;
	int bit, err;

	for (i = 0; i < zn; i++)
		for (bit = 0; bit < 8; bit++) {
			z[i] ^= (unsigned char)(1 << bit);
			o = NULL;
			err = run(z, zn, 1 << 20, &o, &on);
			/* A flip the CRC cannot see (mtime, OS) may pass. */
			if (err == 0) {
				ck_assert_uint_eq(on, strlen(text));
				ck_assert(memcmp(o, text, on) == 0);
				free(o);
			} else {
				ck_assert(err == -EINVAL || err == -EFBIG);
			}
			z[i] ^= (unsigned char)(1 << bit);
		}
	for (i = 0; i < zn; i++)
		ck_assert_int_eq(run(z, i, 1 << 20, &o, &on), -EINVAL);
	ck_assert_int_eq(run(z, zn, 10, &o, &on), -EFBIG);
	free(z);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("gunzip");
	TCase *tc = tcase_create("gunzip");
	SRunner *sr;
	int failed;

	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_round_trips);
	tcase_add_test(tc, test_members_and_padding);
	tcase_add_test(tc, test_damage_and_cap);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
