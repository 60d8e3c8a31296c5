/* unlink removes a name: stat then fails with ENOENT, and an open descriptor still
 * reads the data. */
#include "guest.h"

int main(void)
{
    const char *path = tmp_path("unlinkat");
    make_file(path, "still here", 10);
    int fd = CHECK_OK(open(path, O_RDONLY));
    CHECK_OK(syscall(SYS_unlinkat, AT_FDCWD, path, 0));
    struct stat st;
    CHECK_ERR(stat(path, &st), ENOENT);
    char buf[16] = {0};
    CHECK(read(fd, buf, sizeof buf) == 10);
    CHECK(memcmp(buf, "still here", 10) == 0);
    CHECK_OK(fstat(fd, &st));
    CHECK(st.st_nlink == 0);
    close(fd);
    return 0;
}
