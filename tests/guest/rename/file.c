/* rename moves a file within and across directories: the old name is gone, the new
 * one is the same inode with the same data, and the source's ctime and both
 * directories' mtimes move. */
#include "guest.h"
#include <time.h>

static struct timespec old = { 1000, 0 };

static void age(const char *p)
{
    struct timespec ts[2] = { old, old };
    CHECK_OK(utimensat(AT_FDCWD, p, ts, 0));
}

int main(void)
{
    const char *a = tmp_path("rename-file-a"), *b = tmp_path("rename-file-b");
    CHECK_OK(mkdir(a, 0755));
    CHECK_OK(mkdir(b, 0755));
    const char *f = tmp_path_in(a, "f"), *g = tmp_path_in(a, "g"), *h = tmp_path_in(b, "h");
    make_file(f, "data", 4);
    struct stat st, st2;
    CHECK_OK(stat(f, &st));
    age(f);
    age(a);
    age(b);
    CHECK_OK(rename(f, g));
    CHECK_ERR(stat(f, &st2), ENOENT);
    CHECK_OK(stat(g, &st2));
    CHECK(st2.st_ino == st.st_ino && st2.st_size == 4 && st2.st_nlink == 1);
    CHECK(st2.st_ctime > old.tv_sec && st2.st_mtime == old.tv_sec);
    CHECK_OK(stat(a, &st2));
    CHECK(st2.st_mtime > old.tv_sec && st2.st_ctime > old.tv_sec);
    CHECK_OK(rename(g, h));
    CHECK_ERR(stat(g, &st2), ENOENT);
    CHECK_OK(stat(b, &st2));
    CHECK(st2.st_mtime > old.tv_sec);
    char buf[8] = { 0 };
    int fd = CHECK_OK(open(h, O_RDONLY));
    CHECK(read(fd, buf, sizeof buf) == 4 && memcmp(buf, "data", 4) == 0);
    close(fd);
    return 0;
}
