/* posix_openpt, grantpt, unlockpt and ptsname make a pair whose slave
 * /dev/pts/N (char 136:N, N from TIOCGPTN, owned by the opener) opens once
 * unlocked, fails with EIO while locked, and is gone once the master is
 * closed (an open slave lives on); isatty() holds on both sides. */
#include "guest.h"
#include <sys/ioctl.h>
#include <sys/sysmacros.h>
#include <termios.h>

int main(void)
{
    int m = CHECK_OK(posix_openpt(O_RDWR | O_NOCTTY));
    unsigned int n;
    CHECK_OK(ioctl(m, TIOCGPTN, &n));
    char want[32], name[32];
    snprintf(want, sizeof want, "/dev/pts/%u", n);
    CHECK_OK(grantpt(m));
    CHECK(ptsname(m) != NULL && strcmp(ptsname(m), want) == 0);
    CHECK(ptsname_r(m, name, sizeof name) == 0 && strcmp(name, want) == 0);
    CHECK_ERR(open(want, O_RDWR | O_NOCTTY), EIO);     /* still locked */
    CHECK_OK(unlockpt(m));
    int s = CHECK_OK(open(want, O_RDWR | O_NOCTTY));
    struct stat st;
    CHECK_OK(fstat(s, &st));
    CHECK(S_ISCHR(st.st_mode) && major(st.st_rdev) == 136 && minor(st.st_rdev) == n);
    CHECK(st.st_uid == getuid());
    CHECK(isatty(m) && isatty(s));
    int lock = 1;
    CHECK_OK(ioctl(m, TIOCSPTLCK, &lock));
    CHECK_ERR(open(want, O_RDWR | O_NOCTTY), EIO);
    lock = 0;
    CHECK_OK(ioctl(m, TIOCSPTLCK, &lock));
    int s2 = CHECK_OK(open(want, O_RDWR | O_NOCTTY));
    close(s2);
    close(m);
    CHECK_ERR(stat(want, &st), ENOENT);
    struct termios t;
    CHECK_ERR(tcgetattr(s, &t), EIO);                   /* hung up */
    close(s);
    return 0;
}
