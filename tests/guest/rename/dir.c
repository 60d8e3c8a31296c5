/* rename of a directory: over an empty directory it replaces it, over a non-empty one
 * it is ENOTEMPTY, over a file ENOTDIR; a file over a directory is EISDIR.  Moving
 * a directory to another parent moves its ".." link between the parents. */
#include "guest.h"

static nlink_t links(const char *p)
{
    struct stat st;
    CHECK_OK(stat(p, &st));
    return st.st_nlink;
}

int main(void)
{
    const char *p = tmp_path("rename-dir-p"), *q = tmp_path("rename-dir-q");
    CHECK_OK(mkdir(p, 0755));
    CHECK_OK(mkdir(q, 0755));
    const char *d = tmp_path_in(p, "d"), *e = tmp_path_in(q, "e"), *full = tmp_path_in(q, "full");
    const char *inner = tmp_path_in(full, "x"), *file = tmp_path_in(q, "file");
    CHECK_OK(mkdir(d, 0755));
    CHECK_OK(mkdir(e, 0755));
    CHECK_OK(mkdir(full, 0755));
    make_file(inner, "", 0);
    make_file(file, "", 0);
    CHECK(links(p) == 3 && links(q) == 4);
    CHECK_ERR(rename(d, full), ENOTEMPTY);
    CHECK_ERR(rename(d, file), ENOTDIR);
    CHECK_ERR(rename(file, e), EISDIR);
    struct stat sd, se;
    CHECK_OK(stat(d, &sd));
    CHECK_OK(rename(d, e));
    CHECK_OK(stat(e, &se));
    CHECK(se.st_ino == sd.st_ino);
    CHECK(links(p) == 2 && links(q) == 4);
    /* Back again, to a new name, with a trailing slash on both. */
    char src[160], dst[160];
    snprintf(src, sizeof src, "%s/", e);
    snprintf(dst, sizeof dst, "%s/", d);
    CHECK_OK(rename(src, dst));
    CHECK(links(p) == 3 && links(q) == 3);
    CHECK_OK(rmdir(d));
    return 0;
}
