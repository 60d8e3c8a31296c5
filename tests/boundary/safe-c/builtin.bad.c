/* @expect 5: Builtins outside the allow list. */
#include <fw/types.h>

void	safe_c_builtins(char *dst, const char *src, size_t n);

void
safe_c_builtins(char *dst, const char *src, size_t n)
{
	void *fp = __builtin_frame_address(0);
	void *ra = __builtin_return_address(0);

	__builtin_memcpy(dst, src, n);
	__atomic_store_n(dst, 0, __ATOMIC_SEQ_CST);
	__sync_synchronize();
	dst[0] = fp != ra;
}
