/* The public framework API, the services' own headers, the freestanding
 * set, and a header beside this file. */
#include <stdarg.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <fw/types.h>
#include <svc/lib.h>
#include <uapi/fcntl.h>
#include "include.ok.h"
