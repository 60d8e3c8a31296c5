/* uname fills every field with a non-empty string; sysname is "Linux" and machine
 * "x86_64". */
#include "guest.h"
#include <sys/utsname.h>

int main(void)
{
    struct utsname u;
    memset(&u, 0, sizeof u);
    CHECK_OK(uname(&u));
    CHECK(strcmp(u.sysname, "Linux") == 0);
    CHECK(strcmp(u.machine, "x86_64") == 0);
    CHECK(u.nodename[0] != '\0');
    CHECK(u.release[0] != '\0');
    CHECK(u.version[0] != '\0');
    CHECK(u.domainname[0] != '\0');
    CHECK(memchr(u.release, '\0', sizeof u.release) != NULL);
    return 0;
}
