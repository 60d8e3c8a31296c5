/* Descriptors survive fork sharing their open file: an offset the child moves is the
 * parent's offset too. */
#include "guest.h"
#include <sys/wait.h>

int main(void)
{
    const char *path = tmp_path("forkfd");
    make_file(path, "0123456789", 10);
    int fd = CHECK_OK(open(path, O_RDONLY));

    pid_t pid = CHECK_OK(fork());
    if (pid == 0) {
        char buf[4];
        _exit(read(fd, buf, 4) == 4 && memcmp(buf, "0123", 4) == 0 ? 0 : 2);
    }
    int status;
    CHECK(waitpid(pid, &status, 0) == pid);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    CHECK(lseek(fd, 0, SEEK_CUR) == 4);
    char c;
    CHECK(read(fd, &c, 1) == 1 && c == '4');
    close(fd);
    return 0;
}
