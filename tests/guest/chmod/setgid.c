/* chmod by an owner who is not in the file's group drops the set-group-ID bit
 * silently; in the group, it keeps it. */
#include "guest.h"

static const char *f, *g;

static void user(void)
{
    struct stat st;
    CHECK_OK(chmod(f, 02755));
    CHECK_OK(stat(f, &st));
    CHECK((st.st_mode & 07777) == 0755);
    CHECK_OK(chmod(g, 02755));
    CHECK_OK(stat(g, &st));
    CHECK((st.st_mode & 07777) == 02755);
}

int main(void)
{
    f = tmp_path("chmod-sgid-f");
    g = tmp_path("chmod-sgid-g");
    make_file(f, "", 0);
    make_file(g, "", 0);
    CHECK_OK(chown(f, GUEST_UID, 0));
    CHECK_OK(chown(g, GUEST_UID, GUEST_GID));
    run_as_user(user);
    return 0;
}
