/* chown without CAP_CHOWN: the owner may "change" the owner to itself and give the
 * file to one of its groups; anything else is EPERM, as is any change by others.
 * ENOENT and EFAULT as for any path. */
#include "guest.h"

static const char *mine, *theirs;

static void user(void)
{
    CHECK_OK(chown(mine, GUEST_UID, -1));
    CHECK_OK(chown(mine, -1, GUEST_GID));
    CHECK_ERR(chown(mine, 0, -1), EPERM);
    CHECK_ERR(chown(mine, -1, 0), EPERM);
    CHECK_ERR(chown(theirs, -1, GUEST_GID), EPERM);
    CHECK_OK(chown(theirs, -1, -1));
}

int main(void)
{
    mine = tmp_path("chown-errors-mine");
    theirs = tmp_path("chown-errors-theirs");
    make_file(mine, "", 0);
    make_file(theirs, "", 0);
    CHECK_OK(chown(mine, GUEST_UID, 0));
    run_as_user(user);
    struct stat st;
    CHECK_OK(stat(mine, &st));
    CHECK(st.st_uid == GUEST_UID && st.st_gid == GUEST_GID);
    CHECK_ERR(chown("/tmp/trellis-surely-missing", 0, 0), ENOENT);
    CHECK_ERR(syscall(SYS_chown, BAD_PTR, 0, 0), EFAULT);
    return 0;
}
