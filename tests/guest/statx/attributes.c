/* statx's attributes on tmpfs: the mask tmpfs reports (append, immutable, nodump,
 * automount, mount root, DAX) and no attribute set on a file;
 * STATX_ATTR_MOUNT_ROOT on "/", the root of a mount. */
#include "guest.h"

struct sx { uint32_t mask, blksize; uint64_t attributes; uint32_t nlink, uid, gid;
            uint16_t mode, spare0; uint64_t ino, size, blocks, attributes_mask, rest[24]; };

int main(void)
{
    const char *f = shm_path("statx-attr");
    make_file(f, "", 0);
    struct sx x;
    CHECK_OK(syscall(SYS_statx, AT_FDCWD, f, 0, 0x7ff, &x));
    CHECK(x.attributes_mask == 0x203070);
    CHECK(x.attributes == 0);
    CHECK_OK(syscall(SYS_statx, AT_FDCWD, "/", 0, 0x7ff, &x));
    CHECK((x.attributes & 0x2000) != 0);
    CHECK_OK(syscall(SYS_statx, AT_FDCWD, "/tmp", 0, 0x7ff, &x));
    CHECK((x.attributes & 0x2000) == 0);
    return 0;
}
