/* With EFD_SEMAPHORE each read takes 1 from the counter and returns 1,
 * until the counter is 0 (then EAGAIN with EFD_NONBLOCK). */
#include "guest.h"
#include <stdint.h>
#include <sys/eventfd.h>

int main(void)
{
    int fd = CHECK_OK(eventfd(3, EFD_SEMAPHORE | EFD_NONBLOCK));
    uint64_t v;

    for (int i = 0; i < 3; i++) {
        CHECK(CHECK_OK(read(fd, &v, sizeof v)) == 8);
        CHECK(v == 1);
    }
    CHECK_ERR(read(fd, &v, sizeof v), EAGAIN);
    return 0;
}
