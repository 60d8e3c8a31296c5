/* O_TRUNC empties an existing file. */
#include "guest.h"

int main(void)
{
    const char *path = tmp_path("openat-trunc");
    make_file(path, "0123456789", 10);
    int fd = CHECK_OK(open(path, O_WRONLY | O_TRUNC));
    struct stat st;
    CHECK_OK(fstat(fd, &st));
    CHECK(st.st_size == 0);
    close(fd);
    return 0;
}
