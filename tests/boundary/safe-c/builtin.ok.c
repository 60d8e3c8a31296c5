/* The allowed builtins: hints, bit operations, checked arithmetic. */
#include <stdarg.h>
#include <fw/types.h>

int	safe_c_bits(uint64_t x, size_t a, size_t b, ...);

int
safe_c_bits(uint64_t x, size_t a, size_t b, ...)
{
	size_t sum;
	va_list ap;
	int n;

	if (__builtin_expect(x == 0, 0))
		return -1;
	if (__builtin_add_overflow(a, b, &sum) ||
	    __builtin_umull_overflow(a, b, &sum))
		return -1;
	va_start(ap, b);
	n = va_arg(ap, int);
	va_end(ap);
	return __builtin_ctzll(x) + __builtin_popcountll(x) + n +
	    (int)__builtin_bswap32((uint32_t)sum) +
	    __builtin_constant_p(x) + (int)__builtin_offsetof(struct {
		int a, b;
	}, b);
}
