/* open of a missing file, or through a missing directory, fails with ENOENT; so does
 * open of the empty path. */
#include "guest.h"

int main(void)
{
    CHECK_ERR(open("/tmp/trellis-surely-missing", O_RDONLY), ENOENT);
    CHECK_ERR(open("/tmp/trellis-missing-dir/file", O_RDWR | O_CREAT, 0644), ENOENT);
    CHECK_ERR(open("", O_RDONLY), ENOENT);
    return 0;
}
