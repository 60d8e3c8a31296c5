/* ITIMER_REAL: a periodic timer sends SIGALRM every interval; getitimer
 * reports the time left and the interval; a bad timeval is EINVAL; a
 * zero value disarms it. */
#include "guest.h"
#include <signal.h>
#include <sys/time.h>

static volatile int rang;
static void handler(int sig) { (void)sig; rang++; }

int main(void)
{
    struct itimerval it = { { 0, 20000 }, { 0, 20000 } }, got, old;

    CHECK(signal(SIGALRM, handler) != SIG_ERR);
    CHECK_OK(getitimer(ITIMER_REAL, &got));
    CHECK(got.it_value.tv_sec == 0 && got.it_value.tv_usec == 0);
    CHECK_OK(setitimer(ITIMER_REAL, &it, NULL));
    CHECK_OK(getitimer(ITIMER_REAL, &got));
    CHECK(got.it_interval.tv_usec == 20000);
    CHECK(got.it_value.tv_sec == 0 && got.it_value.tv_usec <= 20000);
    while (rang < 5)
        pause();
    memset(&it, 0, sizeof(it));
    CHECK_OK(setitimer(ITIMER_REAL, &it, &old));
    CHECK(old.it_interval.tv_usec == 20000);
    CHECK_OK(getitimer(ITIMER_REAL, &got));
    CHECK(got.it_value.tv_usec == 0 && got.it_interval.tv_usec == 0);

    it.it_value.tv_usec = 1000000;
    CHECK_ERR(setitimer(ITIMER_REAL, &it, NULL), EINVAL);
    it.it_value.tv_usec = 0;
    CHECK_ERR(setitimer(7, &it, NULL), EINVAL);
    CHECK_ERR(getitimer(ITIMER_REAL, BAD_PTR), EFAULT);
    CHECK_ERR(setitimer(ITIMER_REAL, BAD_PTR, NULL), EFAULT);
    return 0;
}
