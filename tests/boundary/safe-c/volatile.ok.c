/* Shared state goes through <stdatomic.h>, not volatile. */
#include <stdatomic.h>
#include <fw/types.h>

static atomic_int	flag;

int	safe_c_atomic(void);

int
safe_c_atomic(void)
{
	atomic_store(&flag, 1);
	return atomic_load(&flag);
}
