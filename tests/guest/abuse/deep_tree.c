/* guest-test: libc=glibc */
/* A directory tree 10,000 levels deep, built and entered with *at()
 * calls: at the bottom getcwd fails with ENAMETOOLONG (the path is longer
 * than a page), a relative path of 4096 bytes or more fails with
 * ENAMETOOLONG while one just under works, and the tree comes apart
 * again climbing with "..". */
#include "guest.h"

#define DEPTH 10000

int main(void)
{
    const char *top = shm_path("deep");
    char cwd[16384], path[8192];
    struct stat st;
    int i, fd, nfd;

    CHECK_OK(mkdir(top, 0755));
    fd = CHECK_OK(open(top, O_RDONLY | O_DIRECTORY));
    for (i = 0; i < DEPTH; i++) {
        CHECK_OK(mkdirat(fd, "d", 0755));
        nfd = CHECK_OK(openat(fd, "d", O_RDONLY | O_DIRECTORY));
        CHECK_OK(close(fd));
        fd = nfd;
    }
    CHECK_OK(fchdir(fd));
    CHECK_OK(close(fd));
    CHECK_ERR(syscall(SYS_getcwd, cwd, sizeof cwd), ENAMETOOLONG);

    /* "../" * 1365 is 4095 bytes with the NUL: it names a directory. */
    for (i = 0; i < 1365; i++)
        memcpy(path + 3 * i, "../", 3);
    path[3 * 1365 - 1] = '\0';
    CHECK_OK(stat(path, &st));
    CHECK(S_ISDIR(st.st_mode));
    /* One more component reaches 4096 bytes: too long. */
    memcpy(path + 3 * 1365 - 1, "/..", 4);
    CHECK_ERR(stat(path, &st), ENAMETOOLONG);
    CHECK_ERR(open(path, O_RDONLY), ENAMETOOLONG);
    CHECK_ERR(mkdir(path, 0755), ENAMETOOLONG);

    for (i = 0; i < DEPTH; i++) {
        CHECK_OK(chdir(".."));
        CHECK_OK(rmdir("d"));
    }
    CHECK_OK(stat(".", &st));
    CHECK(st.st_nlink == 2);
    CHECK_OK(chdir("/"));
    CHECK_OK(rmdir(top));
    return 0;
}
