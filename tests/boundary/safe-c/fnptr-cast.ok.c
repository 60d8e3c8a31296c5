/* Function pointers from functions, kept in tables, called. */
#include <fw/types.h>

typedef int (*safe_c_fn)(int);

static int
safe_c_twice(int x)
{
	return 2 * x;
}

static const safe_c_fn	safe_c_ops[] = { safe_c_twice, &safe_c_twice };

int	safe_c_call(unsigned int i);

int
safe_c_call(unsigned int i)
{
	safe_c_fn f = safe_c_ops[i % 2];

	return f != 0 ? f(1) : 0;
}
