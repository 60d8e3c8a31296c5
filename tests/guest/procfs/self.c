/* /proc/self names the caller's pid; /proc/self/exe is the running program (the same
 * file stat finds through it and through its text); /proc lists the caller; a pid
 * that does not exist is ENOENT; getcwd inside /proc names the pid. */
#include "guest.h"
#include <dirent.h>

int main(void)
{
    char buf[4096], want[32];
    ssize_t n = readlink("/proc/self", buf, sizeof buf - 1);
    CHECK(n > 0);
    buf[n] = '\0';
    snprintf(want, sizeof want, "%d", (int)getpid());
    CHECK(strcmp(buf, want) == 0);
    n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    CHECK(n > 0 && buf[0] == '/');
    buf[n] = '\0';
    struct stat a, b;
    CHECK_OK(stat(buf, &a));
    CHECK_OK(stat("/proc/self/exe", &b));
    CHECK(a.st_ino == b.st_ino && a.st_dev == b.st_dev);
    DIR *d = opendir("/proc");
    CHECK(d != NULL);
    struct dirent *e;
    int found = 0;
    while ((e = readdir(d)) != NULL)
        if (strcmp(e->d_name, want) == 0 && e->d_type == DT_DIR)
            found = 1;
    closedir(d);
    CHECK(found);
    CHECK_ERR(stat("/proc/999999999/stat", &a), ENOENT);
    CHECK_OK(chdir("/proc/self/fd"));
    char cwd[256], expect[64];
    snprintf(expect, sizeof expect, "/proc/%d/fd", (int)getpid());
    CHECK(getcwd(cwd, sizeof cwd) != NULL && strcmp(cwd, expect) == 0);
    return 0;
}
