/* copy_file_range copies between regular files at given offsets (updated, the file
 * positions untouched) or at the file positions (moved); it stops at the input's
 * end, and the output grows. */
#include "guest.h"

int main(void)
{
    const char *a = tmp_path("cfr-a"), *b = tmp_path("cfr-b");
    make_file(a, "0123456789", 10);
    make_file(b, "", 0);
    int in = CHECK_OK(open(a, O_RDONLY));
    int out = CHECK_OK(open(b, O_WRONLY));
    loff_t oi = 2, oo = 4;
    CHECK(syscall(SYS_copy_file_range, in, &oi, out, &oo, 5L, 0) == 5);
    CHECK(oi == 7 && oo == 9);
    CHECK(lseek(in, 0, SEEK_CUR) == 0 && lseek(out, 0, SEEK_CUR) == 0);
    CHECK(syscall(SYS_copy_file_range, in, NULL, out, NULL, 100L, 0) == 10);
    CHECK(lseek(in, 0, SEEK_CUR) == 10 && lseek(out, 0, SEEK_CUR) == 10);
    CHECK(syscall(SYS_copy_file_range, in, NULL, out, NULL, 100L, 0) == 0);
    char buf[16] = { 0 };
    CHECK(pread(CHECK_OK(open(b, O_RDONLY)), buf, sizeof buf, 0) == 10);
    CHECK(memcmp(buf, "0123456789", 10) == 0);
    close(in);
    close(out);
    return 0;
}
