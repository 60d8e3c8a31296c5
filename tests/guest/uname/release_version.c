/* The release starts with "<major>.<minor>" and major >= 3 (glibc and musl refuse
 * older kernels). */
#include "guest.h"
#include <sys/utsname.h>

int main(void)
{
    struct utsname u;
    CHECK_OK(uname(&u));
    int major = 0, minor = 0;
    if (sscanf(u.release, "%d.%d", &major, &minor) != 2)
        FAIL("release \"%s\" is not <major>.<minor>...", u.release);
    CHECK(major >= 3);
    return 0;
}
