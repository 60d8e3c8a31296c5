/* @expect 2: Stack allocation of a run-time size. */
#include <fw/types.h>

void	*alloca(size_t n);

int	safe_c_alloca(size_t n);

int
safe_c_alloca(size_t n)
{
	char *a = __builtin_alloca(n);
	char *b = alloca(n);

	return a[0] + b[0];
}
