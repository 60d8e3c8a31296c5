/*
 * tests/unit/sim/virtio_mmio_test.c: the virtio-mmio transport model
 * (sim/virtio/) on a buffer standing in for guest memory, behind a fake
 * device that answers each request with its bytes uppercased: the
 * register file, feature negotiation, reset, a chain's round trip, and
 * malformed rings and chains (index out of range, loop, address outside
 * memory, zero length, indirect, readable after writable, an available
 * index too far ahead), each of which must set DEVICE_NEEDS_RESET and
 * raise the interrupt, never crash, and be cleared by a reset; and an
 * async queue filled by vmmio_push().
 */
#define _GNU_SOURCE
#include <check.h>
#include <errno.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "virtio_mmio.h"

#define MEM_SIZE	(1u << 20)
#define DESC		0x1000u
#define AVAIL		0x2000u
#define USED		0x3000u
#define BUF_IN		0x4000u
#define BUF_OUT		0x5000u
#define QNUM		8u

static uint8_t		*mem;
static struct vmmio	*t;
static atomic_uint	 irqs;
static const uint8_t	 config[] = { 3, 0, 'a', 'b', 'c' };

static size_t
upper_handle(void *ctx, unsigned int q, const uint8_t *in, size_t in_len,
    uint8_t *out, size_t out_cap)
{
	size_t i, n = in_len < out_cap ? in_len : out_cap;

	(void)ctx, (void)q;
	for (i = 0; i < n; i++)
		out[i] = in[i] >= 'a' && in[i] <= 'z' ? in[i] - 32 : in[i];
	return n;
}

static void
count_irq(void *arg)
{
	(void)arg;
	atomic_fetch_add(&irqs, 1);
}

static void
setup(void)
{
	struct vmmio_device dev = {
		.device_id = 42, .features = 1u << 3, .nqueues = 1,
		.config = config, .config_len = sizeof(config),
		.handle = upper_handle,
	};

	mem = aligned_alloc(4096, MEM_SIZE);
	ck_assert_ptr_nonnull(mem);
	memset(mem, 0, MEM_SIZE);
	atomic_store(&irqs, 0);
	ck_assert_int_eq(vmmio_new(&dev, mem, MEM_SIZE, count_irq, NULL, &t),
	    0);
}

static void
teardown(void)
{
	vmmio_free(t);
	free(mem);
}

static uint32_t
rd(uint64_t off)
{
	return (uint32_t)vmmio_read(t, off, 4);
}

static void
wr(uint64_t off, uint32_t v)
{
	vmmio_write(t, off, 4, v);
}

/* The driver's side of §3.1.1 with one queue of QNUM at DESC/AVAIL/USED. */
static void
driver_init(void)
{
	wr(0x070, VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER);
	wr(0x024, 1);
	wr(0x020, 1);			/* VERSION_1 */
	wr(0x070, VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER |
	    VIRTIO_STATUS_FEATURES_OK);
	ck_assert_uint_ne(rd(0x070) & VIRTIO_STATUS_FEATURES_OK, 0);
	wr(0x030, 0);
	wr(0x038, QNUM);
	wr(0x080, DESC);
	wr(0x084, 0);
	wr(0x090, AVAIL);
	wr(0x094, 0);
	wr(0x0a0, USED);
	wr(0x0a4, 0);
	wr(0x044, 1);
	wr(0x070, VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER |
	    VIRTIO_STATUS_FEATURES_OK | VIRTIO_STATUS_DRIVER_OK);
}

static void
desc(unsigned int i, uint64_t addr, uint32_t len, uint16_t flags,
    uint16_t next)
{
	uint8_t *d = mem + DESC + 16 * i;

	memcpy(d, &addr, 8);
	memcpy(d + 8, &len, 4);
	memcpy(d + 12, &flags, 2);
	memcpy(d + 14, &next, 2);
}

static uint16_t
get16(uint32_t a)
{
	uint16_t v;

	memcpy(&v, mem + a, 2);
	return v;
}

static uint32_t
get32(uint32_t a)
{
	uint32_t v;

	memcpy(&v, mem + a, 4);
	return v;
}

/* Makes head the next available entry (index idx) and notifies. */
static void
offer(uint16_t idx, uint16_t head)
{
	uint16_t next = idx + 1;

	memcpy(mem + AVAIL + 4 + 2 * (idx % QNUM), &head, 2);
	memcpy(mem + AVAIL + 2, &next, 2);
	wr(0x050, 0);
	vmmio_drain(t);
}

/* A good two-descriptor request at head 0: "hello" in, 16 bytes out. */
static void
good_chain(uint16_t idx)
{
	memcpy(mem + BUF_IN, "hello", 5);
	desc(0, BUF_IN, 5, 1, 1);
	desc(1, BUF_OUT, 16, 2, 0);
	offer(idx, 0);
}

