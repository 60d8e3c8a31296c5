/* @expect 1: A user address used as a kernel pointer. */
#include <fw/types.h>

char	safe_c_peek(fw_uaddr_t u);

char
safe_c_peek(fw_uaddr_t u)
{
	const char *p = (const char *)u.v;

	return *p;
}
