/* open returns the lowest free descriptor, so a closed slot is reused first. */
#include "guest.h"

int main(void)
{
    int a = CHECK_OK(open("/", O_RDONLY | O_DIRECTORY));
    int b = CHECK_OK(open("/", O_RDONLY | O_DIRECTORY));
    int c = CHECK_OK(open("/", O_RDONLY | O_DIRECTORY));
    CHECK(a >= 3 && b == a + 1 && c == b + 1);
    CHECK_OK(close(b));
    CHECK(open("/", O_RDONLY | O_DIRECTORY) == b);
    close(a);
    close(b);
    close(c);
    return 0;
}
