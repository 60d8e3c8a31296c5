/* F_SETFL may add O_NOATIME only for the file's owner (EPERM for others), and then
 * reads leave the atime alone. */
#include "guest.h"

static const char *theirs, *mine;

static void user(void)
{
    int fd = CHECK_OK(open(theirs, O_RDONLY));
    CHECK_ERR(fcntl(fd, F_SETFL, O_NOATIME), EPERM);
    CHECK_ERR(open(theirs, O_RDONLY | O_NOATIME), EPERM);
    int m = CHECK_OK(open(mine, O_RDONLY));
    CHECK_OK(fcntl(m, F_SETFL, O_NOATIME));
    CHECK((fcntl(m, F_GETFL) & O_NOATIME) != 0);
    char c;
    CHECK(read(m, &c, 1) == 1);
    struct stat st;
    CHECK_OK(fstat(m, &st));
    CHECK(st.st_atime == 1000);
    close(fd);
    close(m);
}

int main(void)
{
    theirs = tmp_path("noatime-theirs");
    mine = tmp_path("noatime-mine");
    make_file(theirs, "x", 1);
    make_file(mine, "x", 1);
    CHECK_OK(chmod(theirs, 0644));
    CHECK_OK(chmod(mine, 0644));
    CHECK_OK(chown(mine, GUEST_UID, GUEST_GID));
    struct timespec ts[2] = { { 1000, 0 }, { 2000, 0 } };
    CHECK_OK(utimensat(AT_FDCWD, mine, ts, 0));
    run_as_user(user);
    return 0;
}
