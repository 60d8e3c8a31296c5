/* O_TMPFILE makes an unnamed regular file in a directory: st_nlink 0, nothing new
 * in the directory; linkat with AT_EMPTY_PATH gives it a name.  It wants write
 * access (EINVAL), a directory (ENOTDIR), and no O_CREAT (EINVAL). */
#include "guest.h"
#include <dirent.h>

static int entries(const char *d)
{
    DIR *dir = opendir(d);
    int n = 0;
    CHECK(dir != NULL);
    while (readdir(dir) != NULL)
        n++;
    closedir(dir);
    return n;
}

int main(void)
{
    const char *d = tmp_path("tmpfile");
    CHECK_OK(mkdir(d, 0755));
    const char *name = tmp_path_in(d, "named"), *f = tmp_path("tmpfile-f");
    int fd = CHECK_OK(open(d, O_TMPFILE | O_RDWR, 0640));
    struct stat st;
    CHECK_OK(fstat(fd, &st));
    CHECK(S_ISREG(st.st_mode) && (st.st_mode & 0777) == 0640 && st.st_nlink == 0);
    CHECK(entries(d) == 2);
    CHECK(write(fd, "tmp", 3) == 3);
    CHECK_OK(linkat(fd, "", AT_FDCWD, name, AT_EMPTY_PATH));
    CHECK_OK(fstat(fd, &st));
    CHECK(st.st_nlink == 1);
    CHECK_OK(stat(name, &st));
    CHECK(st.st_size == 3);
    close(fd);
    make_file(f, "", 0);
    CHECK_ERR(open(d, O_TMPFILE | O_RDONLY, 0600), EINVAL);
    CHECK_ERR(open(f, O_TMPFILE | O_RDWR, 0600), ENOTDIR);
    CHECK_ERR(open("/tmp/trellis-surely-missing", O_TMPFILE | O_RDWR, 0600), ENOENT);
    CHECK_ERR(open(d, O_TMPFILE | O_CREAT | O_RDWR, 0600), EINVAL);
    return 0;
}
