/* rename needs write and search permission on both parents (EACCES); in a sticky
 * directory only the owner of the entry or of the directory may move it away or
 * replace it (EPERM); and moving a directory to another parent needs write
 * permission on the directory itself, to update its "..". */
#include "guest.h"

static const char *sticky, *locked, *mine, *theirs, *dir, *dest;

static void user(void)
{
    char to[160];
    snprintf(to, sizeof to, "%s/moved", sticky);
    CHECK_ERR(rename(theirs, to), EPERM);
    CHECK_ERR(rename(mine, theirs), EPERM);
    CHECK_OK(rename(mine, to));
    CHECK_OK(rename(to, mine));
    snprintf(to, sizeof to, "%s/x", locked);
    CHECK_ERR(rename(mine, to), EACCES);
    snprintf(to, sizeof to, "%s/d2", dest);
    CHECK_ERR(rename(dir, to), EACCES);
}

int main(void)
{
    sticky = tmp_path("rename-sticky");
    locked = tmp_path("rename-sticky-locked");
    dest = tmp_path("rename-sticky-dest");
    CHECK_OK(mkdir(sticky, 0755));
    CHECK_OK(chmod(sticky, 01777));
    CHECK_OK(mkdir(locked, 0755));
    CHECK_OK(mkdir(dest, 0755));
    CHECK_OK(chmod(dest, 0777));
    theirs = tmp_path_in(sticky, "theirs");
    mine = tmp_path_in(sticky, "mine");
    dir = tmp_path_in(sticky, "dir");
    make_file(theirs, "", 0);
    make_file(mine, "", 0);
    CHECK_OK(chown(mine, GUEST_UID, GUEST_GID));
    CHECK_OK(mkdir(dir, 0755));
    CHECK_OK(chown(dir, GUEST_UID, GUEST_GID));
    CHECK_OK(chmod(dir, 0555));
    run_as_user(user);
    return 0;
}
