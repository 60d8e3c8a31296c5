/*
 * hal/uaccess.h: the backend's fast path for user copies (core/uaccess.c).
 * Where the CPU translates user addresses itself and s is the space it
 * runs (bare metal), the bytes move through the user's own addresses in
 * one pass, and a fault is caught by the exception table instead of being
 * handled: the copy stops there and the core finishes the rest page by
 * page through the vm, which offers each missing page to the fault
 * handler.  The hardware checks the same entries the core's walk would
 * (the core's tables are the ones it walks), so both paths allow the same
 * accesses.
 */
#ifndef HAL_UACCESS_H
#define HAL_UACCESS_H

#include <fw/types.h>

struct hal_space;

enum hal_uop {
	HAL_UOP_FROM,		/* user va to kbuf */
	HAL_UOP_TO,		/* kbuf to user va */
	HAL_UOP_CLEAR,		/* zero user va; kbuf NULL */
};

/*
 * Moves len bytes as op says and returns how many were left undone at the
 * end of the range: 0 when all moved, len when the backend has no fast
 * path or s is not live on this CPU.  The caller has checked that [va,
 * va+len) lies below the user top, holds no lock and does not sleep in
 * between; the call never sleeps and takes no lock.
 */
size_t	hal_user_copy(struct hal_space *s, enum hal_uop op, void *kbuf,
	    uint64_t va, size_t len);

#endif
