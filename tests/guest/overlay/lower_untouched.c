/* Whatever happens through the overlay (writes, truncation, attributes,
 * removal, renames, new files), the lower tree keeps its names, data, modes
 * and mtimes. */
#include "ovl.h"

static const char *files[] = {"a", "b", "c", "d/e", "d/f", "d/g/h"};

static void check_lower(void)
{
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++)
        ovl_lower_intact(files[i], files[i]);
    struct stat st;
    CHECK_OK(stat(L("d/g"), &st));
    CHECK((st.st_mode & 07777) == 0755);
    DIR *dir = opendir(L("d"));
    int n = 0;
    while (readdir(dir) != NULL)
        n++;
    closedir(dir);
    CHECK(n == 5);                      /* . .. e f g */
}

int main(void)
{
    ovl_setup("ovl-untouched");
    CHECK_OK(mkdir(L("d"), 0755));
    CHECK_OK(mkdir(L("d/g"), 0755));
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++)
        ovl_old_file(L(files[i]), files[i]);
    CHECK_OK(ovl_mount_rw());

    int fd = open(M("a"), O_RDWR | O_TRUNC);
    CHECK(fd >= 0);
    CHECK(write(fd, "new", 3) == 3);
    CHECK_OK(close(fd));
    CHECK_OK(chmod(M("b"), 0));
    CHECK_OK(unlink(M("c")));
    CHECK_OK(rename(M("d/e"), M("d/e2")));
    ovl_write(M("d/new"), "n");
    CHECK_OK(chmod(M("d/g"), 0700));
    CHECK_OK(unlink(M("d/g/h")));
    CHECK_OK(rmdir(M("d/g")));
    CHECK_OK(mkdir(M("d/g"), 0755));
    CHECK_OK(truncate(M("d/f"), 0));
    check_lower();
    CHECK_OK(umount(ovl_merged));
    check_lower();
    /* Mounted again, the overlay shows what was done. */
    CHECK_OK(ovl_mount_rw());
    CHECK(strcmp(ovl_read(M("a")), "new") == 0);
    struct stat st;
    CHECK_ERR(stat(M("c"), &st), ENOENT);
    CHECK_ERR(stat(M("d/g/h"), &st), ENOENT);
    CHECK(strcmp(ovl_read(M("d/e2")), "d/e") == 0);
    CHECK_OK(stat(M("d/f"), &st));
    CHECK(st.st_size == 0);
    return 0;
}
