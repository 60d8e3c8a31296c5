/* The standard descriptors 0, 1 and 2 are open when the program starts. */
#include "guest.h"

int main(void)
{
    struct stat st;
    for (int fd = 0; fd < 3; fd++)
        if (fstat(fd, &st) != 0)
            FAIL("fd %d is not open: %s", fd, strerror(errno));
    return 0;
}
