/* openat2 checks what open(2) tolerates: unknown flags or resolve bits, a mode
 * without O_CREAT or beyond 07777, O_CREAT with O_DIRECTORY, O_PATH with O_RDWR,
 * RESOLVE_BENEATH with RESOLVE_IN_ROOT, O_TMPFILE without write access are all
 * EINVAL; RESOLVE_CACHED with O_CREAT is EAGAIN. */
#include "guest.h"

#ifndef SYS_openat2
#define SYS_openat2 437
#endif
struct how { uint64_t flags, mode, resolve; };

static long o2(const char *p, uint64_t flags, uint64_t mode, uint64_t resolve)
{
    struct how h = { flags, mode, resolve };
    return syscall(SYS_openat2, AT_FDCWD, p, &h, sizeof h);
}

int main(void)
{
    const char *f = tmp_path("openat2-flags");
    make_file(f, "", 0);
    CHECK_ERR(o2(f, 1ULL << 40, 0, 0), EINVAL);
    CHECK_ERR(o2(f, O_RDONLY, 0644, 0), EINVAL);
    CHECK_ERR(o2(f, O_RDWR | O_CREAT, 010000, 0), EINVAL);
    CHECK_ERR(o2("/tmp", O_RDONLY | O_CREAT | O_DIRECTORY, 0644, 0), EINVAL);
    CHECK_ERR(o2(f, O_PATH | O_RDWR, 0, 0), EINVAL);
    CHECK_ERR(o2(f, O_RDONLY, 0, 0x40), EINVAL);
    CHECK_ERR(o2(f, O_RDONLY, 0, 0x08 | 0x10), EINVAL);
    CHECK_ERR(o2("/tmp", O_TMPFILE | O_RDONLY, 0600, 0), EINVAL);
    CHECK_ERR(o2(f, O_RDWR | O_CREAT, 0644, 0x20), EAGAIN);
    int fd = CHECK_OK(o2(f, O_RDWR | O_CREAT, 0644, 0));
    close(fd);
    fd = CHECK_OK(o2(f, O_PATH | O_NOFOLLOW | O_CLOEXEC, 0, 0));
    CHECK(fcntl(fd, F_GETFD) == FD_CLOEXEC);
    close(fd);
    return 0;
}
