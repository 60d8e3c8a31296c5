/* Non-canonical reads: VMIN=0 VTIME=0 returns what is there (0 if
 * nothing), VMIN=0 VTIME>0 waits that long for a first byte, VMIN=n waits
 * for n bytes; no editing, signals or CR mapping once raw. */
#include "guest.h"
#include <termios.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(void)
{
    int m, s;
    open_pty(&m, &s);
    struct termios t;
    CHECK_OK(tcgetattr(s, &t));
    cfmakeraw(&t);
    t.c_cc[VMIN] = 0;
    t.c_cc[VTIME] = 0;
    CHECK_OK(tcsetattr(s, TCSANOW, &t));
    char b[16];
    CHECK(read(s, b, sizeof b) == 0);
    t.c_cc[VTIME] = 2;                                  /* 0.2 s */
    CHECK_OK(tcsetattr(s, TCSANOW, &t));
    double t0 = now();
    CHECK(read(s, b, sizeof b) == 0);
    CHECK(now() - t0 >= 0.15);
    t.c_cc[VMIN] = 3;
    t.c_cc[VTIME] = 0;
    CHECK_OK(tcsetattr(s, TCSANOW, &t));
    CHECK(write(m, "a\177\003\r", 4) == 4);
    CHECK(read_some(s, b, 4) == 4 && memcmp(b, "a\177\003\r", 4) == 0);
    struct pollfd p = { .fd = m, .events = POLLIN };
    CHECK(poll(&p, 1, 200) == 0);                       /* no echo */
    return 0;
}
