/* With AT_EMPTY_PATH newfstatat of "" describes dirfd itself; without it "" is ENOENT. */
#include "guest.h"

int main(void)
{
    const char *path = tmp_path("newfstatat-empty");
    make_file(path, "abcd", 4);
    int fd = CHECK_OK(open(path, O_RDONLY));
    struct stat st;
    CHECK_OK(syscall(SYS_newfstatat, fd, "", &st, AT_EMPTY_PATH));
    CHECK(S_ISREG(st.st_mode) && st.st_size == 4);
    CHECK_ERR(syscall(SYS_newfstatat, fd, "", &st, 0), ENOENT);
    close(fd);
    return 0;
}
