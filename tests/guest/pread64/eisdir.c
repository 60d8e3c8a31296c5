/* pread on a directory fails with EISDIR. */
#include "guest.h"

int main(void)
{
    int fd = CHECK_OK(open("/", O_RDONLY | O_DIRECTORY));
    char buf[4];
    CHECK_ERR(pread(fd, buf, sizeof buf, 0), EISDIR);
    close(fd);
    return 0;
}
