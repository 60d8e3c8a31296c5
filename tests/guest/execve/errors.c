/* execve's errors return to the calling program: ENOENT for a missing file, EFAULT for a bad
 * path or argv, EACCES for a file without execute permission, ENOEXEC for a text file
 * without "#!", E2BIG for an argument longer than MAX_ARG_STRLEN. */
#include "guest.h"

static char *const envp[] = { NULL };

int main(void)
{
    char *const argv[] = { "x", NULL };

    CHECK_ERR(execve("/nonexistent/program", argv, envp), ENOENT);
    CHECK_ERR(syscall(SYS_execve, "", argv, envp), ENOENT);
    CHECK_ERR(syscall(SYS_execve, BAD_PTR, argv, envp), EFAULT);
    CHECK_ERR(syscall(SYS_execve, "/bin/busybox", BAD_PTR, envp), EFAULT);
    CHECK_ERR(execve("/bin/busybox", (char *const[]){ "busybox", BAD_PTR, NULL }, envp), EFAULT);

    const char *plain = tmp_path("noexec");
    make_file(plain, "#!/bin/sh\nexit 0\n", 17);
    CHECK_ERR(execve(plain, argv, envp), EACCES);
    CHECK_ERR(execve("/tmp", argv, envp), EACCES);

    const char *text = tmp_path("text");
    int fd = CHECK_OK(open(text, O_WRONLY | O_CREAT | O_TRUNC, 0755));
    CHECK(write(fd, "just words\n", 11) == 11);
    close(fd);
    CHECK_ERR(execve(text, argv, envp), ENOEXEC);

    size_t len = 200000;
    char *huge = malloc(len + 1);
    CHECK(huge != NULL);
    memset(huge, 'a', len);
    huge[len] = '\0';
    CHECK_ERR(execve("/bin/busybox", (char *const[]){ "busybox", huge, NULL }, envp), E2BIG);
    free(huge);
    return 0;
}
