/* After chdir into a directory, getcwd names it and relative paths resolve in it. */
#include "guest.h"

int main(void)
{
    const char *dir = tmp_path("chdir");
    CHECK_OK(mkdir(dir, 0755));
    make_file(tmp_path_in(dir, "here"), "ok", 2);
    CHECK_OK(chdir(dir));
    char buf[256];
    CHECK(getcwd(buf, sizeof buf) != NULL);
    CHECK(strcmp(buf, dir) == 0);
    int fd = CHECK_OK(open("here", O_RDONLY));
    close(fd);
    CHECK_OK(chdir(".."));
    CHECK(getcwd(buf, sizeof buf) != NULL);
    CHECK(strcmp(buf, "/tmp") == 0);
    return 0;
}