START_TEST(test_vmmio_registers)
{
	ck_assert_uint_eq(rd(0x000), 0x74726976);
	ck_assert_uint_eq(rd(0x004), 2);
	ck_assert_uint_eq(rd(0x008), 42);
	wr(0x014, 0);
	ck_assert_uint_eq(rd(0x010), 1u << 3);
	wr(0x014, 1);
	ck_assert_uint_eq(rd(0x010), 1);	/* VERSION_1 */
	wr(0x014, 2);
	ck_assert_uint_eq(rd(0x010), 0);
	wr(0x030, 0);
	ck_assert_uint_eq(rd(0x034), 256);
	wr(0x030, 1);
	ck_assert_uint_eq(rd(0x034), 0);	/* no such queue */
	ck_assert_uint_eq(vmmio_read(t, 0x100, 2), 3);
	ck_assert_uint_eq(vmmio_read(t, 0x102, 1), 'a');
	ck_assert_uint_eq(vmmio_read(t, 0x104, 1), 'c');
	ck_assert_uint_eq(vmmio_read(t, 0x105, 1), 0);
	vmmio_write(t, 0x100, 1, 9);		/* read-only */
	ck_assert_uint_eq(vmmio_read(t, 0x100, 1), 3);
	ck_assert_uint_eq(vmmio_read(t, 0x000, 2), 0);	/* 32-bit only */
	ck_assert_uint_eq(vmmio_read(t, 0x1000, 4), 0);	/* past the window */
}
END_TEST

START_TEST(test_vmmio_features_ok_needs_version_1)
{
	wr(0x070, VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER);
	wr(0x024, 0);
	wr(0x020, 1u << 3);
	wr(0x070, VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER |
	    VIRTIO_STATUS_FEATURES_OK);
	ck_assert_uint_eq(rd(0x070) & VIRTIO_STATUS_FEATURES_OK, 0);
	wr(0x024, 1);
	wr(0x020, 1u | 2u);			/* bit 33 is not offered */
	wr(0x070, VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER |
	    VIRTIO_STATUS_FEATURES_OK);
	ck_assert_uint_eq(rd(0x070) & VIRTIO_STATUS_FEATURES_OK, 0);
}
END_TEST

START_TEST(test_vmmio_reset_clears_state)
{
	driver_init();
	wr(0x030, 0);
	ck_assert_uint_eq(rd(0x044), 1);
	good_chain(0);
	ck_assert_uint_eq(rd(0x060), 1);
	wr(0x070, 0);
	ck_assert_uint_eq(rd(0x070), 0);
	ck_assert_uint_eq(rd(0x060), 0);
	wr(0x030, 0);
	ck_assert_uint_eq(rd(0x044), 0);
	/* After a reset the queue starts from index 0 again. */
	memset(mem + USED, 0, 0x100);
	driver_init();
	good_chain(0);
	ck_assert_uint_eq(get16(USED + 2), 1);
}
END_TEST

START_TEST(test_vmmio_chain_round_trip)
{
	driver_init();
	good_chain(0);
	ck_assert_uint_eq(get16(USED + 2), 1);
	ck_assert_uint_eq(get32(USED + 4), 0);		/* id */
	ck_assert_uint_eq(get32(USED + 8), 5);		/* len */
	ck_assert_mem_eq(mem + BUF_OUT, "HELLO", 5);
	ck_assert_uint_eq(rd(0x060), 1);
	ck_assert_uint_ge(atomic_load(&irqs), 1);
	wr(0x064, 1);
	ck_assert_uint_eq(rd(0x060), 0);
	/* Several rounds wrap the ring. */
	for (uint16_t i = 1; i < 3 * QNUM; i++) {
		memset(mem + BUF_OUT, 0, 16);
		good_chain(i);
		ck_assert_uint_eq(get16(USED + 2), i + 1);
		ck_assert_mem_eq(mem + BUF_OUT, "HELLO", 5);
	}
	ck_assert_uint_eq(rd(0x070) & VIRTIO_STATUS_NEEDS_RESET, 0);
}
END_TEST

/* The device must now say NEEDS_RESET, have used nothing, and recover. */
static void
expect_needs_reset(void)
{
	ck_assert_uint_ne(rd(0x070) & VIRTIO_STATUS_NEEDS_RESET, 0);
	ck_assert_uint_ne(rd(0x060) & 2, 0);
	ck_assert_uint_ge(atomic_load(&irqs), 1);
	ck_assert_uint_eq(get16(USED + 2), 0);
	/* Further notifies do nothing until a reset. */
	good_chain(1);
	ck_assert_uint_eq(get16(USED + 2), 0);
	wr(0x070, 0);
	ck_assert_uint_eq(rd(0x070), 0);
	memset(mem + AVAIL, 0, 0x100);
	driver_init();
	good_chain(0);
	ck_assert_uint_eq(get16(USED + 2), 1);
	ck_assert_mem_eq(mem + BUF_OUT, "HELLO", 5);
}

