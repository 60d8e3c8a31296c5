/*
 * services/net/netlink.h: AF_NETLINK inside the socket layer.  netlink.c
 * is the socket family (ports, queues, dump paging); nlmsg.c builds
 * messages; rtnl.c answers NETLINK_ROUTE requests from the stack's
 * snapshot (ifaddr.h), with rtnl_route.c for the routes.
 *
 * A request runs whole inside sendmsg: rtnl_request() appends its
 * replies to a struct nlb, either as single datagrams or, for a dump, as
 * one stream of NLM_F_MULTI messages ending in NLMSG_DONE that the
 * socket hands out a datagram's worth at a time.
 * Locks: none here; the builders run with no lock held.
 */
#ifndef NET_NETLINK_H
#define NET_NETLINK_H

#include <uapi/netlink.h>
#include "net.h"

/*
 * A growing buffer of whole netlink messages.  A failed allocation
 * leaves err at -ENOMEM and makes the later puts no-ops, so a builder
 * checks once at its end.
 */
struct nlb {
	uint8_t		*buf;		/* fw_alloc'd, the owner's */
	size_t		 len, cap;
	size_t		 msg;		/* the open message's offset */
	int		 err;
};

/* nlmsg.c */
void	nlb_init(struct nlb *b);
void	nlb_free(struct nlb *b);
/* Opens a message with its fixed part hdr (hlen bytes, padded). */
void	nlb_begin(struct nlb *b, uint16_t type, uint16_t flags, uint32_t seq,
	    uint32_t pid, const void *hdr, size_t hlen);
/* Appends an attribute of len bytes of data to the open message. */
void	nlb_attr(struct nlb *b, uint16_t type, const void *data, size_t len);
void	nlb_attr_u8(struct nlb *b, uint16_t type, uint8_t v);
void	nlb_attr_u32(struct nlb *b, uint16_t type, uint32_t v);
void	nlb_attr_str(struct nlb *b, uint16_t type, const char *s);
/* Closes the open message: its nlmsg_len is set. */
void	nlb_end(struct nlb *b);
/*
 * The answer to request req (reqlen bytes) from port pid: NLMSG_ERROR
 * with err (0: the ACK, just the header and NLM_F_CAPPED; an error
 * echoes the whole request unless cap).
 */
void	nlb_ack(struct nlb *b, const uint8_t *req, size_t reqlen,
	    uint32_t pid, int err, bool cap);
/* NLMSG_DONE (an int 0) closing a dump of seq. */
void	nlb_done(struct nlb *b, uint32_t seq, uint32_t pid);
/*
 * How much of the messages at buf[0..len) goes into one datagram of at
 * most limit bytes: whole messages only, at least the first however long
 * it is; 0 when the first is malformed.
 */
size_t	nl_chunk_len(const uint8_t *buf, size_t len, size_t limit);
/*
 * Finds attribute type among the attributes at attrs[0..len): its data
 * and length, or NULL.
 */
const uint8_t *nl_attr_find(const uint8_t *attrs, size_t len, uint16_t type,
	    size_t *alen);

/* rtnl.c */
/*
 * Answers one NETLINK_ROUTE message (req, whose nlmsg_len is len and
 * checked) from port pid: appends the replies to out and sets *dump when
 * they are a dump's stream.  0, or -errno for the NLMSG_ERROR
 * (-EOPNOTSUPP: a type not served; -EPERM: a change by the unprivileged).
 */
int	rtnl_request(const uint8_t *req, size_t len, uint32_t pid, bool admin,
	    struct nlb *out, bool *dump);
/*
 * rtnl_route.c: RTM_GETROUTE, a dump or one lookup (`ip route get`), as
 * rtnl_request() (body is the blen bytes after the header): 0 or -errno.
 */
int	rtnl_getroute(const struct linux_nlmsghdr *h, const uint8_t *body,
	    size_t blen, uint32_t pid, struct nlb *out, bool *dump);

/*
 * netlink.c: a new AF_NETLINK socket, *out one reference: 0, or
 * -ESOCKTNOSUPPORT (not RAW or DGRAM), -EPROTONOSUPPORT (not
 * NETLINK_ROUTE), -ENOMEM.
 */
FW_MUST_CHECK int netlink_create(int type, int protocol, struct thread *t,
	    struct sock **out);

#endif
