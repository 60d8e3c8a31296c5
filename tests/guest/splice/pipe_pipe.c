/* splice between two pipes moves the data from one to the other; the same pipe on
 * both sides is EINVAL; SPLICE_F_NONBLOCK on an empty pipe is EAGAIN. */
#include "guest.h"

int main(void)
{
    int a[2], b[2];
    CHECK_OK(pipe(a));
    CHECK_OK(pipe(b));
    CHECK(write(a[1], "hello", 5) == 5);
    CHECK(splice(a[0], NULL, b[1], NULL, 3, 0) == 3);
    char buf[8] = { 0 };
    CHECK(read(b[0], buf, sizeof buf) == 3 && memcmp(buf, "hel", 3) == 0);
    CHECK(read(a[0], buf, sizeof buf) == 2 && memcmp(buf, "lo", 2) == 0);
    CHECK_ERR(splice(a[0], NULL, b[1], NULL, 3, SPLICE_F_NONBLOCK), EAGAIN);
    CHECK(write(a[1], "x", 1) == 1);
    CHECK_ERR(splice(a[0], NULL, a[1], NULL, 1, 0), EINVAL);
    close(a[0]);
    close(a[1]);
    close(b[0]);
    close(b[1]);
    return 0;
}
