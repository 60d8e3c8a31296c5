/* select(2) writes the time left back to its timeval (Linux does, POSIX
 * allows it; musl passes a copy, so the raw call is used): zero after a
 * timeout, the remainder when a descriptor got ready first; a usec of a
 * second or more is carried into seconds. */
#include "guest.h"
#include <sys/select.h>
#include <time.h>

int main(void)
{
    struct timespec ts = { 0, 30 * 1000 * 1000 };
    struct timeval tv = { 0, 30000 };
    fd_set r;
    int p[2], st;
    pid_t c;

    CHECK_OK(pipe(p));
    FD_ZERO(&r);
    FD_SET(p[0], &r);
    CHECK(CHECK_OK(syscall(SYS_select, p[0] + 1, &r, NULL, NULL, &tv)) == 0);
    CHECK(tv.tv_sec == 0 && tv.tv_usec == 0);
    CHECK(!FD_ISSET(p[0], &r));

    c = CHECK_OK(fork());
    if (c == 0) {
        nanosleep(&ts, NULL);
        _exit(write(p[1], "x", 1) == 1 ? 0 : 1);
    }
    tv = (struct timeval){ 0, 3500000 };
    FD_SET(p[0], &r);
    CHECK(CHECK_OK(syscall(SYS_select, p[0] + 1, &r, NULL, NULL, &tv)) == 1);
    CHECK(FD_ISSET(p[0], &r));
    CHECK(tv.tv_sec >= 2 && tv.tv_sec <= 3 && tv.tv_usec < 1000000);
    CHECK(tv.tv_sec < 3 || tv.tv_usec < 500000);
    CHECK(waitpid(c, &st, 0) == c && st == 0);
    return 0;
}
