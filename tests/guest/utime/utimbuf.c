/* utime sets whole seconds from a struct utimbuf (nanoseconds zero), or now for
 * NULL; EFAULT for an unmapped buffer. */
#include "guest.h"
#include <utime.h>

int main(void)
{
    const char *f = tmp_path("utime");
    make_file(f, "", 0);
    struct utimbuf ub = { 1234, 5678 };
    CHECK_OK(syscall(SYS_utime, f, &ub));
    struct stat st;
    CHECK_OK(stat(f, &st));
    CHECK(st.st_atim.tv_sec == 1234 && st.st_atim.tv_nsec == 0);
    CHECK(st.st_mtim.tv_sec == 5678 && st.st_mtim.tv_nsec == 0);
    CHECK_OK(syscall(SYS_utime, f, NULL));
    CHECK_OK(stat(f, &st));
    CHECK(st.st_mtime > 5678);
    CHECK_ERR(syscall(SYS_utime, f, BAD_PTR), EFAULT);
    return 0;
}
