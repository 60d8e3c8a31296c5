/*
 * Tests for the readiness core (services/poll/pollhead.c, epoll.c,
 * services/time/kalarm.c): how a head's notification reaches its entries
 * (keys, EPOLLEXCLUSIVE), unhooking, the default mask of a file without a
 * poll op, epoll items going with their file's last reference, level and
 * edge triggering on an eventfd, the nesting check, and alarms.  Runs on
 * the real core and the fake HAL, each step as a task (fake_run).
 */
#include <check.h>
#include <stdlib.h>

#include <fw/errno.h>
#include <fw/timer.h>
#include <svc/file.h>
#include <svc/kalarm.h>
#include <svc/poll.h>
#include <uapi/mman.h>
#include <uapi/poll.h>
#include <uapi/resource.h>

#include "svc_env.h"

#define UBUF	0x50000000ULL

struct counter {
	struct poll_entry	e;
	int			calls;
	uint32_t		last;
	bool			wakes;
};

static bool
count_wake(struct poll_entry *e, uint32_t events)
{
	struct counter *c = e->arg;

	c->calls++;
	c->last = events;
	return c->wakes;
}

static void
counter_init(struct counter *c, uint32_t key, bool exclusive, bool wakes)
{
	memset(c, 0, sizeof(*c));
	c->e.wake = count_wake;
	c->e.arg = c;
	c->e.key = key;
	c->e.exclusive = exclusive;
	c->wakes = wakes;
}

static void
setup(void)
{
	env_setup();
	env_p->rlim[LINUX_RLIMIT_NOFILE].cur = 1024;
	env_p->rlim[LINUX_RLIMIT_NOFILE].max = 4096;
	ck_assert_int_eq(SYS(mmap, UBUF, FW_PAGE_SIZE, LINUX_PROT_READ |
	    LINUX_PROT_WRITE, LINUX_MAP_PRIVATE | LINUX_MAP_ANONYMOUS |
	    LINUX_MAP_FIXED, (uint64_t)-1, 0), (long)UBUF);
}

static void
teardown(void)
{
	env_teardown();
}

START_TEST(test_notify_meets_keys)
{
	struct pollhead ph;
	struct counter in, out, all;

	pollhead_init(&ph);
	counter_init(&in, LINUX_EPOLLIN, false, true);
	counter_init(&out, LINUX_EPOLLOUT, false, true);
	counter_init(&all, 0, false, true);
	poll_entry_add(&ph, &in.e);
	poll_entry_add(&ph, &out.e);
	poll_entry_add(&ph, &all.e);
	poll_notify(&ph, LINUX_EPOLLIN | LINUX_EPOLLRDNORM);
	ck_assert_int_eq(in.calls, 1);
	ck_assert_int_eq(out.calls, 0);
	ck_assert_int_eq(all.calls, 1);
	ck_assert_uint_eq(all.last, LINUX_EPOLLIN | LINUX_EPOLLRDNORM);
	poll_notify(&ph, 0);			/* anything: every entry */
	ck_assert_int_eq(in.calls, 2);
	ck_assert_int_eq(out.calls, 1);
	ck_assert_int_eq(all.calls, 2);
	poll_entry_del(&in.e);
	poll_entry_del(&out.e);
	poll_entry_del(&all.e);
	ck_assert_ptr_null(ph.first);
}
END_TEST

START_TEST(test_exclusive_stops_at_first_woken)
{
	struct pollhead ph;
	struct counter plain, x1, x2, x3;

	pollhead_init(&ph);
	counter_init(&x1, 0, true, false);	/* woke no one: walk goes on */
	counter_init(&x2, 0, true, true);
	counter_init(&x3, 0, true, true);
	counter_init(&plain, 0, false, false);
	poll_entry_add(&ph, &x1.e);
	poll_entry_add(&ph, &x2.e);
	poll_entry_add(&ph, &x3.e);
	poll_entry_add(&ph, &plain.e);		/* goes before the exclusive */
	ck_assert_ptr_eq(ph.first, &plain.e);
	poll_notify(&ph, LINUX_EPOLLIN);
	ck_assert_int_eq(plain.calls, 1);
	ck_assert_int_eq(x1.calls, 1);
	ck_assert_int_eq(x2.calls, 1);
	ck_assert_int_eq(x3.calls, 0);
	poll_entry_del(&x2.e);
	poll_notify(&ph, LINUX_EPOLLIN);
	ck_assert_int_eq(x3.calls, 1);
	poll_entry_del(&plain.e);
	poll_entry_del(&x1.e);
	poll_entry_del(&x3.e);
	poll_entry_del(&x3.e);			/* not hooked: nothing */
	ck_assert_ptr_null(ph.first);
}
END_TEST

