/* The controlling terminal: a new session has none (/dev/tty: ENXIO, the
 * terminal ioctls of a slave that is not ours: ENOTTY); TIOCSCTTY makes a
 * slave ours, with us as foreground group (TIOCGPGRP, TIOCGSID), and
 * /dev/tty then writes to it, and /proc/self/stat names it (tty_nr,
 * tpgid); TIOCNOTTY gives it up again. */
#include "guest.h"
#include <signal.h>
#include <sys/ioctl.h>
#include <termios.h>

static int m, s;

static void child(void)
{
    CHECK_OK(setsid());
    CHECK_ERR(open("/dev/tty", O_RDWR), ENXIO);
    int pg;
    CHECK_ERR(ioctl(s, TIOCGPGRP, &pg), ENOTTY);
    CHECK_ERR(ioctl(s, TIOCGSID, &pg), ENOTTY);
    CHECK_OK(ioctl(s, TIOCSCTTY, 0));
    CHECK_OK(ioctl(s, TIOCGPGRP, &pg));
    CHECK(pg == getpid());
    CHECK_OK(ioctl(m, TIOCGPGRP, &pg));                 /* the master too */
    CHECK(pg == getpid());
    CHECK_OK(ioctl(s, TIOCGSID, &pg));
    CHECK(pg == getsid(0));
    CHECK(tcgetsid(s) == getpid());
    unsigned int n;
    CHECK_OK(ioctl(m, TIOCGPTN, &n));
    FILE *f = fopen("/proc/self/stat", "r");
    CHECK(f != NULL);
    int tty_nr = 0, tpgid = 0;
    CHECK(fscanf(f, "%*d (%*[^)]) %*c %*d %*d %*d %d %d", &tty_nr, &tpgid) == 2);
    fclose(f);
    CHECK(tty_nr == (int)((136 << 8) | (n & 0xff) | ((n & ~0xffu) << 12)));
    CHECK(tpgid == getpid());
    int t = CHECK_OK(open("/dev/tty", O_RDWR));
    CHECK(isatty(t));
    CHECK(write(t, "via tty\n", 8) == 8);
    EXPECT_READ(m, "via tty\r\n");
    close(t);
    CHECK_ERR(tcsetpgrp(s, 999999), ESRCH);
    CHECK_ERR(tcsetpgrp(s, getpgid(getppid())), EPERM); /* another session */
    signal(SIGHUP, SIG_IGN);
    CHECK_OK(ioctl(s, TIOCNOTTY));
    CHECK_ERR(open("/dev/tty", O_RDWR), ENXIO);
    CHECK_ERR(ioctl(s, TIOCGPGRP, &pg), ENOTTY);
}

int main(void)
{
    open_pty(&m, &s);
    run_in_child(child);
    return 0;
}
