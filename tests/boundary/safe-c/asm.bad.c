/* @expect 4: Inline assembly, in a statement, at file scope and as a symbol name. */
#include <fw/types.h>

__asm__(".globl trellis_probe");
int	safe_c_renamed __asm__("fw_secret");

void	safe_c_asm(void);

void
safe_c_asm(void)
{
	__asm__ __volatile__("" ::: "memory");
	asm("nop");
}
