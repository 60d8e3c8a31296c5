/* An eventfd is a counter: it starts at initval, writes add to it, a read
 * takes the whole count and leaves 0; reads and writes move exactly 8
 * bytes (a larger buffer is fine, a smaller one EINVAL). */
#include "guest.h"
#include <stdint.h>
#include <sys/eventfd.h>

int main(void)
{
    uint64_t v = 5, big[2] = { 0, 0 };
    char small[7];
    int fd = CHECK_OK(eventfd(3, 0));

    CHECK(CHECK_OK(write(fd, &v, sizeof v)) == 8);
    v = 0;
    CHECK(CHECK_OK(write(fd, &v, sizeof v)) == 8);
    CHECK(CHECK_OK(read(fd, big, sizeof big)) == 8);
    CHECK(big[0] == 8);
    CHECK_ERR(read(fd, small, sizeof small), EINVAL);
    CHECK_ERR(write(fd, small, sizeof small), EINVAL);
    v = 1;
    CHECK(CHECK_OK(write(fd, &v, sizeof v)) == 8);
    CHECK(CHECK_OK(eventfd_read(fd, &v)) == 0 && v == 1);
    CHECK(CHECK_OK(fcntl(fd, F_GETFL)) == O_RDWR);
    return 0;
}
