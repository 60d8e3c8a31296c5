/* A path component longer than NAME_MAX (255) fails with ENAMETOOLONG. */
#include "guest.h"

int main(void)
{
    char path[300] = "/tmp/";
    memset(path + 5, 'a', 256);
    path[261] = '\0';
    CHECK_ERR(open(path, O_RDONLY), ENAMETOOLONG);
    return 0;
}
