/* guest-test: exit=3 */
/* exit() in one thread ends the whole process, also threads blocked in
 * read(2) and spinning ones, with that status; the main thread left
 * first with pthread_exit, and the process lived on until then. */
#include "guest.h"
#include <pthread.h>

static int fds[2];

static void *blocker(void *p)
{
    char b;
    (void)p;
    (void)read(fds[0], &b, 1);
    return NULL;
}

static void *spinner(void *p)
{
    (void)p;
    for (volatile unsigned long i = 0;; i++)
        ;
    return NULL;
}

static void *ender(void *p)
{
    struct timespec ts = { 0, 50 * 1000 * 1000 };
    (void)p;
    nanosleep(&ts, NULL);
    exit(3);
}

int main(void)
{
    pthread_t a, b, c;

    CHECK_OK(pipe(fds));
    CHECK(pthread_create(&a, NULL, blocker, NULL) == 0);
    CHECK(pthread_create(&b, NULL, spinner, NULL) == 0);
    CHECK(pthread_create(&c, NULL, ender, NULL) == 0);
    pthread_exit(NULL);
}
