/* select(2) over FD_SETSIZE descriptors reports in each set only the
 * descriptors ready for it, counts every set bit, and clears the rest;
 * a descriptor near FD_SETSIZE works as well as a small one. */
#include "guest.h"
#include <sys/select.h>

int main(void)
{
    fd_set r, w, e;
    int p[2], hi;
    struct timeval tv = { 0, 0 };

    CHECK_OK(pipe(p));
    hi = CHECK_OK(dup2(p[0], FD_SETSIZE - 2));
    FD_ZERO(&r); FD_ZERO(&w); FD_ZERO(&e);
    FD_SET(p[0], &r); FD_SET(hi, &r); FD_SET(p[1], &r);
    FD_SET(p[1], &w); FD_SET(p[0], &w);
    FD_SET(p[0], &e); FD_SET(p[1], &e);
    CHECK(CHECK_OK(select(FD_SETSIZE, &r, &w, &e, &tv)) == 1);
    CHECK(!FD_ISSET(p[0], &r) && !FD_ISSET(hi, &r) && !FD_ISSET(p[1], &r));
    CHECK(FD_ISSET(p[1], &w) && !FD_ISSET(p[0], &w));
    CHECK(!FD_ISSET(p[0], &e) && !FD_ISSET(p[1], &e));

    CHECK(CHECK_OK(write(p[1], "x", 1)) == 1);
    FD_ZERO(&r); FD_ZERO(&w);
    FD_SET(p[0], &r); FD_SET(hi, &r);
    FD_SET(p[1], &w);
    CHECK(CHECK_OK(select(FD_SETSIZE, &r, &w, NULL, NULL)) == 3);
    CHECK(FD_ISSET(p[0], &r) && FD_ISSET(hi, &r) && FD_ISSET(p[1], &w));
    /* n limits which bits are looked at. */
    FD_ZERO(&r);
    FD_SET(hi, &r);
    tv = (struct timeval){ 0, 0 };
    CHECK(CHECK_OK(select(hi, &r, NULL, NULL, &tv)) == 0);
    CHECK(!FD_ISSET(hi, &r));
    return 0;
}
