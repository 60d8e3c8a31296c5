/* A flock lock lives as long as its open file description: closing a dup of it
 * keeps the lock, closing the last descriptor releases it; a forked child shares
 * it and its exit does not release it either. */
#include "guest.h"
#include <sys/file.h>

int main(void)
{
    const char *f = tmp_path("flock-close");
    make_file(f, "", 0);
    int a = CHECK_OK(open(f, O_RDONLY));
    int b = CHECK_OK(open(f, O_RDONLY));
    int a2 = CHECK_OK(dup(a));
    CHECK_OK(flock(a, LOCK_EX));
    close(a2);
    CHECK_ERR(flock(b, LOCK_EX | LOCK_NB), EWOULDBLOCK);
    pid_t pid = fork();
    if (pid == 0) {
        close(a);
        _exit(flock(b, LOCK_EX | LOCK_NB) == -1 && errno == EWOULDBLOCK ? 0 : 1);
    }
    int status;
    CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0);
    CHECK_ERR(flock(b, LOCK_EX | LOCK_NB), EWOULDBLOCK);
    close(a);
    CHECK_OK(flock(b, LOCK_EX | LOCK_NB));
    close(b);
    return 0;
}
