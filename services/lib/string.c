/*
 * services/lib/string.c: the string helpers of svc/lib.h.  Pure functions
 * on kernel memory; none sleeps and none takes a lock.
 */
#include <fw/alloc.h>
#include <svc/lib.h>

size_t
str_len(const char *s)
{
	size_t n = 0;

	while (s[n] != '\0')
		n++;
	return n;
}

size_t
str_nlen(const char *s, size_t max)
{
	size_t n = 0;

	while (n < max && s[n] != '\0')
		n++;
	return n;
}

int
str_cmp(const char *a, const char *b)
{
	while (*a != '\0' && *a == *b) {
		a++;
		b++;
	}
	return (int)(unsigned char)*a - (int)(unsigned char)*b;
}

int
str_ncmp(const char *a, const char *b, size_t n)
{
	for (; n > 0; n--, a++, b++) {
		if (*a != *b || *a == '\0')
			return (int)(unsigned char)*a - (int)(unsigned char)*b;
	}
	return 0;
}

bool
str_eq(const char *a, const char *b)
{
	return str_cmp(a, b) == 0;
}

size_t
str_lcpy(char *dst, const char *src, size_t n)
{
	size_t len = str_len(src);

	if (n > 0) {
		size_t c = len < n - 1 ? len : n - 1;

		memcpy(dst, src, c);
		dst[c] = '\0';
	}
	return len;
}

/* Both search for c converted to char, and find the terminator too (C11). */
char *
str_chr(const char *s, int c)
{
	char ch = (char)c;

	for (;; s++) {
		if (*s == ch)
			return (char *)s;
		if (*s == '\0')
			return NULL;
	}
}

char *
str_rchr(const char *s, int c)
{
	const char *last = NULL;
	char ch = (char)c;

	for (;; s++) {
		if (*s == ch)
			last = s;
		if (*s == '\0')
			return (char *)last;
	}
}

char *
str_dup(const char *s)
{
	size_t n = str_len(s) + 1;
	char *d = fw_alloc(n);

	if (d != NULL)
		memcpy(d, s, n);
	return d;
}
