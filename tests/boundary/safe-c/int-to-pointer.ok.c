/* NULL, pointer arithmetic and casts between object pointers are fine. */
#include <stddef.h>
#include <fw/types.h>

int	*safe_c_index(int *base, size_t i);

int *
safe_c_index(int *base, size_t i)
{
	void *v = base;

	if (base == NULL || base == (int *)0)
		return NULL;
	return (int *)v + i;
}
