/* A booted system has devpts on /dev/pts and /dev/ptmx (char 5:2), which
 * makes pairs whose slaves appear in /dev/pts. */
#include "guest.h"
#include <sys/ioctl.h>
#include <sys/statfs.h>
#include <sys/sysmacros.h>

int main(void)
{
    struct statfs sf;
    CHECK_OK(statfs("/dev/pts", &sf));
    CHECK(sf.f_type == 0x1cd1);
    struct stat st;
    CHECK_OK(stat("/dev/ptmx", &st));
    CHECK(S_ISCHR(st.st_mode) && st.st_rdev == makedev(5, 2));
    int m = CHECK_OK(open("/dev/ptmx", O_RDWR | O_NOCTTY));
    unsigned int n;
    CHECK_OK(ioctl(m, TIOCGPTN, &n));
    char path[32];
    snprintf(path, sizeof path, "/dev/pts/%u", n);
    CHECK_OK(stat(path, &st));
    CHECK(minor(st.st_rdev) == n);
    close(m);
    return 0;
}
