/* renameat2 with RENAME_WHITEOUT (privileged) on tmpfs leaves a whiteout at the old
 * name: a character device with device number 0:0. */
#include "guest.h"
#include <sys/sysmacros.h>

int main(void)
{
    const char *a = shm_path("whiteout-a"), *b = shm_path("whiteout-b");
    make_file(a, "x", 1);
    CHECK_OK(syscall(SYS_renameat2, AT_FDCWD, a, AT_FDCWD, b, RENAME_WHITEOUT));
    struct stat st;
    CHECK_OK(lstat(a, &st));
    CHECK(S_ISCHR(st.st_mode) && st.st_rdev == makedev(0, 0));
    CHECK((st.st_mode & 07777) == 0);
    CHECK_OK(stat(b, &st));
    CHECK(S_ISREG(st.st_mode) && st.st_size == 1);
    return 0;
}
