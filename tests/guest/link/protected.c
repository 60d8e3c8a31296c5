/* With fs.protected_hardlinks (on in Linux distributions), a user may hard-link a
 * file of another owner only if it is regular, not set-user-ID, and both readable
 * and writable by that user (EPERM otherwise); the parent wants write permission
 * (EACCES). */
#include "guest.h"

static const char *dir, *rw, *ro, *suid, *locked;

static void user(void)
{
    char to[160];
    snprintf(to, sizeof to, "%s/l1", dir);
    CHECK_OK(link(rw, to));
    snprintf(to, sizeof to, "%s/l2", dir);
    CHECK_ERR(link(ro, to), EPERM);
    CHECK_ERR(link(suid, to), EPERM);
    snprintf(to, sizeof to, "%s/l3", locked);
    CHECK_ERR(link(rw, to), EACCES);
}

int main(void)
{
    dir = tmp_path("link-prot");
    locked = tmp_path("link-prot-locked");
    CHECK_OK(mkdir(dir, 0777));
    CHECK_OK(chmod(dir, 0777));
    CHECK_OK(mkdir(locked, 0755));
    rw = tmp_path_in(dir, "rw");
    ro = tmp_path_in(dir, "ro");
    suid = tmp_path_in(dir, "suid");
    tmp_path_in(dir, "l1");
    make_file(rw, "", 0);
    make_file(ro, "", 0);
    make_file(suid, "", 0);
    CHECK_OK(chmod(rw, 0666));
    CHECK_OK(chmod(ro, 0644));
    CHECK_OK(chmod(suid, 04777));
    run_as_user(user);
    return 0;
}
