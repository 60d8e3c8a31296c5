/* @expect 6: volatile in a variable, a field, a parameter, a cast and sizeof. */
#include <fw/types.h>

struct safe_c_dev {
	volatile uint32_t	status;
};
static volatile int	flag;

int	safe_c_volatile(volatile int *p, int *q);

int
safe_c_volatile(volatile int *p, int *q)
{
	return *p + *(volatile int *)q + flag +
	    (int)sizeof(volatile char);
}
