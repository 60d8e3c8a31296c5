/* Supplementary groups count in permission checks: a user whose group list
 * holds a file's group gets the group's bits (read, and search of a
 * directory) where the primary group alone gets the others' (none). */
#include "guest.h"

#define GROUP 4242

static const char *dir, *file;

static void check_as(int with_group)
{
    gid_t g = GROUP;
    struct stat st;

    if (setgroups(with_group ? 1 : 0, &g) != 0 ||
        setresgid(GUEST_GID, GUEST_GID, GUEST_GID) != 0 ||
        setresuid(GUEST_UID, GUEST_UID, GUEST_UID) != 0)
        FAIL("dropping privileges: %s", strerror(errno));
    if (with_group) {
        int fd = CHECK_OK(open(file, O_RDONLY));
        close(fd);
        CHECK_OK(access(file, R_OK));
        CHECK_ERR(access(file, W_OK), EACCES);
        CHECK_ERR(open(file, O_WRONLY), EACCES);
        CHECK_OK(stat(file, &st));
    } else {
        CHECK_ERR(open(file, O_RDONLY), EACCES);
        CHECK_ERR(access(file, R_OK), EACCES);
        CHECK_ERR(stat(file, &st), EACCES);     /* no search on dir */
    }
}

static void with_group(void) { check_as(1); }
static void without_group(void) { check_as(0); }

int main(void)
{
    dir = tmp_path("sgrp");
    CHECK_OK(mkdir(dir, 0750));
    CHECK_OK(chown(dir, 0, GROUP));
    CHECK_OK(chmod(dir, 0750));
    file = tmp_path_in(dir, "f");
    make_file(file, "data", 4);
    CHECK_OK(chown(file, 0, GROUP));
    CHECK_OK(chmod(file, 0640));
    run_in_child(with_group);
    run_in_child(without_group);
    return 0;
}
