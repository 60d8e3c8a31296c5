/* write to standard output reports the whole count; a zero-length write returns 0. */
#include "guest.h"

int main(void)
{
    CHECK(write(1, "", 0) == 0);
    CHECK(write(1, "write/stdout\n", 13) == 13);
    return 0;
}
