/* @expect 4: Framework internals, host headers, and a computed #include. */
#include "../../../framework/core/vm_impl.h"
#include <fw/../../core/frame_impl.h>
#include <stdlib.h>
#define SAFE_C_HDR <fw/types.h>
#include SAFE_C_HDR
