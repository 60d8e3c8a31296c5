/* Listing a merged directory gives each name once: the upper entries and the
 * lower ones no upper entry names, never a whiteout, "." and ".." once, across
 * many getdents calls. */
#include "ovl.h"

static int count(const char *dir, const char *name, int *total)
{
    DIR *d = opendir(dir);
    if (d == NULL)
        FAIL("opendir(%s): %s", dir, strerror(errno));
    struct dirent *e;
    int n = 0;
    *total = 0;
    while ((e = readdir(d)) != NULL) {
        (*total)++;
        if (strcmp(e->d_name, name) == 0)
            n++;
    }
    closedir(d);
    return n;
}

int main(void)
{
    ovl_setup("ovl-readdir");
    ovl_write(L("a"), "");
    ovl_write(L("b"), "");
    ovl_write(L("c"), "");
    CHECK_OK(mkdir(L("d"), 0755));
    ovl_write(U("c"), "");
    ovl_write(U("e"), "");
    CHECK_OK(mkdir(L("big"), 0755));
    CHECK_OK(mkdir(U("big"), 0755));
    char name[64];
    for (int i = 0; i < 300; i++) {
        snprintf(name, sizeof name, "big/lower-file-with-a-long-name-%03d", i);
        ovl_write(L(name), "");
        snprintf(name, sizeof name, "big/upper-file-with-a-long-name-%03d", i);
        ovl_write(U(name), "");
        if (i % 3 == 0) {
            snprintf(name, sizeof name, "big/lower-file-with-a-long-name-%03d", i);
            ovl_write(U(name), "");   /* both layers */
        }
    }
    CHECK_OK(ovl_mount_rw());
    CHECK_OK(unlink(M("b")));

    int total;
    CHECK(count(ovl_merged, "a", &total) == 1);
    CHECK(total == 7);                  /* . .. a c d e big */
    CHECK(count(ovl_merged, "b", &total) == 0);
    CHECK(count(ovl_merged, "c", &total) == 1);
    CHECK(count(ovl_merged, "d", &total) == 1);
    CHECK(count(ovl_merged, "..", &total) == 1);
    CHECK(count(M("big"), "lower-file-with-a-long-name-000", &total) == 1);
    CHECK(total == 602);
    /* d_type comes through. */
    DIR *dir = opendir(ovl_merged);
    struct dirent *e;
    while ((e = readdir(dir)) != NULL) {
        if (strcmp(e->d_name, "d") == 0)
            CHECK(e->d_type == DT_DIR);
        if (strcmp(e->d_name, "a") == 0)
            CHECK(e->d_type == DT_REG);
    }
    closedir(dir);
    return 0;
}
