/* @expect 2: Non-local jumps. */
#include <fw/types.h>

int	safe_c_jump(void **env);

int
safe_c_jump(void **env)
{
	if (__builtin_setjmp(env) != 0)
		return 1;
	__builtin_longjmp(env, 1);
}
