/* A MAP_SHARED file mapping is the file: stores through it are seen by read(2) and by
 * another process mapping the file, writes through write(2) are seen in the mapping,
 * and the data stays after munmap and close. */
#include "guest.h"
#include <sys/mman.h>

int main(void)
{
    const char *path = tmp_path("mmapsh");
    int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
    CHECK(fd >= 0);
    static char zeros[8192];
    CHECK(write(fd, zeros, sizeof zeros) == (ssize_t)sizeof zeros);
    char *m = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    CHECK(m != MAP_FAILED);
    memcpy(m + 4096, "through the map", 15);
    char buf[32];
    CHECK(pread(fd, buf, 15, 4096) == 15 && memcmp(buf, "through the map", 15) == 0);
    CHECK(pwrite(fd, "by write", 8, 100) == 8);
    CHECK(memcmp(m + 100, "by write", 8) == 0);
    pid_t pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        int cfd = open(path, O_RDWR);
        char *c = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, cfd, 4096);
        if (c == MAP_FAILED || memcmp(c, "through the map", 15) != 0)
            _exit(2);
        memcpy(c + 20, "child", 5);
        _exit(0);
    }
    int status;
    CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0);
    CHECK(memcmp(m + 4096 + 20, "child", 5) == 0);
    CHECK_OK(munmap(m, 8192));
    CHECK_OK(close(fd));
    fd = open(path, O_RDONLY);
    CHECK(fd >= 0);
    CHECK(pread(fd, buf, 5, 4096 + 20) == 5 && memcmp(buf, "child", 5) == 0);
    close(fd);
    return 0;
}
