/* ".." of the root is the root itself. */
#include "guest.h"

int main(void)
{
    CHECK_OK(chdir("/"));
    CHECK_OK(chdir("../../.."));
    char buf[16];
    CHECK(getcwd(buf, sizeof buf) != NULL);
    CHECK(strcmp(buf, "/") == 0);
    CHECK_OK(chdir("/tmp/../tmp/./.."));
    CHECK(getcwd(buf, sizeof buf) != NULL);
    CHECK(strcmp(buf, "/") == 0);
    return 0;
}
