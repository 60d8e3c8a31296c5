/* statx fills what stat(2) does, with the request mask honoured as tmpfs does:
 * STATX_BASIC_STATS, STATX_BTIME when asked, the mount id always; the mtime and
 * ctime only when one of them is asked for. */
#include "guest.h"
#include <sys/sysmacros.h>

struct sx_ts { int64_t tv_sec; uint32_t tv_nsec; int32_t r; };
struct sx {
    uint32_t mask, blksize;
    uint64_t attributes;
    uint32_t nlink, uid, gid;
    uint16_t mode, spare0;
    uint64_t ino, size, blocks, attributes_mask;
    struct sx_ts atime, btime, ctime, mtime;
    uint32_t rdev_major, rdev_minor, dev_major, dev_minor;
    uint64_t mnt_id, spare[13];
};

int main(void)
{
    const char *f = shm_path("statx-basic");
    make_file(f, "hello", 5);
    struct stat st;
    struct sx x;
    CHECK_OK(stat(f, &st));
    CHECK_OK(syscall(SYS_statx, AT_FDCWD, f, 0, 0x7ff | 0x800, &x));
    CHECK((x.mask & 0x1fff) == 0x1fff);
    CHECK(x.ino == st.st_ino && x.size == 5 && x.nlink == 1 && x.mode == st.st_mode);
    CHECK(x.uid == st.st_uid && x.gid == st.st_gid && x.blocks == (uint64_t)st.st_blocks);
    CHECK(x.blksize == 4096);
    CHECK(x.dev_major == major(st.st_dev) && x.dev_minor == minor(st.st_dev));
    CHECK(x.mtime.tv_sec == st.st_mtim.tv_sec && x.mtime.tv_nsec == (uint32_t)st.st_mtim.tv_nsec);
    CHECK(x.btime.tv_sec != 0 && x.btime.tv_sec <= x.ctime.tv_sec);
    CHECK_OK(syscall(SYS_statx, AT_FDCWD, f, 0, 0, &x));
    CHECK((x.mask & 0xfff) == (0x7ff & ~0xc0));
    CHECK_OK(syscall(SYS_statx, AT_FDCWD, f, 0, 0x40, &x));
    CHECK((x.mask & 0xfff) == 0x7ff);
    return 0;
}
