/* fstat of a directory descriptor reports a directory. */
#include "guest.h"

int main(void)
{
    int fd = CHECK_OK(open("/tmp", O_RDONLY | O_DIRECTORY));
    struct stat st;
    CHECK_OK(fstat(fd, &st));
    CHECK(S_ISDIR(st.st_mode));
    CHECK(st.st_nlink >= 2);
    close(fd);
    return 0;
}