static const struct file_ops plain_ops = { 0 };

static void
default_mask_task(void *arg)
{
	struct file *f;

	(void)arg;
	ck_assert_int_eq(file_alloc(&plain_ops, NULL, 0, true, &f), 0);
	ck_assert_uint_eq(file_poll(f, NULL), LINUX_EPOLLIN | LINUX_EPOLLOUT |
	    LINUX_EPOLLRDNORM | LINUX_EPOLLWRNORM);
	ck_assert(!file_can_poll(f));
	file_unref(f);
}

START_TEST(test_file_without_poll_is_always_ready)
{
	fake_run(default_mask_task, NULL);
}
END_TEST

/* epoll_ctl(ep, op, fd, {events, data}) through user memory. */
static long
ctl(int ep, int op, int fd, uint32_t events, uint64_t data)
{
	struct linux_epoll_event ev = { events, data };

	ck_assert_int_eq(env_put(UBUF, &ev, sizeof(ev)), 0);
	return SYS(epoll_ctl, ep, op, fd, UBUF);
}

static long
wait0(int ep, struct linux_epoll_event *out)
{
	long n = SYS(epoll_wait, ep, UBUF + 64, 1, 0);

	if (n == 1)
		ck_assert_int_eq(env_get(UBUF + 64, out, sizeof(*out)), 0);
	return n;
}

static long
efd_add(int fd, uint64_t v)
{
	ck_assert_int_eq(env_put(UBUF + 512, &v, sizeof(v)), 0);
	return SYS(write, fd, UBUF + 512, 8);
}

START_TEST(test_epoll_item_goes_with_last_reference)
{
	struct linux_epoll_event out;
	long ep = SYS(epoll_create1, 0), efd = SYS(eventfd2, 0, 0), d;

	ck_assert_int_ge(ep, 0);
	ck_assert_int_ge(efd, 0);
	ck_assert_int_eq(ctl(ep, LINUX_EPOLL_CTL_ADD, efd, LINUX_EPOLLIN, 7),
	    0);
	d = SYS(dup, efd);
	ck_assert_int_eq(SYS(close, efd), 0);
	ck_assert_int_eq(efd_add(d, 1), 8);
	ck_assert_int_eq(wait0(ep, &out), 1);	/* the dup keeps the file */
	ck_assert_uint_eq(out.data, 7);
	ck_assert_int_eq(SYS(close, d), 0);	/* the last reference */
	ck_assert_int_eq(wait0(ep, &out), 0);
	ck_assert_int_eq(SYS(close, ep), 0);
}
END_TEST

START_TEST(test_epoll_level_and_edge)
{
	struct linux_epoll_event out;
	long ep = SYS(epoll_create1, 0), lt = SYS(eventfd2, 0, 0);
	long et = SYS(eventfd2, 0, 0);

	ck_assert_int_eq(ctl(ep, LINUX_EPOLL_CTL_ADD, lt, LINUX_EPOLLIN, 1), 0);
	ck_assert_int_eq(ctl(ep, LINUX_EPOLL_CTL_ADD, et, LINUX_EPOLLIN |
	    LINUX_EPOLLET, 2), 0);
	ck_assert_int_eq(wait0(ep, &out), 0);
	ck_assert_int_eq(efd_add(et, 1), 8);
	ck_assert_int_eq(wait0(ep, &out), 1);
	ck_assert_uint_eq(out.data, 2);
	ck_assert_uint_eq(out.events, LINUX_EPOLLIN);
	ck_assert_int_eq(wait0(ep, &out), 0);	/* no new edge */
	ck_assert_int_eq(efd_add(lt, 1), 8);
	ck_assert_int_eq(wait0(ep, &out), 1);
	ck_assert_uint_eq(out.data, 1);
	ck_assert_int_eq(wait0(ep, &out), 1);	/* still level */
	ck_assert_int_eq(efd_add(et, 1), 8);	/* a new edge */
	ck_assert_int_eq(SYS(epoll_wait, ep, UBUF + 64, 4, 0), 2);
	ck_assert_int_eq(SYS(close, lt), 0);
	ck_assert_int_eq(SYS(close, et), 0);
	ck_assert_int_eq(SYS(close, ep), 0);
}
END_TEST

