/* mknodat(S_IFIFO) makes a named pipe (fifo(7)): stat says S_IFIFO with the mode less the
 * umask; a non-blocking reader opens at once, a non-blocking writer without a reader is
 * ENXIO and with one succeeds; a blocking reader waits for a writer (a child here); bytes
 * pass in order and the reader sees end of file when the writer closes; O_RDWR never waits;
 * the name stays, empty, after the last close. */
#include "guest.h"
#include <sys/stat.h>

int main(void)
{
    const char *path = tmp_path("fifo");    /* natively, glibc's and musl's run at once */
    struct stat st;
    char buf[16];

    umask(022);
    unlink(path);
    CHECK_OK(mknodat(AT_FDCWD, path, S_IFIFO | 0666, 0));
    CHECK_OK(stat(path, &st));
    CHECK(S_ISFIFO(st.st_mode) && (st.st_mode & 07777) == 0644);
    CHECK(mknodat(AT_FDCWD, path, S_IFIFO | 0600, 0) == -1 && errno == EEXIST);

    CHECK(open(path, O_WRONLY | O_NONBLOCK) == -1 && errno == ENXIO);
    int rd = CHECK_OK(open(path, O_RDONLY | O_NONBLOCK));
    int wr = CHECK_OK(open(path, O_WRONLY | O_NONBLOCK));
    CHECK(write(wr, "abc", 3) == 3);
    CHECK(read(rd, buf, sizeof buf) == 3 && memcmp(buf, "abc", 3) == 0);
    CHECK(read(rd, buf, sizeof buf) == -1 && errno == EAGAIN);
    CHECK_OK(fstat(rd, &st));
    CHECK(S_ISFIFO(st.st_mode));
    CHECK(lseek(rd, 0, SEEK_CUR) == -1 && errno == ESPIPE);
    close(wr);
    CHECK(read(rd, buf, sizeof buf) == 0);          /* no writer: end of file */
    close(rd);

    /* A blocking reader waits until the child opens for writing. */
    pid_t pid = CHECK_OK(fork());
    if (pid == 0) {
        int w = open(path, O_WRONLY);
        if (w < 0 || write(w, "hello", 5) != 5)
            _exit(1);
        _exit(0);
    }
    rd = CHECK_OK(open(path, O_RDONLY));
    size_t got = 0;
    ssize_t n;
    while ((n = read(rd, buf + got, sizeof buf - got)) > 0)
        got += (size_t)n;
    CHECK(n == 0 && got == 5 && memcmp(buf, "hello", 5) == 0);
    close(rd);
    int status;
    CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0);

    int rw = CHECK_OK(open(path, O_RDWR));           /* both ends: never waits */
    CHECK(write(rw, "x", 1) == 1 && read(rw, buf, 1) == 1 && buf[0] == 'x');
    close(rw);
    CHECK_OK(stat(path, &st));
    CHECK(S_ISFIFO(st.st_mode) && st.st_size == 0);
    CHECK_OK(unlink(path));
    return 0;
}
