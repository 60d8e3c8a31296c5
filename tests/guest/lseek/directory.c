/* lseek back to 0 on a directory succeeds and rewinds it. */
#include "guest.h"

int main(void)
{
    int fd = CHECK_OK(open("/", O_RDONLY | O_DIRECTORY));
    CHECK(lseek(fd, 0, SEEK_SET) == 0);
    close(fd);
    return 0;
}