START_TEST(test_vmmio_bad_head_index)
{
	driver_init();
	offer(0, QNUM);
	expect_needs_reset();
}
END_TEST

START_TEST(test_vmmio_bad_next_index)
{
	driver_init();
	desc(0, BUF_IN, 5, 1, 200);
	offer(0, 0);
	expect_needs_reset();
}
END_TEST

START_TEST(test_vmmio_bad_loop)
{
	driver_init();
	desc(0, BUF_IN, 5, 1, 1);
	desc(1, BUF_IN, 5, 1, 0);
	offer(0, 0);
	expect_needs_reset();
}
END_TEST

START_TEST(test_vmmio_bad_address)
{
	driver_init();
	desc(0, MEM_SIZE - 2, 5, 0, 0);
	offer(0, 0);
	expect_needs_reset();
}
END_TEST

START_TEST(test_vmmio_bad_address_overflow)
{
	driver_init();
	desc(0, ~0ull - 1, 16, 2, 0);
	offer(0, 0);
	expect_needs_reset();
}
END_TEST

START_TEST(test_vmmio_bad_zero_length)
{
	driver_init();
	desc(0, BUF_IN, 0, 0, 0);
	offer(0, 0);
	expect_needs_reset();
}
END_TEST

START_TEST(test_vmmio_bad_indirect)
{
	driver_init();
	desc(0, BUF_IN, 16, 4, 0);
	offer(0, 0);
	expect_needs_reset();
}
END_TEST

START_TEST(test_vmmio_bad_readable_after_writable)
{
	driver_init();
	desc(0, BUF_OUT, 16, 2 | 1, 1);
	desc(1, BUF_IN, 5, 0, 0);
	offer(0, 0);
	expect_needs_reset();
}
END_TEST

START_TEST(test_vmmio_bad_avail_index)
{
	driver_init();
	offer(QNUM + 1, 0);		/* idx QNUM + 2: more than the ring */
	expect_needs_reset();
}
END_TEST

START_TEST(test_vmmio_bad_ring_address)
{
	wr(0x070, VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER);
	driver_init();
	wr(0x070, 0);
	driver_init();
	wr(0x030, 0);
	wr(0x044, 0);
	wr(0x0a0, MEM_SIZE - 8);	/* the used ring runs off the end */
	wr(0x044, 1);
	good_chain(0);
	ck_assert_uint_ne(rd(0x070) & VIRTIO_STATUS_NEEDS_RESET, 0);
}
END_TEST

/*
 * An async queue (vmmio_push): a device with request queue 0 and async
 * queue 1, whose notify only counts kicks.
 */
static atomic_uint	kicks, handled;

static size_t
count_handle(void *ctx, unsigned int q, const uint8_t *in, size_t in_len,
    uint8_t *out, size_t out_cap)
{
	(void)ctx, (void)q, (void)in, (void)in_len, (void)out, (void)out_cap;
	atomic_fetch_add(&handled, 1);
	return 0;
}

static void
count_kick(void *ctx, unsigned int q)
{
	(void)ctx;
	ck_assert_uint_eq(q, 1);
	atomic_fetch_add(&kicks, 1);
}

static void
setup_async(void)
{
	struct vmmio_device dev = {
		.device_id = 43, .nqueues = 2, .handle = count_handle,
		.async_queues = 1u << 1, .kick = count_kick,
	};

	mem = aligned_alloc(4096, MEM_SIZE);
	ck_assert_ptr_nonnull(mem);
	memset(mem, 0, MEM_SIZE);
	atomic_store(&irqs, 0);
	atomic_store(&kicks, 0);
	atomic_store(&handled, 0);
	ck_assert_int_eq(vmmio_new(&dev, mem, MEM_SIZE, count_irq, NULL, &t),
	    0);
}

/* driver_init() for queue 1 at DESC/AVAIL/USED instead of queue 0. */
static void
driver_init_q1(void)
{
	driver_init();
	wr(0x070, VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER |
	    VIRTIO_STATUS_FEATURES_OK);
	wr(0x030, 0);
	wr(0x044, 0);
	wr(0x030, 1);
	wr(0x038, QNUM);
	wr(0x080, DESC);
	wr(0x090, AVAIL);
	wr(0x0a0, USED);
	wr(0x044, 1);
	wr(0x070, VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER |
	    VIRTIO_STATUS_FEATURES_OK | VIRTIO_STATUS_DRIVER_OK);
}

