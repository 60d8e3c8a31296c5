/* After chdir("/") getcwd is "/"; the raw syscall returns the length including NUL. */
#include "guest.h"

int main(void)
{
    CHECK_OK(chdir("/"));
    char buf[64];
    CHECK(getcwd(buf, sizeof buf) == buf);
    CHECK(strcmp(buf, "/") == 0);
    memset(buf, 'x', sizeof buf);
    CHECK(syscall(SYS_getcwd, buf, sizeof buf) == 2);
    CHECK(strcmp(buf, "/") == 0);
    return 0;
}
