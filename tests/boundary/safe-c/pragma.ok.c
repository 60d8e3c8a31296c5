/* A pragma in a comment or a string is none; push, pop and making a
 * warning an error are allowed. */
#include <fw/types.h>

#pragma GCC diagnostic push
#pragma GCC diagnostic error "-Wshadow"
#pragma GCC diagnostic pop
/* #pragma GCC diagnostic ignored "-Wshadow" */

const char	*safe_c_text(void);

const char *
safe_c_text(void)
{
	return "#pragma GCC diagnostic ignored \"-Wshadow\" _Pragma(\"x\")";
}
