/* A fixed bound, checked. */
#include <fw/errno.h>
#include <fw/types.h>

int	safe_c_buf(size_t n);

int
safe_c_buf(size_t n)
{
	char buf[64];

	if (n > sizeof(buf))
		return -EINVAL;
	buf[0] = 0;
	return buf[0];
}
