/* utimensat sets atime and mtime to the nanosecond; UTIME_OMIT leaves one as it
 * is, UTIME_NOW takes the clock; the ctime always moves to now. */
#include "guest.h"
#include <time.h>

int main(void)
{
    const char *f = tmp_path("utimensat-times");
    make_file(f, "", 0);
    struct timespec ts[2] = { { 1000, 123456789 }, { 2000, 987654321 } };
    CHECK_OK(utimensat(AT_FDCWD, f, ts, 0));
    struct stat st;
    CHECK_OK(stat(f, &st));
    CHECK(st.st_atim.tv_sec == 1000 && st.st_atim.tv_nsec == 123456789);
    CHECK(st.st_mtim.tv_sec == 2000 && st.st_mtim.tv_nsec == 987654321);
    CHECK(st.st_ctime > 2000);
    struct timespec om[2] = { { 5, UTIME_OMIT }, { 3000, 0 } };
    CHECK_OK(utimensat(AT_FDCWD, f, om, 0));
    CHECK_OK(stat(f, &st));
    CHECK(st.st_atim.tv_sec == 1000 && st.st_mtim.tv_sec == 3000);
    time_t now = time(NULL);
    struct timespec nw[2] = { { 0, UTIME_NOW }, { 0, UTIME_OMIT } };
    CHECK_OK(utimensat(AT_FDCWD, f, nw, 0));
    CHECK_OK(stat(f, &st));
    CHECK(st.st_atime >= now - 1 && st.st_mtime == 3000);
    CHECK_OK(utimensat(AT_FDCWD, f, NULL, 0));
    CHECK_OK(stat(f, &st));
    CHECK(st.st_mtime >= now - 1);
    return 0;
}
