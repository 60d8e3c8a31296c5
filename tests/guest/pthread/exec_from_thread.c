/* execve from a second thread: the other threads end, the program
 * starts over with one thread whose tid is the pid. */
#include "guest.h"
#include <pthread.h>
#include <sys/wait.h>

static char *self;
static int fds[2];

static void *blocker(void *p)
{
    char b;
    (void)p;
    (void)read(fds[0], &b, 1);
    return NULL;
}

static void *execer(void *p)
{
    char *const args[] = { self, "after", NULL };
    (void)p;
    execv(self, args);
    return (void *)1;
}

int main(int argc, char **argv)
{
    pthread_t a, b;
    pid_t c;
    int st;

    if (argc > 1 && strcmp(argv[1], "after") == 0) {
        CHECK(syscall(SYS_gettid) == getpid());
        return 0;
    }
    self = argv[0];
    c = fork();
    if (c == 0) {
        if (pipe(fds) != 0)
            _exit(2);
        pthread_create(&a, NULL, blocker, NULL);
        pthread_create(&b, NULL, execer, NULL);
        pthread_join(b, NULL);
        _exit(3);                       /* the exec failed */
    }
    CHECK(waitpid(c, &st, 0) == c);
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
    return 0;
}
