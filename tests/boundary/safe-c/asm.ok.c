/* The word asm in a comment, a string and an identifier is no assembly. */
#include <fw/types.h>

const char *safe_c_asm_name(void);

const char *
safe_c_asm_name(void)
{
	int asm_like = 1;		/* asm("nop") */
	return asm_like ? "asm(\"nop\")" : "";
}
