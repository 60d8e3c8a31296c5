/* @expect 3: Pointers made into integers, through uintptr_t, intptr_t and long. */
#include <fw/types.h>

uint64_t	safe_c_addr(const void *p);

uint64_t
safe_c_addr(const void *p)
{
	uintptr_t u = (uintptr_t)p;
	intptr_t i = (intptr_t)p;

	return u + (uint64_t)i + (unsigned long)p;
}
