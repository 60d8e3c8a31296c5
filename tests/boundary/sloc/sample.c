/*
 * sloc/sample.c: @sloc 11 lines of code, counted by scripts/tcb-report.
 * Blank lines and comment lines do not count; code with a comment does.
 */
#include <stdint.h>

// A C99 comment line.
static const char *s = "/* not a comment */";	/* 1 code line */
static const char *t = "// nor this \" one";
static int a; /* a comment
		 * that ends on code */ static int b;
/* a comment */ static int c;

	/* indented comment */
static char q = '"'; /* " */
static int d = 1 \
    + 2; // a spliced line
#define X \
	1
