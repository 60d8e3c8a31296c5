/* Opening a directory for writing fails with EISDIR; read-only succeeds. */
#include "guest.h"

int main(void)
{
    CHECK_ERR(open("/tmp", O_WRONLY), EISDIR);
    CHECK_ERR(open("/tmp", O_RDWR), EISDIR);
    int fd = CHECK_OK(open("/tmp", O_RDONLY));
    close(fd);
    return 0;
}
