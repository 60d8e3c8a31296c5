/*
 * contracts/ok.h: every way a public function may carry its contract.
 */
#ifndef CONTRACTS_OK_H
#define CONTRACTS_OK_H

#include <fw/types.h>

struct fw_thing;			/* opaque */

/* Allocates a thing: 0, or -ENOMEM. */
FW_MUST_CHECK int	fw_thing_alloc(struct fw_thing **out);
struct fw_thing		*fw_thing_ref(struct fw_thing *t);	/* +1 */
void			 fw_thing_unref(struct fw_thing *t,
			    int flags);		/* -1, NULL ok */
/* Counts of things, for sysinfo(2); a group shares this comment. */
size_t			 fw_things_used(void);
size_t			 fw_things_total(void);
/*
 * A multi-line contract.
 */
FW_MUST_CHECK int
fw_thing_poke(struct fw_thing *t, uint64_t v);

/* An inline function documented above. */
static inline uint64_t
fw_thing_double(uint64_t v)
{
	return 2 * v;
}

static inline int
fw_thing_one(void)	/* Always 1. */
{
	return 1;
}

void	svc_main(void *arg);	/* the services' entry */

#endif
