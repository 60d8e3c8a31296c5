/* Errors unwind with goto, one label per undo step. */
#include <fw/errno.h>
#include <fw/types.h>

int	safe_c_unwind(int fail);

int
safe_c_unwind(int fail)
{
	int err = 0;

	if (fail)
		goto out;
	return 0;
out:
	err = -EINVAL;
	return err;
}