/* Posts chain head (already described) as entry idx of queue 1. */
static void
post_q1(uint16_t idx, uint16_t head)
{
	uint16_t next = idx + 1;

	memcpy(mem + AVAIL + 4 + 2 * (idx % QNUM), &head, 2);
	memcpy(mem + AVAIL + 2, &next, 2);
	wr(0x050, 1);
}

START_TEST(test_vmmio_push_fills_next_chain)
{
	struct iovec iov[2] = { { "abc", 3 }, { "defgh", 5 } };

	ck_assert_int_eq(vmmio_push(t, 1, iov, 2), 0);	/* not live */
	ck_assert_int_eq(vmmio_push(t, 0, iov, 2), -EINVAL);
	driver_init_q1();
	ck_assert_int_eq(vmmio_push(t, 1, iov, 2), 0);	/* no chain */
	desc(0, BUF_OUT, 4, 2 | 1, 1);		/* split over two buffers */
	desc(1, BUF_OUT + 16, 16, 2, 0);
	post_q1(0, 0);
	ck_assert_uint_eq(atomic_load(&kicks), 1);
	ck_assert_uint_eq(get16(USED + 2), 0);	/* a kick uses nothing */
	ck_assert_int_eq(vmmio_push(t, 1, iov, 2), 1);
	ck_assert_uint_eq(get16(USED + 2), 1);
	ck_assert_uint_eq(get32(USED + 4), 0);
	ck_assert_uint_eq(get32(USED + 8), 8);
	ck_assert_mem_eq(mem + BUF_OUT, "abcd", 4);
	ck_assert_mem_eq(mem + BUF_OUT + 16, "efgh", 4);
	ck_assert_uint_eq(rd(0x060), 1);
	ck_assert_uint_ge(atomic_load(&irqs), 1);
	ck_assert_int_eq(vmmio_push(t, 1, iov, 2), 0);	/* used up */
	ck_assert_uint_eq(atomic_load(&handled), 0);
}
END_TEST

START_TEST(test_vmmio_push_too_small_returns_empty)
{
	struct iovec iov = { "0123456789", 10 };

	driver_init_q1();
	desc(0, BUF_OUT, 9, 2, 0);
	post_q1(0, 0);
	ck_assert_int_eq(vmmio_push(t, 1, &iov, 1), -ENOSPC);
	ck_assert_uint_eq(get16(USED + 2), 1);
	ck_assert_uint_eq(get32(USED + 8), 0);
	ck_assert_uint_eq(rd(0x070) & VIRTIO_STATUS_NEEDS_RESET, 0);
}
END_TEST

START_TEST(test_vmmio_push_readable_needs_reset)
{
	struct iovec iov = { "x", 1 };

	driver_init_q1();
	desc(0, BUF_IN, 16, 0, 0);
	post_q1(0, 0);
	ck_assert_int_eq(vmmio_push(t, 1, &iov, 1), -EIO);
	ck_assert_uint_ne(rd(0x070) & VIRTIO_STATUS_NEEDS_RESET, 0);
	ck_assert_uint_eq(get16(USED + 2), 0);
	ck_assert_int_eq(vmmio_push(t, 1, &iov, 1), 0);	/* stopped */
}
END_TEST

static Suite *
vmmio_suite(void)
{
	Suite *s = suite_create("virtio_mmio");
	TCase *tc = tcase_create("transport");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_vmmio_registers);
	tcase_add_test(tc, test_vmmio_features_ok_needs_version_1);
	tcase_add_test(tc, test_vmmio_reset_clears_state);
	tcase_add_test(tc, test_vmmio_chain_round_trip);
	tcase_add_test(tc, test_vmmio_bad_head_index);
	tcase_add_test(tc, test_vmmio_bad_next_index);
	tcase_add_test(tc, test_vmmio_bad_loop);
	tcase_add_test(tc, test_vmmio_bad_address);
	tcase_add_test(tc, test_vmmio_bad_address_overflow);
	tcase_add_test(tc, test_vmmio_bad_zero_length);
	tcase_add_test(tc, test_vmmio_bad_indirect);
	tcase_add_test(tc, test_vmmio_bad_readable_after_writable);
	tcase_add_test(tc, test_vmmio_bad_avail_index);
	tcase_add_test(tc, test_vmmio_bad_ring_address);
	suite_add_tcase(s, tc);
	tc = tcase_create("async");
	tcase_add_checked_fixture(tc, setup_async, teardown);
	tcase_add_test(tc, test_vmmio_push_fills_next_chain);
	tcase_add_test(tc, test_vmmio_push_too_small_returns_empty);
	tcase_add_test(tc, test_vmmio_push_readable_needs_reset);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(vmmio_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
