/* Canonical mode: a read returns one line, after VERASE, VWERASE and VKILL
 * edited it; VEOF ends a line without itself, and alone reads as 0. */
#include "guest.h"
#include <termios.h>

int main(void)
{
    int m, s;
    open_pty(&m, &s);
    char b[64];
    CHECK(write(m, "ab\177c\n", 5) == 5);
    EXPECT_READ(s, "ac\n");
    CHECK(write(m, "xyz\025q\n", 6) == 6);
    EXPECT_READ(s, "q\n");
    CHECK(write(m, "foo bar\027baz\n", 12) == 12);
    EXPECT_READ(s, "foo baz\n");
    CHECK(write(m, "one\ntwo\n", 8) == 8);
    EXPECT_READ(s, "one\n");                            /* one line a read */
    EXPECT_READ(s, "two\n");
    CHECK(write(m, "hi\004", 3) == 3);
    EXPECT_READ(s, "hi");
    CHECK(write(m, "\004", 1) == 1);
    struct pollfd p = { .fd = s, .events = POLLIN };
    CHECK(poll(&p, 1, 1000) == 1);
    CHECK(read(s, b, sizeof b) == 0);                   /* end of file */
    CHECK(write(m, "\r", 1) == 1);                      /* ICRNL */
    EXPECT_READ(s, "\n");
    CHECK(write(m, "abcdef\n", 7) == 7);                /* a short read */
    CHECK(poll(&p, 1, 1000) == 1);
    CHECK(read(s, b, 2) == 2 && memcmp(b, "ab", 2) == 0);
    EXPECT_READ(s, "cdef\n");
    return 0;
}
