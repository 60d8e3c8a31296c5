/* execve of a file that is neither ELF nor "#!" is ENOEXEC (empty too); a "#!" line
 * without an interpreter is ENOEXEC, and so is an interpreter path that the 256-byte
 * buffer may cut; a missing interpreter ENOENT, a directory or a non-executable one
 * EACCES; "#!" and nothing else names "" (EACCES). */
#include "guest.h"
#include <sys/stat.h>

/* Creates path afresh with mode, so no mode change is needed afterwards. */
static void make_mode(const char *path, const char *text, size_t len, mode_t mode)
{
    unlink(path);
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, mode);
    if (fd < 0 || write(fd, text, len) != (ssize_t)len)
        FAIL("creating %s: %s", path, strerror(errno));
    close(fd);
}

static void script(const char *path, const char *text, size_t len)
{
    make_mode(path, text, len, 0755);
}

int main(void)
{
    const char *p = tmp_path("s");
    const char *noexec = tmp_path("noexec");
    char *const argv[] = { "x", NULL }, *const envp[] = { NULL };
    char line[400];

    script(p, "echo hi\n", 8);
    CHECK_ERR(execve(p, argv, envp), ENOEXEC);
    script(p, "", 0);
    CHECK_ERR(execve(p, argv, envp), ENOEXEC);
    script(p, "#", 1);
    CHECK_ERR(execve(p, argv, envp), ENOEXEC);
    script(p, "#!", 2);                 /* the name is "", which Linux looks up as */
    CHECK_ERR(execve(p, argv, envp), EACCES);   /* the cwd: a directory */
    script(p, "#!\n/bin/busybox\n", 16);
    CHECK_ERR(execve(p, argv, envp), ENOEXEC);
    script(p, "#!  \t \n", 7);
    CHECK_ERR(execve(p, argv, envp), ENOEXEC);
    script(p, "#!/nonexistent/interp\n", 22);
    CHECK_ERR(execve(p, argv, envp), ENOENT);
    script(p, "#!/tmp\n", 7);
    CHECK_ERR(execve(p, argv, envp), EACCES);
    make_mode(noexec, "#!/bin/busybox sh\n", 18, 0644);
    snprintf(line, sizeof line, "#!%s\n", noexec);
    script(p, line, strlen(line));
    CHECK_ERR(execve(p, argv, envp), EACCES);

    /* An interpreter path running past byte 255 with no blank after it. */
    memcpy(line, "#!/", 3);
    memset(line + 3, 'b', 300);
    line[303] = '\n';
    script(p, line, 304);
    CHECK_ERR(execve(p, argv, envp), ENOEXEC);
    /* The same with blanks before it: still cut. */
    memcpy(line, "#!  /", 5);
    memset(line + 5, 'b', 300);
    script(p, line, 305);
    CHECK_ERR(execve(p, argv, envp), ENOEXEC);
    /* A path that ends before byte 255 is whole: the missing file is ENOENT. */
    memcpy(line, "#!/nonexistent ", 15);
    memset(line + 15, 'c', 300);
    script(p, line, 315);
    CHECK_ERR(execve(p, argv, envp), ENOENT);
    return 0;
}
