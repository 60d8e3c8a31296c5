/* read on a directory descriptor fails with EISDIR. */
#include "guest.h"

int main(void)
{
    int fd = CHECK_OK(open("/tmp", O_RDONLY | O_DIRECTORY));
    char buf[16];
    CHECK_ERR(read(fd, buf, sizeof buf), EISDIR);
    close(fd);
    return 0;
}
