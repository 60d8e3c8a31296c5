/*
 * bad_symbol.c: a services-like object that calls a host function the
 * framework does not offer.  check-symbols must reject its archive (the
 * test boundary.symbols.rejects expects failure).
 */
#include <stddef.h>

void	*malloc(size_t n);
void	*boundary_bad(void);

void *
boundary_bad(void)
{
	return malloc(16);
}
