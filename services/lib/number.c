/*
 * services/lib/number.c: parsing numbers out of kernel strings (boot
 * options, /proc writes).  Pure functions; none sleeps.
 */
#include <fw/errno.h>
#include <svc/lib.h>

static int
digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return 99;
}

/*
 * Base 0 takes "0x" as hexadecimal and a leading "0" as octal, like
 * strtoull(3).  The whole string must be digits; overflow is -EINVAL.
 */
int
str_to_u64(const char *s, unsigned int base, uint64_t *out)
{
	uint64_t v = 0;

	if (base == 0) {
		if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
			base = 16;
			s += 2;
		} else if (s[0] == '0' && s[1] != '\0') {
			base = 8;
			s++;
		} else {
			base = 10;
		}
	} else if (base == 16 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		s += 2;
	}
	if (base != 8 && base != 10 && base != 16)
		return -EINVAL;
	if (*s == '\0')
		return -EINVAL;
	for (; *s != '\0'; s++) {
		unsigned int d = (unsigned int)digit_value(*s);

		if (d >= base)
			return -EINVAL;
		if (v > (UINT64_MAX - d) / base)
			return -EINVAL;
		v = v * base + d;
	}
	*out = v;
	return 0;
}
