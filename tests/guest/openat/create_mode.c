/* O_CREAT makes a regular file with the requested permission bits (0600: no umask a
 * sane environment sets clears owner bits). */
#include "guest.h"

int main(void)
{
    const char *path = tmp_path("openat-mode");
    int fd = CHECK_OK(open(path, O_WRONLY | O_CREAT | O_EXCL, 0600));
    struct stat st;
    CHECK_OK(fstat(fd, &st));
    CHECK(S_ISREG(st.st_mode));
    CHECK((st.st_mode & 07777) == 0600);
    CHECK(st.st_nlink == 1);
    close(fd);
    return 0;
}
