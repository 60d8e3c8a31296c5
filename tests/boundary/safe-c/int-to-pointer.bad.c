/* @expect 3: Integers made into pointers: a literal, through uintptr_t, a long. */
#include <fw/types.h>

int	*safe_c_forge(uintptr_t u, long l);

int *
safe_c_forge(uintptr_t u, long l)
{
	int *a = (int *)0x1000;
	char *b = (char *)u;
	void *c = (void *)l;

	return a != 0 ? a : (b != 0 ? (int *)b : c);
}
