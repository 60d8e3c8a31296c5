/* sloc/sample.S: @sloc 5 lines of code; '#' lines that are not
 * directives are comments (GNU as, x86). */
#include "x.h"
# a comment line
	.text
	.globl	f	# trailing comment
f:
	ret
