/* renameat2 with RENAME_EXCHANGE swaps two names atomically, a file with a
 * directory in another parent too (the parents' link counts follow the directory);
 * a missing name is ENOENT. */
#include "guest.h"

static nlink_t links(const char *p)
{
    struct stat st;
    CHECK_OK(stat(p, &st));
    return st.st_nlink;
}

int main(void)
{
    const char *p = tmp_path("renameat2-x-p"), *q = tmp_path("renameat2-x-q");
    CHECK_OK(mkdir(p, 0755));
    CHECK_OK(mkdir(q, 0755));
    const char *f = tmp_path_in(p, "f"), *d = tmp_path_in(q, "d");
    make_file(f, "file", 4);
    CHECK_OK(mkdir(d, 0755));
    struct stat sf, sd, st;
    CHECK_OK(stat(f, &sf));
    CHECK_OK(stat(d, &sd));
    CHECK(links(p) == 2 && links(q) == 3);
    CHECK_OK(syscall(SYS_renameat2, AT_FDCWD, f, AT_FDCWD, d, RENAME_EXCHANGE));
    CHECK_OK(stat(f, &st));
    CHECK(st.st_ino == sd.st_ino && S_ISDIR(st.st_mode));
    CHECK_OK(stat(d, &st));
    CHECK(st.st_ino == sf.st_ino && S_ISREG(st.st_mode) && st.st_size == 4);
    CHECK(links(p) == 3 && links(q) == 2);
    char up[160];
    snprintf(up, sizeof up, "%s/..", f);
    CHECK_OK(stat(up, &st));
    struct stat sp;
    CHECK_OK(stat(p, &sp));
    CHECK(st.st_ino == sp.st_ino);
    CHECK_ERR(syscall(SYS_renameat2, AT_FDCWD, f, AT_FDCWD, "/tmp/trellis-surely-missing", RENAME_EXCHANGE), ENOENT);
    CHECK_OK(syscall(SYS_renameat2, AT_FDCWD, f, AT_FDCWD, d, RENAME_EXCHANGE));
    CHECK(links(p) == 2 && links(q) == 3);
    return 0;
}
