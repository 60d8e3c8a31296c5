/* The guest sees only its own root: host files such as /etc/hostname do not exist.
 * (Natively they do, so this runs only under Trellis.) */
/* guest-test: trellis-only */
#include "guest.h"

int main(void)
{
    const char *host[] = {"/etc/hostname", "/etc/os-release", "/etc/shadow", "/usr/lib/os-release",
                          "/lib64/ld-linux-x86-64.so.2"};
    struct stat st;
    for (unsigned i = 0; i < sizeof host / sizeof host[0]; i++) {
        CHECK_ERR(open(host[i], O_RDONLY), ENOENT);
        CHECK_ERR(stat(host[i], &st), ENOENT);
    }
    return 0;
}
