/* A "#!" script may name another script as its interpreter: five levels work (each
 * level's path goes before the previous arguments), a sixth fails with ELOOP. */
#include "guest.h"
#include <sys/stat.h>
#include <sys/wait.h>

static int interpreter(int argc, char **argv, const char *want)
{
    char got[2048] = "";
    for (int i = 0; i < argc; i++) {
        if (i > 0)
            strcat(got, "|");
        strncat(got, argv[i], sizeof got - strlen(got) - 2);
    }
    if (strcmp(got, want) != 0) {
        fprintf(stderr, "interpreter argv: got \"%s\", want \"%s\"\n", got, want);
        return 1;
    }
    return 0;
}

/* Creates path afresh with mode, so no mode change is needed afterwards. */
static void make_mode(const char *path, const char *text, size_t len, mode_t mode)
{
    unlink(path);
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, mode);
    if (fd < 0 || write(fd, text, len) != (ssize_t)len)
        FAIL("creating %s: %s", path, strerror(errno));
    close(fd);
}

static const char *script[7];

/* Makes script[0..levels-1]: each runs the next, the last runs self. */
static void chain(int levels, const char *self)
{
    char line[256];
    for (int i = 0; i < levels; i++) {
        snprintf(line, sizeof line, "#!%s\n", i + 1 < levels ? script[i + 1] : self);
        make_mode(script[i], line, strlen(line), 0755);
    }
}

static int run(const char *want)
{
    char env[2100];
    snprintf(env, sizeof env, "GUEST_EXPECT=%s", want);
    char *const envp[] = { env, NULL };
    pid_t pid = CHECK_OK(fork());
    if (pid == 0) {
        execve(script[0], (char *const[]){ "zero", "arg", NULL }, envp);
        _exit(100 + errno);
    }
    int status;
    CHECK(waitpid(pid, &status, 0) == pid);
    CHECK(WIFEXITED(status));
    return WEXITSTATUS(status);
}

int main(int argc, char **argv)
{
    const char *want = getenv("GUEST_EXPECT");
    if (want != NULL)
        return interpreter(argc, argv, want);

    for (int i = 0; i < 6; i++) {
        char tag[16];
        snprintf(tag, sizeof tag, "s%d", i);
        script[i] = tmp_path(tag);
    }
    chain(5, argv[0]);
    char expect[2048];
    snprintf(expect, sizeof expect, "%s|%s|%s|%s|%s|%s|arg", argv[0], script[4], script[3],
             script[2], script[1], script[0]);
    int st = run(expect);
    if (st != 0)
        FAIL("five levels: status %d", st);
    chain(6, argv[0]);
    st = run("-");
    if (st != 100 + ELOOP)
        FAIL("six levels: want errno ELOOP, status %d", st);
    return 0;
}
