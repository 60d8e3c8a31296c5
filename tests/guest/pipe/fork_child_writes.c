/* A forked child writes into the pipe (more than fits at once, so the writer blocks) and
 * exits; the parent, having closed its write end, reads it all, then sees EOF. */
#include "guest.h"
#include <sys/wait.h>

#define TOTAL (256 * 1024)

int main(void)
{
    int p[2], status;
    static char buf[8192];
    long got = 0, n;
    CHECK_OK(pipe(p));
    pid_t pid = CHECK_OK(fork());
    if (pid == 0) {
        close(p[0]);
        for (long i = 0; i < TOTAL; i += (long)sizeof buf) {
            for (size_t j = 0; j < sizeof buf; j++)
                buf[j] = (char)((i + (long)j) % 251);
            for (size_t off = 0; off < sizeof buf;) {
                n = write(p[1], buf + off, sizeof buf - off);
                if (n <= 0)
                    _exit(2);
                off += (size_t)n;
            }
        }
        _exit(0);
    }
    close(p[1]);
    while ((n = CHECK_OK(read(p[0], buf, sizeof buf))) > 0) {
        for (long j = 0; j < n; j++)
            if (buf[j] != (char)((got + j) % 251))
                FAIL("byte %ld differs", got + j);
        got += n;
    }
    CHECK(got == TOTAL);
    CHECK(waitpid(pid, &status, 0) == pid);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    close(p[0]);
    return 0;
}
