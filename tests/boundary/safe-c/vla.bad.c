/* @expect 2: Variable-length arrays: a local and a sizeof. */
#include <fw/types.h>

size_t	safe_c_vla(size_t n);

size_t
safe_c_vla(size_t n)
{
	char buf[n];

	buf[0] = 0;
	return sizeof(int[n]) + (size_t)buf[0];
}
