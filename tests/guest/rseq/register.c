/* rseq either works (registration fills cpu_id, unregistration succeeds), or was
 * already registered by the libc at startup (a second area is EINVAL), or is not
 * implemented (ENOSYS, Trellis's answer for now). */
#include "guest.h"
#include <stdint.h>

#define RSEQ_SIG 0x53053053
#define RSEQ_FLAG_UNREGISTER 1

struct rseq_area {
    uint32_t cpu_id_start;
    uint32_t cpu_id;
    uint64_t rseq_cs;
    uint32_t flags;
    uint32_t pad[3];
} __attribute__((aligned(32)));

#ifdef __GLIBC__
extern const unsigned int __rseq_size __attribute__((weak));
#endif

static int libc_registered(void)
{
#ifdef __GLIBC__
    return &__rseq_size != NULL && __rseq_size != 0;
#else
    return 0;
#endif
}

int main(void)
{
    static struct rseq_area rs = {.cpu_id = (uint32_t)-1};
    errno = 0;
    long r = syscall(SYS_rseq, &rs, sizeof rs, 0, RSEQ_SIG);
    if (r == 0) {
        CHECK(rs.cpu_id != (uint32_t)-1 && rs.cpu_id < 4096);
        CHECK_OK(syscall(SYS_rseq, &rs, sizeof rs, RSEQ_FLAG_UNREGISTER, RSEQ_SIG));
        return 0;
    }
    if (errno == ENOSYS)
        return 0;
    if (errno == EINVAL && libc_registered())
        return 0;
    FAIL("rseq: %ld errno %d (%s), libc registered: %d", r, errno, strerror(errno), libc_registered());
}
