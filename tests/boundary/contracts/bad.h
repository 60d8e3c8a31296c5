/*
 * contracts/bad.h: @expect 5 public functions without a contract.
 */
#ifndef CONTRACTS_BAD_H
#define CONTRACTS_BAD_H

#include <fw/types.h>

/* Allocates a thing: 0, or -ENOMEM. */
struct fw_thing;

int	fw_thing_alloc(struct fw_thing **out);
void	fw_thing_free(struct fw_thing *t);	/* frees t */
void	fw_thing_after_trailing(struct fw_thing *t);
/* A comment separated by a blank line documents nothing. */

FW_MUST_CHECK int
fw_thing_poke(struct fw_thing *t, uint64_t v);

#define FW_THING_MAX	4
void	fw_thing_after_define(void);

static inline int
fw_thing_one(void)
{
	return 1;	/* a comment in the body is no contract */
}

#endif
