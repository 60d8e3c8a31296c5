/* Once the write end is closed, the reader drains what is buffered, then reads 0 (EOF). */
#include "guest.h"

int main(void)
{
    int p[2];
    char buf[16];
    CHECK_OK(pipe(p));
    CHECK(CHECK_OK(write(p[1], "abc", 3)) == 3);
    close(p[1]);
    CHECK(CHECK_OK(read(p[0], buf, sizeof buf)) == 3);
    CHECK(CHECK_OK(read(p[0], buf, sizeof buf)) == 0);
    CHECK(CHECK_OK(read(p[0], buf, sizeof buf)) == 0);
    close(p[0]);
    return 0;
}
