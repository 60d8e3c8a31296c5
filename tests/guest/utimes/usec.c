/* utimes takes microseconds: they become nanoseconds, and a value outside
 * [0, 999999] is EINVAL; NULL means now. */
#include "guest.h"
#include <sys/time.h>

int main(void)
{
    const char *f = tmp_path("utimes");
    make_file(f, "", 0);
    struct timeval tv[2] = { { 1000, 5 }, { 2000, 999999 } };
    CHECK_OK(utimes(f, tv));
    struct stat st;
    CHECK_OK(stat(f, &st));
    CHECK(st.st_atim.tv_sec == 1000 && st.st_atim.tv_nsec == 5000);
    CHECK(st.st_mtim.tv_sec == 2000 && st.st_mtim.tv_nsec == 999999000);
    struct timeval bad[2] = { { 1, 1000000 }, { 2, 0 } };
    CHECK_ERR(syscall(SYS_utimes, f, bad), EINVAL);
    bad[0].tv_usec = -1;
    CHECK_ERR(syscall(SYS_utimes, f, bad), EINVAL);
    CHECK_OK(syscall(SYS_utimes, f, NULL));
    CHECK_OK(stat(f, &st));
    CHECK(st.st_mtime > 2000);
    CHECK_ERR(syscall(SYS_utimes, "/tmp/trellis-surely-missing", NULL), ENOENT);
    return 0;
}
