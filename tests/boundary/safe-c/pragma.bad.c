/* @expect 6: Pragmas that silence warnings, as directives and as _Pragma. */
#include <fw/types.h>

#pragma GCC diagnostic ignored "-Wshadow"
#pragma clang diagnostic warning "-Wvla"
#  pragma \
	clang diagnostic ignored "-Wcast-qual"
#pragma GCC system_header
#pragma weak safe_c_weak
#define SAFE_C_QUIET	_Pragma("GCC diagnostic ignored \"-Wunused\"")
SAFE_C_QUIET
