/* Every tmpfs file takes seals but starts with F_SEAL_SEAL, so F_GET_SEALS says 1
 * and F_ADD_SEALS is EPERM; a directory or a pipe takes none (EINVAL). */
#include "guest.h"

#ifndef F_ADD_SEALS
#define F_ADD_SEALS 1033
#define F_GET_SEALS 1034
#define F_SEAL_SEAL 0x0001
#define F_SEAL_GROW 0x0004
#endif

int main(void)
{
    const char *f = shm_path("seals-tmpfs");
    int fd = CHECK_OK(open(f, O_RDWR | O_CREAT, 0644));
    CHECK(fcntl(fd, F_GET_SEALS) == F_SEAL_SEAL);
    CHECK_ERR(fcntl(fd, F_ADD_SEALS, F_SEAL_GROW), EPERM);
    int dfd = CHECK_OK(open("/dev/shm", O_RDONLY | O_DIRECTORY));
    CHECK_ERR(fcntl(dfd, F_GET_SEALS), EINVAL);
    int p[2];
    CHECK_OK(pipe(p));
    CHECK_ERR(fcntl(p[0], F_GET_SEALS), EINVAL);
    close(fd);
    close(dfd);
    close(p[0]);
    close(p[1]);
    return 0;
}
