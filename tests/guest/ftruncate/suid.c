/* ftruncate by a user without CAP_FSETID drops set-user-ID, and set-group-ID
 * with group execute, as a write would. */
#include "guest.h"

static const char *f;

static void user(void)
{
    int fd = CHECK_OK(open(f, O_RDWR));
    CHECK_OK(ftruncate(fd, 1));
    struct stat st;
    CHECK_OK(fstat(fd, &st));
    CHECK((st.st_mode & 07777) == 0777);
    close(fd);
}

int main(void)
{
    f = tmp_path("ftruncate-suid");
    make_file(f, "abc", 3);
    CHECK_OK(chmod(f, 06777));
    run_as_user(user);
    return 0;
}
