/* Listing "/" with readdir finds tmp, a directory. */
#include "guest.h"
#include <dirent.h>

int main(void)
{
    DIR *d = opendir("/");
    if (!d)
        FAIL("opendir(/): %s", strerror(errno));
    int found = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        if (strcmp(e->d_name, "tmp") == 0) {
            found = 1;
            CHECK(e->d_type == DT_DIR);
        }
    CHECK(found);
    closedir(d);
    return 0;
}
