/* guest-test: libc=glibc */
/* 100,000 files in one directory: each is made once (a second O_EXCL
 * create fails with EEXIST), found by name, listed exactly once by
 * getdents64 with the directory's "." and "..", and removed again, after
 * which the directory is empty and goes. */
#include "guest.h"
#include <dirent.h>

#define N 100000

static unsigned char seen[N];

static void name_of(char *buf, size_t len, int i)
{
    snprintf(buf, len, "file-%06d", i);
}

int main(void)
{
    const char *dir = shm_path("many");
    char name[32], buf[32768];
    struct stat st;
    long n;
    int i, dfd, fd, count = 0, dots = 0;

    CHECK_OK(mkdir(dir, 0755));
    dfd = CHECK_OK(open(dir, O_RDONLY | O_DIRECTORY));
    for (i = 0; i < N; i++) {
        name_of(name, sizeof name, i);
        fd = CHECK_OK(openat(dfd, name, O_CREAT | O_EXCL | O_WRONLY, 0600));
        CHECK_OK(close(fd));
    }
    for (i = 0; i < N; i += 4999) {
        name_of(name, sizeof name, i);
        CHECK_ERR(openat(dfd, name, O_CREAT | O_EXCL | O_WRONLY, 0600), EEXIST);
        CHECK_OK(fstatat(dfd, name, &st, 0));
        CHECK(S_ISREG(st.st_mode) && st.st_size == 0);
    }
    CHECK_ERR(fstatat(dfd, "file-100000", &st, 0), ENOENT);
    while ((n = syscall(SYS_getdents64, dfd, buf, sizeof buf)) > 0) {
        for (long off = 0; off < n;) {
            struct dirent64 *d = (struct dirent64 *)(buf + off);
            off += d->d_reclen;
            if (strcmp(d->d_name, ".") == 0 || strcmp(d->d_name, "..") == 0) {
                dots++;
                continue;
            }
            CHECK(strncmp(d->d_name, "file-", 5) == 0);
            i = atoi(d->d_name + 5);
            CHECK(i >= 0 && i < N && !seen[i]);
            seen[i] = 1;
            count++;
        }
    }
    CHECK(n == 0);
    CHECK(count == N && dots == 2);
    CHECK_OK(fstat(dfd, &st));
    CHECK(st.st_nlink == 2);
    CHECK_ERR(rmdir(dir), ENOTEMPTY);
    for (i = N - 1; i >= 0; i--) {
        name_of(name, sizeof name, i);
        CHECK_OK(unlinkat(dfd, name, 0));
    }
    CHECK_OK(lseek(dfd, 0, SEEK_SET));
    n = CHECK_OK(syscall(SYS_getdents64, dfd, buf, sizeof buf));
    CHECK(n > 0 && n <= 2 * 32);    /* "." and ".." alone */
    CHECK_OK(close(dfd));
    CHECK_OK(rmdir(dir));
    return 0;
}
