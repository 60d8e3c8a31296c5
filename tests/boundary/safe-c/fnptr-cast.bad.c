/* @expect 2: Function pointers made from data pointers, and the reverse. */
#include <fw/types.h>

typedef int (*safe_c_fn)(int);

int	safe_c_call(void *code, safe_c_fn f);

int
safe_c_call(void *code, safe_c_fn f)
{
	safe_c_fn g = (safe_c_fn)code;
	const void *bytes = (const void *)f;

	return bytes != 0 ? g(1) : 0;
}
