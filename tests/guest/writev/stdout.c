/* writev to standard output reports the whole count. */
#include "guest.h"
#include <sys/uio.h>

int main(void)
{
    struct iovec iov[3] = {{"writev", 6}, {"/", 1}, {"stdout\n", 7}};
    CHECK(writev(1, iov, 3) == 14);
    return 0;
}