START_TEST(test_epoll_nesting_limits)
{
	long e[7];
	int k;

	for (k = 0; k < 7; k++)
		e[k] = SYS(epoll_create1, 0);
	/* A cycle, and oneself. */
	ck_assert_int_eq(ctl(e[0], LINUX_EPOLL_CTL_ADD, e[1], LINUX_EPOLLIN,
	    0), 0);
	ck_assert_int_eq(ctl(e[1], LINUX_EPOLL_CTL_ADD, e[0], LINUX_EPOLLIN,
	    0), -ELOOP);
	ck_assert_int_eq(ctl(e[1], LINUX_EPOLL_CTL_ADD, e[1], LINUX_EPOLLIN,
	    0), -EINVAL);
	ck_assert_int_eq(ctl(e[0], LINUX_EPOLL_CTL_DEL, e[1], 0, 0), 0);
	/* Four levels of nesting at most: e[k] inside e[k + 1]. */
	for (k = 0; k < 4; k++)
		ck_assert_int_eq(ctl(e[k + 1], LINUX_EPOLL_CTL_ADD, e[k],
		    LINUX_EPOLLIN, 0), 0);
	ck_assert_int_eq(ctl(e[5], LINUX_EPOLL_CTL_ADD, e[4], LINUX_EPOLLIN,
	    0), -ELOOP);
	/* Counted upwards too: e[6] above e[0]'s chain is one too many. */
	ck_assert_int_eq(ctl(e[0], LINUX_EPOLL_CTL_ADD, e[6], LINUX_EPOLLIN,
	    0), -ELOOP);
	for (k = 0; k < 7; k++)
		ck_assert_int_eq(SYS(close, e[k]), 0);
}
END_TEST

static atomic_int alarm_calls;

static void
alarm_fn(void *arg)
{
	(void)arg;
	atomic_fetch_add(&alarm_calls, 1);
}

static void
alarm_task(void *arg)
{
	struct kalarm a, b;
	uint64_t now = fw_clock_monotonic();

	(void)arg;
	kalarm_init(&a, alarm_fn, NULL);
	kalarm_init(&b, alarm_fn, NULL);
	ck_assert_int_eq(kalarm_arm(&a, now + 1000000), 0);
	ck_assert_int_eq(kalarm_arm(&b, now + 5000000), 0);
	kalarm_cancel(&b);
	ck_assert_int_eq(fw_sleep_until(now + 30000000), 0);
	ck_assert_int_eq(atomic_load(&alarm_calls), 1);
	kalarm_cancel(&a);			/* spent: nothing to do */
	ck_assert_int_eq(kalarm_arm(&a, 1), 0);	/* past: at once */
	ck_assert_int_eq(fw_sleep_until(fw_clock_monotonic() + 20000000), 0);
	ck_assert_int_eq(atomic_load(&alarm_calls), 2);
}

START_TEST(test_kalarm_fires_once_and_cancels)
{
	fake_run(alarm_task, NULL);
}
END_TEST

static Suite *
poll_suite(void)
{
	Suite *s = suite_create("poll");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_notify_meets_keys);
	tcase_add_test(tc, test_exclusive_stops_at_first_woken);
	tcase_add_test(tc, test_file_without_poll_is_always_ready);
	tcase_add_test(tc, test_epoll_item_goes_with_last_reference);
	tcase_add_test(tc, test_epoll_level_and_edge);
	tcase_add_test(tc, test_epoll_nesting_limits);
	tcase_add_test(tc, test_kalarm_fires_once_and_cancels);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(poll_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
