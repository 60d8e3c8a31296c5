/* prctl options nobody defined are EINVAL. */
#include "guest.h"
#include <sys/prctl.h>

int main(void)
{
    CHECK_ERR(prctl(0, 0, 0, 0, 0), EINVAL);
    CHECK_ERR(prctl(0x7ffffff0, 0, 0, 0, 0), EINVAL);
    CHECK_ERR(prctl(-1, 0, 0, 0, 0), EINVAL);
    return 0;
}
