/* getdents64 lists ".", ".." and every file of a directory exactly once, with types. */
#include "guest.h"
#include <dirent.h>
#include <stdint.h>

struct linux_dirent64 {
    uint64_t d_ino;
    int64_t d_off;
    unsigned short d_reclen;
    unsigned char d_type;
    char d_name[];
};

int main(void)
{
    const char *dir = tmp_path("getdents");
    CHECK_OK(mkdir(dir, 0755));
    make_file(tmp_path_in(dir, "alpha"), "a", 1);
    make_file(tmp_path_in(dir, "beta"), "b", 1);
    CHECK_OK(mkdir(tmp_path_in(dir, "gamma"), 0755));
    int fd = CHECK_OK(open(dir, O_RDONLY | O_DIRECTORY));
    int dot = 0, dotdot = 0, alpha = 0, beta = 0, gamma = 0, ok_type = 1;
    char buf[4096] __attribute__((aligned(8)));
    for (;;) {
        long n = CHECK_OK(syscall(SYS_getdents64, fd, buf, sizeof buf));
        if (n == 0)
            break;
        for (long off = 0; off < n;) {
            struct linux_dirent64 *d = (struct linux_dirent64 *)(buf + off);
            CHECK(d->d_reclen > 0 && d->d_reclen % 8 == 0);
            CHECK(d->d_ino != 0);
            if (strcmp(d->d_name, ".") == 0)
                dot++;
            else if (strcmp(d->d_name, "..") == 0)
                dotdot++;
            else if (strcmp(d->d_name, "alpha") == 0)
                alpha++, ok_type &= d->d_type == DT_REG;
            else if (strcmp(d->d_name, "beta") == 0)
                beta++, ok_type &= d->d_type == DT_REG;
            else if (strcmp(d->d_name, "gamma") == 0)
                gamma++, ok_type &= d->d_type == DT_DIR;
            else
                FAIL("unexpected entry %s", d->d_name);
            off += d->d_reclen;
        }
    }
    CHECK(dot == 1 && dotdot == 1 && alpha == 1 && beta == 1 && gamma == 1);
    CHECK(ok_type);
    close(fd);
    return 0;
}
