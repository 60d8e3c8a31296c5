/*
 * Tests for the netlink message builder (services/net/nlmsg.c): headers
 * and attributes padded as Linux pads them, the ACK and the error with
 * its echoed request, NLMSG_DONE, attribute lookup over lying lengths,
 * and the cutting of a dump into datagrams (whole messages, at most the
 * limit, the first however long).  Guest tests cannot reach the cutting:
 * Trellis's dumps are smaller than one datagram.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include <fw/errno.h>
#include "netlink.h"

static const struct linux_nlmsghdr *
msg_at(const struct nlb *b, size_t off)
{
	return (const struct linux_nlmsghdr *)(const void *)(b->buf + off);
}

START_TEST(test_nlb_pads_attributes_and_sets_len)
{
	struct linux_ifinfomsg m = { .ifi_index = 7 };
	const struct linux_rtattr *a;
	struct nlb b;

	nlb_init(&b);
	nlb_begin(&b, LINUX_RTM_NEWLINK, LINUX_NLM_F_MULTI, 42, 99, &m,
	    sizeof(m));
	nlb_attr_str(&b, LINUX_IFLA_IFNAME, "lo");	/* 3 bytes: padded */
	nlb_attr_u32(&b, LINUX_IFLA_MTU, 65536);
	nlb_end(&b);
	ck_assert_int_eq(b.err, 0);
	ck_assert_uint_eq(b.len, 16 + 16 + 8 + 8);
	ck_assert_uint_eq(msg_at(&b, 0)->nlmsg_len, b.len);
	ck_assert_uint_eq(msg_at(&b, 0)->nlmsg_seq, 42);
	ck_assert_uint_eq(msg_at(&b, 0)->nlmsg_pid, 99);
	a = (const void *)(b.buf + 32);
	ck_assert_uint_eq(a->rta_len, 4 + 3);		/* unpadded */
	ck_assert_str_eq((const char *)(a + 1), "lo");
	ck_assert_uint_eq(b.buf[32 + 7], 0);		/* the pad */
	nlb_free(&b);
}
END_TEST

START_TEST(test_nlb_ack_capped_and_error_echoes)
{
	uint8_t req[21] = { 21, 0, 0, 0, 0x3f, 0x03, 1, 0, 7, 0, 0, 0 };
	const struct linux_nlmsgerr *e;
	struct nlb b;

	nlb_init(&b);
	nlb_ack(&b, req, sizeof(req), 5, 0, false);
	ck_assert_uint_eq(b.len, 36);
	ck_assert_uint_eq(msg_at(&b, 0)->nlmsg_type, LINUX_NLMSG_ERROR);
	ck_assert_uint_eq(msg_at(&b, 0)->nlmsg_flags, LINUX_NLM_F_CAPPED);
	ck_assert_uint_eq(msg_at(&b, 0)->nlmsg_seq, 7);
	nlb_free(&b);

	nlb_ack(&b, req, sizeof(req), 5, -EOPNOTSUPP, false);
	ck_assert_uint_eq(b.len, 16 + 4 + 24);	/* the request, padded */
	ck_assert_uint_eq(msg_at(&b, 0)->nlmsg_len, b.len);
	ck_assert_uint_eq(msg_at(&b, 0)->nlmsg_flags, 0);
	e = (const void *)(b.buf + 16);
	ck_assert_int_eq(e->error, -EOPNOTSUPP);
	ck_assert_int_eq(memcmp(&e->msg, req, sizeof(req)), 0);
	nlb_free(&b);

	nlb_ack(&b, req, sizeof(req), 5, -EOPNOTSUPP, true);	/* CAP_ACK */
	ck_assert_uint_eq(b.len, 36);
	nlb_free(&b);
}
END_TEST

START_TEST(test_nlb_done_is_multi_int_zero)
{
	struct nlb b;

	nlb_init(&b);
	nlb_done(&b, 3, 4);
	ck_assert_uint_eq(b.len, 20);
	ck_assert_uint_eq(msg_at(&b, 0)->nlmsg_type, LINUX_NLMSG_DONE);
	ck_assert_uint_eq(msg_at(&b, 0)->nlmsg_flags, LINUX_NLM_F_MULTI);
	ck_assert_uint_eq(b.buf[16] | b.buf[17] | b.buf[18] | b.buf[19], 0);
	nlb_free(&b);
}
END_TEST

