/* Any change of a lower object copies it up first, parents before it: a
 * write keeps the old data, chmod/chown/utimensat/truncate/setxattr act on the
 * copy, which keeps mode, owner, times and xattrs; a symlink copies as a
 * symlink; a hard link's source is copied.  The lower files never change. */
#include "ovl.h"

int main(void)
{
    ovl_setup("ovl-copyup");
    CHECK_OK(mkdir(L("a"), 0755));
    CHECK_OK(mkdir(L("a/b"), 0751));
    ovl_old_file(L("a/b/f"), "hello");
    CHECK_OK(chmod(L("a/b/f"), 0640));
    CHECK_OK(chown(L("a/b/f"), 12, 34));
    CHECK_OK(setxattr(L("a/b/f"), "trusted.t", "v", 1, 0));
    ovl_old_file(L("g"), "gg");
    ovl_old_file(L("t"), "0123456789");
    ovl_old_file(L("h"), "hh");
    ovl_old_file(L("x"), "xx");
    CHECK_OK(symlink("target", L("s")));
    ovl_old_file(L("fd"), "fd");
    CHECK_OK(ovl_mount_rw());

    /* Opening for writing copies up; the data is the lower's. */
    int fd = open(M("a/b/f"), O_WRONLY | O_APPEND);
    CHECK(fd >= 0);
    CHECK(write(fd, " world", 6) == 6);
    CHECK_OK(close(fd));
    CHECK(strcmp(ovl_read(M("a/b/f")), "hello world") == 0);
    CHECK(strcmp(ovl_read(U("a/b/f")), "hello world") == 0);
    ovl_lower_intact("a/b/f", "hello");
    struct stat st;
    CHECK_OK(stat(U("a/b"), &st));
    CHECK(S_ISDIR(st.st_mode) && (st.st_mode & 07777) == 0751);
    CHECK_OK(stat(U("a/b/f"), &st));
    CHECK((st.st_mode & 07777) == 0640 && st.st_uid == 12 && st.st_gid == 34);
    char v[8];
    CHECK(getxattr(U("a/b/f"), "trusted.t", v, sizeof v) == 1 && v[0] == 'v');

    /* chmod: the copy keeps the lower's times. */
    CHECK_OK(chmod(M("g"), 0600));
    CHECK_OK(stat(U("g"), &st));
    CHECK((st.st_mode & 07777) == 0600 && st.st_mtime == 1000000000);
    CHECK_OK(stat(M("g"), &st));
    CHECK((st.st_mode & 07777) == 0600);
    ovl_lower_intact("g", "gg");
    CHECK_OK(stat(L("g"), &st));
    CHECK((st.st_mode & 07777) == 0644);

    CHECK_OK(truncate(M("t"), 4));
    CHECK(strcmp(ovl_read(M("t")), "0123") == 0);
    ovl_lower_intact("t", "0123456789");

    struct timespec ts[2] = {{5, 0}, {2000000000, 0}};
    CHECK_OK(utimensat(AT_FDCWD, M("h"), ts, 0));
    CHECK_OK(stat(M("h"), &st));
    CHECK(st.st_mtime == 2000000000);
    ovl_lower_intact("h", "hh");

    CHECK_OK(setxattr(M("x"), "trusted.new", "n", 1, 0));
    CHECK(getxattr(U("x"), "trusted.new", v, sizeof v) == 1);
    CHECK(getxattr(L("x"), "trusted.new", v, sizeof v) < 0);
    ovl_lower_intact("x", "xx");

    /* A symlink copies up as a symlink. */
    CHECK_OK(lchown(M("s"), 7, 7));
    char buf[64];
    ssize_t n = readlink(U("s"), buf, sizeof buf);
    CHECK(n == 6 && memcmp(buf, "target", 6) == 0);
    CHECK_OK(lstat(L("s"), &st));
    CHECK(st.st_uid == 0);

    /* Through a descriptor: fchmod of a lower file opened read-only copies it up;
     * an unlinked upper file changes in place. */
    fd = open(M("fd"), O_RDONLY);
    CHECK(fd >= 0);
    CHECK_OK(fchmod(fd, 0604));
    CHECK_OK(close(fd));
    CHECK_OK(stat(M("fd"), &st));
    CHECK((st.st_mode & 07777) == 0604);
    CHECK_OK(stat(L("fd"), &st));
    CHECK((st.st_mode & 07777) == 0644);
    ovl_lower_intact("fd", "fd");
    fd = open(M("gone"), O_CREAT | O_RDWR, 0644);
    CHECK(fd >= 0);
    CHECK_OK(unlink(M("gone")));
    CHECK_OK(fchmod(fd, 0600));
    CHECK_OK(fstat(fd, &st));
    CHECK((st.st_mode & 07777) == 0600);
    CHECK_OK(close(fd));

    /* A hard link copies its source up; both names are the copy. */
    CHECK_OK(link(M("x"), M("x2")));
    CHECK(strcmp(ovl_read(M("x2")), "xx") == 0);
    struct stat s1, s2;
    CHECK_OK(stat(M("x"), &s1));
    CHECK_OK(stat(M("x2"), &s2));
    CHECK(s1.st_ino == s2.st_ino && s1.st_nlink == 2);
    return 0;
}
