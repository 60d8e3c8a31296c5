/* A process's record locks split and merge: unlocking the middle of a lock leaves
 * two, adjacent locks of one type merge into one, and a lock of another type over
 * part of one replaces that part.  Another process sees the result with F_GETLK. */
#include "guest.h"

static int fd;

static int lk(int cmd, short type, off_t start, off_t len, struct flock *out)
{
    struct flock fl = { .l_type = type, .l_whence = SEEK_SET, .l_start = start, .l_len = len };
    int r = fcntl(fd, cmd, &fl);
    if (out)
        *out = fl;
    return r;
}

/* From a child: the first lock conflicting with a write lock over [start, start+len). */
static struct flock probe(off_t start, off_t len)
{
    int p[2];
    struct flock fl;
    CHECK_OK(pipe(p));
    pid_t pid = fork();
    if (pid == 0) {
        lk(F_GETLK, F_WRLCK, start, len, &fl);
        _exit(write(p[1], &fl, sizeof fl) == sizeof fl ? 0 : 1);
    }
    CHECK(read(p[0], &fl, sizeof fl) == sizeof fl);
    CHECK(waitpid(pid, NULL, 0) == pid);
    close(p[0]);
    close(p[1]);
    return fl;
}

int main(void)
{
    const char *f = tmp_path("fcntl-split");
    make_file(f, "", 0);
    fd = CHECK_OK(open(f, O_RDWR));
    CHECK_OK(lk(F_SETLK, F_WRLCK, 0, 100, NULL));
    CHECK_OK(lk(F_SETLK, F_UNLCK, 40, 20, NULL));
    struct flock fl = probe(40, 20);
    CHECK(fl.l_type == F_UNLCK);
    fl = probe(50, 100);
    CHECK(fl.l_type == F_WRLCK && fl.l_start == 60 && fl.l_len == 40);
    fl = probe(0, 50);
    CHECK(fl.l_type == F_WRLCK && fl.l_start == 0 && fl.l_len == 40);
    /* Fill the hole with the same type: one lock again. */
    CHECK_OK(lk(F_SETLK, F_WRLCK, 40, 20, NULL));
    fl = probe(0, 1);
    CHECK(fl.l_start == 0 && fl.l_len == 100);
    /* A read lock over the middle splits the write lock in three. */
    CHECK_OK(lk(F_SETLK, F_RDLCK, 30, 10, NULL));
    fl = probe(35, 1);
    CHECK(fl.l_type == F_RDLCK && fl.l_start == 30 && fl.l_len == 10);
    fl = probe(0, 1);
    CHECK(fl.l_type == F_WRLCK && fl.l_start == 0 && fl.l_len == 30);
    fl = probe(40, 1);
    CHECK(fl.l_type == F_WRLCK && fl.l_start == 40 && fl.l_len == 60);
    close(fd);
    return 0;
}
