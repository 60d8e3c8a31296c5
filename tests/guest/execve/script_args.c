/* execve of a "#!" script runs its interpreter with argv = { interpreter, the optional
 * argument (the rest of the line, spaces and all, one string), the script's path as
 * passed, argv[1..] }; blanks around the path are skipped; the name (comm) is the
 * script's.  The interpreter here is this very program, which checks its argv against
 * GUEST_EXPECT ("|"-separated) and exits 0 when they match. */
#include "guest.h"
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>

static int interpreter(int argc, char **argv, const char *want)
{
    char got[1024] = "";
    for (int i = 0; i < argc; i++) {
        if (i > 0)
            strcat(got, "|");
        strncat(got, argv[i], sizeof got - strlen(got) - 2);
    }
    if (strcmp(got, want) != 0) {
        fprintf(stderr, "interpreter argv: got \"%s\", want \"%s\"\n", got, want);
        return 1;
    }
    const char *comm = getenv("GUEST_COMM");
    char name[16];
    if (comm != NULL && (prctl(PR_GET_NAME, name, 0, 0, 0) != 0 || strcmp(name, comm) != 0)) {
        fprintf(stderr, "comm: got \"%s\", want \"%s\"\n", name, comm);
        return 2;
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

/* Writes script holding line, runs it with argv, and checks the interpreter's view. */
static void run(const char *script, const char *line, char *const argv[], const char *want,
                const char *comm)
{
    char env_want[1200], env_comm[64];
    snprintf(env_want, sizeof env_want, "GUEST_EXPECT=%s", want);
    snprintf(env_comm, sizeof env_comm, "GUEST_COMM=%s", comm);
    char *const envp[] = { env_want, env_comm, NULL };
    make_mode(script, line, strlen(line), 0755);
    pid_t pid = CHECK_OK(fork());
    if (pid == 0) {
        execve(script, argv, envp);
        _exit(100 + errno);
    }
    int status;
    CHECK(waitpid(pid, &status, 0) == pid);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        FAIL("script \"%s\": status %#x", line, status);
}

int main(int argc, char **argv)
{
    const char *want = getenv("GUEST_EXPECT");
    if (want != NULL)
        return interpreter(argc, argv, want);

    const char *self = argv[0];
    const char *script = tmp_path("script");
    const char *base = strrchr(script, '/') + 1;
    char line[512], expect[1024], comm[16];
    snprintf(comm, sizeof comm, "%s", base);

    snprintf(line, sizeof line, "#!%s\necho not a shell\n", self);
    snprintf(expect, sizeof expect, "%s|%s|one|two", self, script);
    run(script, line, (char *const[]){ "ignored-argv0", "one", "two", NULL }, expect, comm);

    snprintf(line, sizeof line, "#! \t%s  -x  y \t\n", self);
    snprintf(expect, sizeof expect, "%s|-x  y|%s", self, script);
    run(script, line, (char *const[]){ "zero", NULL }, expect, comm);

    snprintf(line, sizeof line, "#!%s\t-e", self);      /* no newline at all */
    snprintf(expect, sizeof expect, "%s|-e|%s|a", self, script);
    run(script, line, (char *const[]){ "zero", "a", NULL }, expect, comm);

    /* A line longer than 255 bytes: the argument is cut at byte 255. */
    int n = snprintf(line, sizeof line, "#!%s ", self);
    memset(line + n, 'a', 300);
    strcpy(line + n + 300, "\n");
    snprintf(expect, sizeof expect, "%s|%.*s|%s", self, 255 - n, line + n, script);
    run(script, line, (char *const[]){ "zero", NULL }, expect, comm);
    return 0;
}
