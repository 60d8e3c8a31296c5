/*
 * fw/panic.h: stop the machine on a broken invariant.  A panic prints the
 * message and the calling location, then powers off with status 125 (the
 * simulator) or halts (bare metal).  Never returns.  Guest input must never
 * reach a panic: services answer it with an errno or a signal instead.
 */
#ifndef FW_PANIC_H
#define FW_PANIC_H

#include <fw/types.h>

/* Prints "trellis: panic: file:line: message" and powers off (125). */
FW_NORETURN void fw_panic_at(const char *file, int line, const char *fmt, ...)
    FW_PRINTF(3, 4);

#define fw_panic(...)	fw_panic_at(__FILE__, __LINE__, __VA_ARGS__)
/* An invariant: panics with the expression's text when it is false. */
#define FW_ASSERT(e)							\
	((e) ? (void)0 : fw_panic_at(__FILE__, __LINE__, "assert: %s", #e))

#endif
