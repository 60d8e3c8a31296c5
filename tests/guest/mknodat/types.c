/* mknodat(2)'s types: a regular file (S_IFREG, or type 0), a socket node, a character
 * device (as root) with its number in st_rdev; a directory is EPERM and an unknown type
 * EINVAL; an existing name is EEXIST; mknod(2) is the same from the cwd. */
#include "guest.h"
#include <sys/stat.h>
#include <sys/sysmacros.h>

int main(void)
{
    struct stat st;

    umask(022);
    CHECK_OK(chdir("/tmp"));
    unlink("mknod_reg");
    unlink("mknod_zero");
    unlink("mknod_sock");
    unlink("mknod_chr");
    CHECK_OK(mknodat(AT_FDCWD, "mknod_reg", S_IFREG | 0640, 0));
    CHECK_OK(stat("mknod_reg", &st));
    CHECK(S_ISREG(st.st_mode) && (st.st_mode & 07777) == 0640 && st.st_size == 0);
    CHECK_OK(mknod("mknod_zero", 0600, 0));
    CHECK_OK(stat("mknod_zero", &st));
    CHECK(S_ISREG(st.st_mode));
    CHECK_OK(mknodat(AT_FDCWD, "mknod_sock", S_IFSOCK | 0600, 0));
    CHECK_OK(lstat("mknod_sock", &st));
    CHECK(S_ISSOCK(st.st_mode));
    if (geteuid() == 0) {
        CHECK_OK(mknodat(AT_FDCWD, "mknod_chr", S_IFCHR | 0600, makedev(1, 3)));
        CHECK_OK(stat("mknod_chr", &st));
        CHECK(S_ISCHR(st.st_mode) && major(st.st_rdev) == 1 && minor(st.st_rdev) == 3);
        int fd = CHECK_OK(open("mknod_chr", O_WRONLY));   /* 1:3 is /dev/null */
        CHECK(write(fd, "x", 1) == 1);
        close(fd);
        CHECK_OK(unlink("mknod_chr"));
    }
    CHECK(mknodat(AT_FDCWD, "mknod_dir", S_IFDIR | 0700, 0) == -1 && errno == EPERM);
    CHECK(mknodat(AT_FDCWD, "mknod_bad", 0170000 | 0600, 0) == -1 && errno == EINVAL);
    CHECK(mknodat(AT_FDCWD, "mknod_reg", S_IFREG | 0600, 0) == -1 && errno == EEXIST);
    CHECK_OK(unlink("mknod_reg"));
    CHECK_OK(unlink("mknod_zero"));
    CHECK_OK(unlink("mknod_sock"));
    return 0;
}
