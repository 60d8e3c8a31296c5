/* POSIX record locks between two processes: F_GETLK reports the conflicting lock
 * (type, range, the holder's pid), F_SETLK fails with EAGAIN on a conflict and
 * succeeds on a free range, read locks share; a lock to the end (l_len 0) covers
 * everything after its start. */
#include "guest.h"

static int lk(int fd, int cmd, short type, off_t start, off_t len, struct flock *out)
{
    struct flock fl = { .l_type = type, .l_whence = SEEK_SET, .l_start = start, .l_len = len };
    int r = fcntl(fd, cmd, &fl);
    if (out)
        *out = fl;
    return r;
}

int main(void)
{
    const char *f = tmp_path("fcntl-setlk");
    make_file(f, "", 0);
    int fd = CHECK_OK(open(f, O_RDWR));
    int go[2], done[2];
    CHECK_OK(pipe(go));
    CHECK_OK(pipe(done));
    pid_t pid = fork();
    if (pid == 0) {
        CHECK_OK(lk(fd, F_SETLK, F_WRLCK, 10, 10, NULL));
        CHECK_OK(lk(fd, F_SETLK, F_RDLCK, 100, 0, NULL));
        CHECK(write(go[1], "x", 1) == 1);
        char c;
        CHECK(read(done[0], &c, 1) == 1);
        _exit(0);
    }
    char c;
    CHECK(read(go[0], &c, 1) == 1);
    struct flock fl;
    CHECK_OK(lk(fd, F_GETLK, F_RDLCK, 0, 15, &fl));
    CHECK(fl.l_type == F_WRLCK && fl.l_whence == SEEK_SET && fl.l_start == 10 && fl.l_len == 10);
    CHECK(fl.l_pid == pid);
    CHECK_OK(lk(fd, F_GETLK, F_RDLCK, 0, 10, &fl));
    CHECK(fl.l_type == F_UNLCK);
    CHECK_ERR(lk(fd, F_SETLK, F_RDLCK, 19, 1, NULL), EAGAIN);
    CHECK_OK(lk(fd, F_SETLK, F_WRLCK, 0, 10, NULL));
    CHECK_OK(lk(fd, F_SETLK, F_RDLCK, 1000, 5, NULL));
    CHECK_ERR(lk(fd, F_SETLK, F_WRLCK, 5000, 1, NULL), EAGAIN);
    CHECK_OK(lk(fd, F_GETLK, F_WRLCK, 200, 1, &fl));
    CHECK(fl.l_type == F_RDLCK && fl.l_start == 100 && fl.l_len == 0);
    CHECK(write(done[1], "x", 1) == 1);
    int status;
    CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0);
    CHECK_OK(lk(fd, F_SETLK, F_WRLCK, 0, 0, NULL));
    close(fd);
    return 0;
}