START_TEST(test_attr_find_stops_at_lies)
{
	/* IFLA_MTU (4 bytes), then one claiming 200 bytes. */
	uint8_t attrs[16] = { 8, 0, 4, 0, 1, 2, 3, 4, 200, 0, 3, 0 };
	const uint8_t *p;
	size_t len;

	p = nl_attr_find(attrs, sizeof(attrs), LINUX_IFLA_MTU, &len);
	ck_assert_ptr_eq(p, attrs + 4);
	ck_assert_uint_eq(len, 4);
	ck_assert_ptr_null(nl_attr_find(attrs, sizeof(attrs),
	    LINUX_IFLA_IFNAME, &len));
	attrs[0] = 2;				/* shorter than a header */
	ck_assert_ptr_null(nl_attr_find(attrs, sizeof(attrs),
	    LINUX_IFLA_MTU, &len));
	attrs[0] = 8;
	attrs[3] = 0x80;				/* NLA_F_NESTED */
	ck_assert_ptr_eq(nl_attr_find(attrs, sizeof(attrs), LINUX_IFLA_MTU,
	    &len), attrs + 4);
}
END_TEST

/* n messages of body bytes each, then DONE. */
static void
build_dump(struct nlb *b, int n, size_t body)
{
	uint8_t *data = calloc(1, body);
	int i;

	ck_assert_ptr_nonnull(data);
	nlb_init(b);
	for (i = 0; i < n; i++) {
		nlb_begin(b, LINUX_RTM_NEWADDR, LINUX_NLM_F_MULTI, 1, 2, data,
		    body);
		nlb_end(b);
	}
	nlb_done(b, 1, 2);
	ck_assert_int_eq(b->err, 0);
	free(data);
}

START_TEST(test_chunks_are_whole_messages_under_the_limit)
{
	size_t off = 0, n, inner, dgrams = 0;
	struct nlb b;

	build_dump(&b, 100, 101);			/* 120 bytes each */
	while (off < b.len) {
		n = nl_chunk_len(b.buf + off, b.len - off, 3776);
		ck_assert_uint_gt(n, 0);
		ck_assert_uint_le(n, 3776);
		for (inner = 0; inner < n; inner += msg_at(&b, off +
		    inner)->nlmsg_len)
			;
		ck_assert_uint_eq(inner, n);		/* nothing split */
		/* Full: the next message would not have fitted. */
		if (off + n < b.len)
			ck_assert_uint_gt(n + msg_at(&b, off + n)->nlmsg_len,
			    3776);
		off += n;
		dgrams++;
	}
	ck_assert_uint_eq(off, b.len);
	ck_assert_uint_eq(dgrams, (100 * 120 + 20 + 3775) / 3776);
	/* A reader that offered 32 KiB takes it all at once. */
	ck_assert_uint_eq(nl_chunk_len(b.buf, b.len, 32448), b.len);
	nlb_free(&b);
}
END_TEST

START_TEST(test_chunk_takes_a_long_first_message_alone)
{
	struct nlb b;

	build_dump(&b, 2, 5000);
	ck_assert_uint_eq(nl_chunk_len(b.buf, b.len, 3776), 5016);
	ck_assert_uint_eq(nl_chunk_len(b.buf + 5016, b.len - 5016, 3776),
	    5016);
	ck_assert_uint_eq(nl_chunk_len(b.buf + 10032, b.len - 10032, 3776),
	    20);
	b.buf[0] = 8;					/* a lying length */
	b.buf[1] = b.buf[2] = b.buf[3] = 0;
	ck_assert_uint_eq(nl_chunk_len(b.buf, b.len, 3776), 0);
	nlb_free(&b);
}
END_TEST

static Suite *
nlmsg_suite(void)
{
	Suite *s = suite_create("nlmsg");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_nlb_pads_attributes_and_sets_len);
	tcase_add_test(tc, test_nlb_ack_capped_and_error_echoes);
	tcase_add_test(tc, test_nlb_done_is_multi_int_zero);
	tcase_add_test(tc, test_attr_find_stops_at_lies);
	tcase_add_test(tc, test_chunks_are_whole_messages_under_the_limit);
	tcase_add_test(tc, test_chunk_takes_a_long_first_message_alone);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(nlmsg_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
