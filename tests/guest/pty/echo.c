/* Echo: typed bytes come back to the master through OPOST (ONLCR), erases
 * as "\b \b" (ECHOE), control characters as ^X (ECHOCTL), a kill as one
 * rub-out per character (ECHOKE); ECHONL echoes a newline without ECHO;
 * the slave's output gets "\r\n" for "\n". */
#include "guest.h"
#include <termios.h>

int main(void)
{
    int m, s;
    open_pty(&m, &s);
    CHECK(write(m, "x\n", 2) == 2);
    EXPECT_READ(m, "x\r\n");
    EXPECT_READ(s, "x\n");
    CHECK(write(m, "a\177", 2) == 2);
    EXPECT_READ(m, "a\b \b");
    CHECK(write(m, "\001", 1) == 1);
    EXPECT_READ(m, "^A");
    CHECK(write(m, "\177", 1) == 1);                    /* ^A takes two */
    EXPECT_READ(m, "\b \b\b \b");
    CHECK(write(m, "bc\025", 3) == 3);
    EXPECT_READ(m, "bc\b \b\b \b");
    CHECK(write(s, "out\n", 4) == 4);
    EXPECT_READ(m, "out\r\n");
    struct termios t;
    CHECK_OK(tcgetattr(s, &t));
    t.c_lflag &= ~(tcflag_t)ECHO;
    t.c_lflag |= ECHONL;
    CHECK_OK(tcsetattr(s, TCSANOW, &t));
    CHECK(write(m, "q\n", 2) == 2);
    EXPECT_READ(m, "\r\n");
    EXPECT_READ(s, "q\n");
    t.c_oflag &= ~(tcflag_t)OPOST;
    CHECK_OK(tcsetattr(s, TCSANOW, &t));
    CHECK(write(s, "r\n", 2) == 2);
    EXPECT_READ(m, "r\n");
    return 0;
}
