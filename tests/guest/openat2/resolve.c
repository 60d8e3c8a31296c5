/* openat2's resolve flags: RESOLVE_NO_SYMLINKS refuses any symlink it would
 * follow (ELOOP) but lets O_PATH|O_NOFOLLOW open one; RESOLVE_BENEATH refuses
 * absolute paths, ".." above dirfd and absolute symlinks (EXDEV); RESOLVE_IN_ROOT
 * treats dirfd as the root for "/", ".." and absolute symlinks alike. */
#include "guest.h"

#ifndef SYS_openat2
#define SYS_openat2 437
#endif
struct how { uint64_t flags, mode, resolve; };
#define NO_SYMLINKS 0x04
#define BENEATH 0x08
#define IN_ROOT 0x10

static int dfd;

static long o2(const char *p, uint64_t flags, uint64_t resolve)
{
    struct how h = { flags, 0, resolve };
    return syscall(SYS_openat2, dfd, p, &h, sizeof h);
}

static void same(long fd, const char *path)
{
    struct stat a, b;
    CHECK(fd >= 0);
    CHECK_OK(fstat((int)fd, &a));
    CHECK_OK(stat(path, &b));
    CHECK(a.st_ino == b.st_ino);
    close((int)fd);
}

int main(void)
{
    const char *d = tmp_path("openat2-resolve");
    CHECK_OK(mkdir(d, 0755));
    const char *sub = tmp_path_in(d, "sub"), *f = tmp_path_in(d, "f");
    const char *rel = tmp_path_in(d, "rel"), *abs = tmp_path_in(d, "abs");
    const char *up = tmp_path_in(d, "up");
    CHECK_OK(mkdir(sub, 0755));
    make_file(f, "", 0);
    CHECK_OK(symlink("f", rel));
    CHECK_OK(symlink("/f", abs));
    CHECK_OK(symlink("../..", up));
    dfd = CHECK_OK(open(d, O_PATH | O_DIRECTORY));
    CHECK_ERR(o2("rel", O_RDONLY, NO_SYMLINKS), ELOOP);
    CHECK_ERR(o2("rel/", O_RDONLY, NO_SYMLINKS), ELOOP);
    long fd = o2("rel", O_PATH | O_NOFOLLOW, NO_SYMLINKS);
    CHECK(fd >= 0);
    close((int)fd);
    same(o2("sub/../f", O_RDONLY, BENEATH), f);
    CHECK_ERR(o2("/tmp", O_RDONLY, BENEATH), EXDEV);
    CHECK_ERR(o2("../x", O_RDONLY, BENEATH), EXDEV);
    CHECK_ERR(o2("sub/../../x", O_RDONLY, BENEATH), EXDEV);
    CHECK_ERR(o2("abs", O_RDONLY, BENEATH), EXDEV);
    CHECK_ERR(o2("up", O_RDONLY, BENEATH), EXDEV);
    same(o2("rel", O_RDONLY, BENEATH), f);
    same(o2("/f", O_RDONLY, IN_ROOT), f);
    same(o2("../../f", O_RDONLY, IN_ROOT), f);
    same(o2("abs", O_RDONLY, IN_ROOT), f);
    same(o2("up", O_RDONLY | O_DIRECTORY, IN_ROOT), d);
    same(o2("f", O_RDONLY, 0x01 | 0x02), f);
    close(dfd);
    return 0;
}
