/* statfs of a tmpfs: f_type TMPFS_MAGIC, 4 KiB blocks, names up to 255 bytes,
 * f_flags with ST_VALID, as many free blocks as not more than the total; fstatfs
 * of a descriptor on it (an O_PATH one too) says the same. */
#include "guest.h"
#include <sys/statfs.h>

#define TMPFS_MAGIC 0x01021994

int main(void)
{
    const char *f = shm_path("statfs");
    make_file(f, "", 0);
    struct statfs sf;
    CHECK_OK(statfs(f, &sf));
    CHECK(sf.f_type == TMPFS_MAGIC && sf.f_bsize == 4096 && sf.f_frsize == 4096);
    CHECK(sf.f_namelen == 255 && (sf.f_flags & 0x20) != 0);
    CHECK(sf.f_blocks > 0 && sf.f_bfree <= sf.f_blocks && sf.f_bavail <= sf.f_blocks);
    CHECK(sf.f_files > 0);
    int pfd = CHECK_OK(open(f, O_PATH));
    struct statfs sf2;
    CHECK_OK(fstatfs(pfd, &sf2));
    CHECK(sf2.f_type == TMPFS_MAGIC);
    CHECK_ERR(statfs("/tmp/trellis-surely-missing", &sf), ENOENT);
    CHECK_ERR(syscall(SYS_statfs, f, BAD_PTR), EFAULT);
    CHECK_ERR(syscall(SYS_statfs, BAD_PTR, &sf), EFAULT);
    close(pfd);
    return 0;
}
