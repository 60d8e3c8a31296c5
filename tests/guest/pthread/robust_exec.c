/* A robust mutex still held when its owner calls execve is marked
 * OWNER_DIED, as at the owner's death (Linux's exec_mm_release walks the
 * robust list of the memory being left): the next locker gets EOWNERDEAD
 * rather than EBUSY from a mutex no one will ever unlock. */
#include "guest.h"
#include <pthread.h>
#include <sys/mman.h>

int main(int argc, char **argv)
{
    pthread_mutexattr_t at;
    pthread_mutex_t *m;
    int st;

    if (argc == 2 && strcmp(argv[1], "exec") == 0)
        return 0;
    m = mmap(NULL, sizeof *m, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    CHECK(m != MAP_FAILED);
    CHECK_OK(pthread_mutexattr_init(&at));
    CHECK_OK(pthread_mutexattr_setpshared(&at, PTHREAD_PROCESS_SHARED));
    CHECK_OK(pthread_mutexattr_setrobust(&at, PTHREAD_MUTEX_ROBUST));
    CHECK_OK(pthread_mutex_init(m, &at));

    pid_t c = CHECK_OK(fork());
    if (c == 0) {
        if (pthread_mutex_lock(m) != 0)
            _exit(2);
        char *const args[] = { argv[0], "exec", NULL };
        execv(argv[0], args);
        _exit(3);
    }
    CHECK(waitpid(c, &st, 0) == c);
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
    int err = pthread_mutex_trylock(m);
    if (err != EOWNERDEAD)
        FAIL("trylock: %s, want EOWNERDEAD", strerror(err));
    CHECK_OK(pthread_mutex_consistent(m));
    CHECK_OK(pthread_mutex_unlock(m));
    return 0;
}
