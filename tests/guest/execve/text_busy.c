/* A program file that a process runs cannot be opened for writing or truncated (ETXTBSY), and
 * is untouched by the attempts; once the process has gone, it can.  A copy of this test is the
 * program: run with "hold", it says so on stdout and waits for stdin's end. */
#include "guest.h"
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>

static void copy_self(const char *to)
{
    char buf[65536];
    int in = CHECK_OK(open("/proc/self/exe", O_RDONLY));
    int out = CHECK_OK(open(to, O_WRONLY | O_CREAT | O_EXCL, 0755));
    ssize_t n;

    while ((n = CHECK_OK(read(in, buf, sizeof(buf)))) > 0)
        CHECK(write(out, buf, (size_t)n) == n);
    CHECK_OK(close(in));
    CHECK_OK(close(out));
}

int main(int argc, char **argv)
{
    if (argc == 2 && strcmp(argv[1], "hold") == 0) {
        char c;
        CHECK(write(1, "r", 1) == 1);
        while (read(0, &c, 1) > 0)
            ;
        return 0;
    }
    const char *prog = tmp_path("text-busy");
    struct stat before, after;
    int to_child[2], from_child[2];
    char c;

    copy_self(prog);
    CHECK_OK(stat(prog, &before));
    CHECK_OK(pipe(to_child));
    CHECK_OK(pipe(from_child));
    pid_t pid = CHECK_OK(fork());
    if (pid == 0) {
        dup2(to_child[0], 0);
        dup2(from_child[1], 1);
        close(to_child[1]);
        close(from_child[0]);
        execl(prog, argv[0], "hold", (char *)NULL);    /* argv[0] names the test */
        _exit(100 + errno);
    }
    CHECK_OK(close(to_child[0]));
    CHECK_OK(close(from_child[1]));
    CHECK(read(from_child[0], &c, 1) == 1 && c == 'r');    /* it runs */

    CHECK_ERR(open(prog, O_WRONLY), ETXTBSY);
    CHECK_ERR(open(prog, O_RDWR | O_TRUNC), ETXTBSY);
    CHECK_ERR(truncate(prog, 0), ETXTBSY);
    int rd = CHECK_OK(open(prog, O_RDONLY));    /* reading is fine */
    CHECK_OK(close(rd));
    CHECK_OK(stat(prog, &after));
    CHECK(after.st_size == before.st_size);

    CHECK_OK(close(to_child[1]));                   /* let it go */
    int status;
    CHECK(waitpid(pid, &status, 0) == pid);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    int wr = CHECK_OK(open(prog, O_WRONLY | O_TRUNC));
    CHECK_OK(close(wr));
    CHECK_OK(stat(prog, &after));
    CHECK(after.st_size == 0);
    return 0;
}
