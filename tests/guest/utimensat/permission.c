/* utimensat permissions: setting explicit times needs the owner or CAP_FOWNER
 * (EPERM), UTIME_NOW with UTIME_OMIT counts as explicit; setting both to now is
 * also allowed with write permission (EACCES without it). */
#include "guest.h"

static const char *writable, *readonly, *mine;

static void user(void)
{
    struct timespec ts[2] = { { 10, 0 }, { 20, 0 } };
    struct timespec nows[2] = { { 0, UTIME_NOW }, { 0, UTIME_NOW } };
    struct timespec half[2] = { { 0, UTIME_NOW }, { 0, UTIME_OMIT } };
    CHECK_ERR(utimensat(AT_FDCWD, writable, ts, 0), EPERM);
    CHECK_ERR(utimensat(AT_FDCWD, writable, half, 0), EPERM);
    CHECK_OK(utimensat(AT_FDCWD, writable, NULL, 0));
    CHECK_OK(utimensat(AT_FDCWD, writable, nows, 0));
    CHECK_ERR(utimensat(AT_FDCWD, readonly, NULL, 0), EACCES);
    CHECK_ERR(utimensat(AT_FDCWD, readonly, ts, 0), EPERM);
    CHECK_OK(utimensat(AT_FDCWD, mine, ts, 0));
}

int main(void)
{
    writable = tmp_path("utimensat-perm-w");
    readonly = tmp_path("utimensat-perm-r");
    mine = tmp_path("utimensat-perm-m");
    make_file(writable, "", 0);
    make_file(readonly, "", 0);
    make_file(mine, "", 0);
    CHECK_OK(chmod(writable, 0666));
    CHECK_OK(chmod(readonly, 0644));
    CHECK_OK(chmod(mine, 0400));
    CHECK_OK(chown(mine, GUEST_UID, GUEST_GID));
    run_as_user(user);
    struct stat st;
    CHECK_OK(stat(mine, &st));
    CHECK(st.st_atime == 10 && st.st_mtime == 20);
    return 0;
}
