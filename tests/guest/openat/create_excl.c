/* O_CREAT|O_EXCL creates a missing file and fails with EEXIST on an existing one. */
#include "guest.h"

int main(void)
{
    const char *path = tmp_path("openat-excl");
    int fd = CHECK_OK(open(path, O_RDWR | O_CREAT | O_EXCL, 0600));
    close(fd);
    CHECK_ERR(open(path, O_RDWR | O_CREAT | O_EXCL, 0600), EEXIST);
    CHECK_ERR(open("/tmp", O_RDONLY | O_CREAT | O_EXCL, 0600), EEXIST);
    return 0;
}
