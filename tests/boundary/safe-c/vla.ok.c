/* Arrays sized by constant expressions. */
#include <fw/types.h>

#define SAFE_C_N	16
enum { SAFE_C_M = 4 };

size_t	safe_c_fixed(void);

size_t
safe_c_fixed(void)
{
	char a[SAFE_C_N];
	int b[SAFE_C_M * 2];
	static const char c[] = "fixed";

	a[0] = c[0];
	b[0] = a[0];
	return sizeof(a) + sizeof(b) + (size_t)b[0];
}
