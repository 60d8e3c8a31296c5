/* A MAP_PRIVATE file mapping reads the file, but stores through it stay private: the
 * file and other mappings do not see them; a page not yet written still shows later
 * changes to the file, as Linux's page cache does. */
#include "guest.h"
#include <sys/mman.h>

int main(void)
{
    const char *path = tmp_path("mmappriv");
    int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
    CHECK(fd >= 0);
    static char page[8192];
    memset(page, 'a', sizeof page);
    CHECK(write(fd, page, sizeof page) == (ssize_t)sizeof page);
    char *p = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
    char *s = mmap(NULL, 8192, PROT_READ, MAP_SHARED, fd, 0);
    CHECK(p != MAP_FAILED && s != MAP_FAILED);
    CHECK(p[0] == 'a' && p[8191] == 'a');
    p[0] = 'P';
    char c;
    CHECK(pread(fd, &c, 1, 0) == 1 && c == 'a');
    CHECK(s[0] == 'a');
    /* The second page was only read: the file's change shows through. */
    CHECK(pwrite(fd, "W", 1, 4096) == 1);
    CHECK(p[4096] == 'W');
    CHECK(pwrite(fd, "X", 1, 0) == 1);
    CHECK(p[0] == 'P' && s[0] == 'X');
    /* A child gets the private page as it was, copy-on-write. */
    pid_t pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        if (p[0] != 'P')
            _exit(2);
        p[1] = 'c';
        _exit(0);
    }
    int status;
    CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0);
    CHECK(p[1] == 'a');
    CHECK(pread(fd, &c, 1, 1) == 1 && c == 'a');
    return 0;
}
