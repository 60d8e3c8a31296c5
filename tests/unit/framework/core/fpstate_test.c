/*
 * Tests for framework/core/fpstate.c on the fake HAL, whose every uthread
 * handle shares one XSAVE area (fake_xsave_area, 2696 bytes of state,
 * features 0xe7): the image handed out, and what a guest may hand back.
 */
#include <check.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <fw/errno.h>
#include <fw/user.h>

#include "fake_hal.h"

#define XSIZE		2696
#define ANY_THREAD	((struct fw_uthread *)fake_xsave_area)

static uint8_t img[4096];

static uint32_t
rd32(const uint8_t *p)
{
	uint32_t v;

	memcpy(&v, p, 4);
	return v;
}

static uint64_t
rd64(const uint8_t *p)
{
	uint64_t v;

	memcpy(&v, p, 8);
	return v;
}

static void
wr32(uint8_t *p, uint32_t v)
{
	memcpy(p, &v, 4);
}

static void
wr64(uint8_t *p, uint64_t v)
{
	memcpy(p, &v, 8);
}

/* A valid image: the backend's state as get() hands it out. */
static void
setup(void)
{
	fake_hal_boot();
	memset(fake_xsave_area, 0, sizeof(fake_xsave_area));
	ck_assert_int_eq(fw_uthread_fpstate_reset(ANY_THREAD), 0);
	memset(fake_xsave_area + 160, 0x5a, 16);	/* xmm0 */
	wr64(fake_xsave_area + 512, 0x3);		/* x87, SSE in use */
	memset(img, 0, sizeof(img));
	ck_assert_int_eq(fw_uthread_fpstate_get(ANY_THREAD, img, sizeof(img)), 0);
}

START_TEST(test_get_layout)
{
	ck_assert_uint_eq(fw_fpstate_size(), XSIZE + 4);
	ck_assert_uint_eq(rd32(img + 464), FW_FP_XSTATE_MAGIC1);
	ck_assert_uint_eq(rd32(img + 468), XSIZE + 4);
	ck_assert_uint_eq(rd64(img + 472), 0xe7);
	ck_assert_uint_eq(rd32(img + 480), XSIZE);
	ck_assert_uint_eq(rd32(img + XSIZE), FW_FP_XSTATE_MAGIC2);
	ck_assert_uint_eq(img[160], 0x5a);
	ck_assert_int_eq(fw_uthread_fpstate_get(ANY_THREAD, img, XSIZE), -EINVAL);
	ck_assert_int_eq(fw_uthread_fpstate_get(NULL, img, sizeof(img)), -EIO);
}
END_TEST

START_TEST(test_set_roundtrip)
{
	memset(img + 160, 0x33, 16);
	wr32(img + 24, 0x1f80 | (3u << 13));		/* round toward zero */
	ck_assert_int_eq(fw_uthread_fpstate_set(ANY_THREAD, img, sizeof(img)), 0);
	ck_assert_uint_eq(fake_xsave_area[160], 0x33);
	ck_assert_uint_eq(rd32(fake_xsave_area + 24), 0x1f80 | (3u << 13));
	ck_assert_uint_eq(rd64(fake_xsave_area + 512), 0x3);
}
END_TEST

START_TEST(test_set_refuses_what_xrstor_would)
{
	uint8_t before[4096];

	memcpy(before, fake_xsave_area, sizeof(before));
	wr32(img + 24, 0x80000000u);			/* reserved MXCSR bit */
	ck_assert_int_eq(fw_uthread_fpstate_set(ANY_THREAD, img, sizeof(img)),
	    -EINVAL);
	wr32(img + 24, 0x1f80);
	wr64(img + 520, 1ull << 63);			/* compacted format */
	ck_assert_int_eq(fw_uthread_fpstate_set(ANY_THREAD, img, sizeof(img)),
	    -EINVAL);
	wr64(img + 520, 0);
	img[560] = 1;					/* reserved header byte */
	ck_assert_int_eq(fw_uthread_fpstate_set(ANY_THREAD, img, sizeof(img)),
	    -EINVAL);
	img[560] = 0;
	wr64(img + 512, 0x100);				/* a feature not enabled */
	ck_assert_int_eq(fw_uthread_fpstate_set(ANY_THREAD, img, sizeof(img)),
	    -EINVAL);
	ck_assert_mem_eq(before, fake_xsave_area, sizeof(before));
	ck_assert_int_eq(fw_uthread_fpstate_set(ANY_THREAD, img, XSIZE), -EINVAL);
}
END_TEST

START_TEST(test_set_without_magic_takes_fxsave_only)
{
	memset(fake_xsave_area + 576, 0x77, 64);	/* some AVX state */
	wr64(fake_xsave_area + 512, 0x7);
	wr32(img + 464, 0);				/* no magic: legacy */
	memset(img + 160, 0x44, 16);
	memset(img + 512, 0xff, 64);			/* garbage header: ignored */
	ck_assert_int_eq(fw_uthread_fpstate_set(ANY_THREAD, img, sizeof(img)), 0);
	ck_assert_uint_eq(fake_xsave_area[160], 0x44);
	ck_assert_uint_eq(rd64(fake_xsave_area + 512), 0x3);	/* AVX: initial */
	ck_assert_uint_eq(rd64(fake_xsave_area + 520), 0);
}
END_TEST

START_TEST(test_unclaimed_features_start_afresh)
{
	wr64(img + 472, 0x3);				/* frame claims x87, SSE */
	wr64(img + 512, 0x7);				/* but AVX is "in use" */
	ck_assert_int_eq(fw_uthread_fpstate_set(ANY_THREAD, img, sizeof(img)), 0);
	ck_assert_uint_eq(rd64(fake_xsave_area + 512), 0x3);
}
END_TEST

START_TEST(test_reset)
{
	memset(fake_xsave_area, 0xee, 464);
	wr64(fake_xsave_area + 512, 0xe7);
	ck_assert_int_eq(fw_uthread_fpstate_reset(ANY_THREAD), 0);
	ck_assert_uint_eq(fake_xsave_area[0], 0x7f);
	ck_assert_uint_eq(fake_xsave_area[1], 0x03);
	ck_assert_uint_eq(rd32(fake_xsave_area + 24), 0x1f80);
	ck_assert_uint_eq(fake_xsave_area[160], 0);
	ck_assert_uint_eq(rd64(fake_xsave_area + 512), 0);
	ck_assert_int_eq(fw_uthread_fpstate_reset(NULL), -EIO);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("fpstate");
	TCase *tc = tcase_create("core");
	SRunner *sr;
	int failed;

	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, test_get_layout);
	tcase_add_test(tc, test_set_roundtrip);
	tcase_add_test(tc, test_set_refuses_what_xrstor_would);
	tcase_add_test(tc, test_set_without_magic_takes_fxsave_only);
	tcase_add_test(tc, test_unclaimed_features_start_afresh);
	tcase_add_test(tc, test_reset);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
