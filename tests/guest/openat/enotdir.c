/* A path that goes through a regular file, or O_DIRECTORY on a regular file, fails
 * with ENOTDIR. */
#include "guest.h"

int main(void)
{
    const char *path = tmp_path("openat-enotdir");
    make_file(path, "x", 1);
    char sub[160];
    snprintf(sub, sizeof sub, "%s/child", path);
    CHECK_ERR(open(sub, O_RDONLY), ENOTDIR);
    CHECK_ERR(open(path, O_RDONLY | O_DIRECTORY), ENOTDIR);
    return 0;
}
