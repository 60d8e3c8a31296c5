/* The guest sees only its own root: host files such as /etc/hostname do not exist.
 * (Natively they do, so this runs only under Trellis.)  The root carries copies of the
 * glibc loader and libc for the dynamic tests, so the library named here is one it lacks. */
/* guest-test: trellis-only */
#include "guest.h"

int main(void)
{
    const char *host[] = {"/etc/hostname", "/etc/os-release", "/etc/shadow", "/usr/lib/os-release",
                          "/lib/x86_64-linux-gnu/libpthread.so.0"};
    struct stat st;
    for (unsigned i = 0; i < sizeof host / sizeof host[0]; i++) {
        CHECK_ERR(open(host[i], O_RDONLY), ENOENT);
        CHECK_ERR(stat(host[i], &st), ENOENT);
    }
    return 0;
}
