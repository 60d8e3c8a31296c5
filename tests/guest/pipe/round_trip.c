/* Bytes written to a pipe's write end come out of its read end, in order; a read asks for
 * more than is buffered and gets what is there.  The ends are O_RDONLY and O_WRONLY. */
#include "guest.h"

int main(void)
{
    int p[2];
    char buf[64];
    CHECK_OK(pipe(p));
    CHECK(p[0] >= 0 && p[1] >= 0 && p[0] != p[1]);
    CHECK((CHECK_OK(fcntl(p[0], F_GETFL)) & O_ACCMODE) == O_RDONLY);
    CHECK((CHECK_OK(fcntl(p[1], F_GETFL)) & O_ACCMODE) == O_WRONLY);
    CHECK(CHECK_OK(write(p[1], "hello ", 6)) == 6);
    CHECK(CHECK_OK(write(p[1], "world", 5)) == 5);
    CHECK(CHECK_OK(read(p[0], buf, 3)) == 3);
    CHECK(memcmp(buf, "hel", 3) == 0);
    CHECK(CHECK_OK(read(p[0], buf, sizeof buf)) == 8);
    CHECK(memcmp(buf, "lo world", 8) == 0);
    CHECK_ERR(read(p[1], buf, 1), EBADF);
    CHECK_ERR(write(p[0], "x", 1), EBADF);
    close(p[0]);
    close(p[1]);
    return 0;
}
