/* Pointer differences and truth values are not addresses. */
#include <stddef.h>
#include <fw/types.h>

size_t	safe_c_len(const char *s, const char *end);

size_t
safe_c_len(const char *s, const char *end)
{
	bool some = s;

	return some && end ? (size_t)(end - s) : 0;
}
