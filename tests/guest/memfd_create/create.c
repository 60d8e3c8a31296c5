/* memfd_create makes an unnamed regular file: mode 0777, no link, open read-write
 * (O_LARGEFILE), growable, readable and writable; MFD_CLOEXEC sets FD_CLOEXEC. */
#include "guest.h"
#include <sys/mman.h>

#ifndef MFD_CLOEXEC
#define MFD_CLOEXEC 1U
#endif

int main(void)
{
    int fd = CHECK_OK(syscall(SYS_memfd_create, "test", 0));
    struct stat st;
    CHECK_OK(fstat(fd, &st));
    CHECK(S_ISREG(st.st_mode) && (st.st_mode & 07777) == 0777);
    CHECK(st.st_nlink == 0 && st.st_size == 0 && st.st_uid == getuid());
    CHECK((fcntl(fd, F_GETFL) & O_ACCMODE) == O_RDWR);
    CHECK(fcntl(fd, F_GETFD) == 0);
    CHECK(write(fd, "hello", 5) == 5);
    CHECK_OK(ftruncate(fd, 8192));
    char buf[8];
    CHECK(pread(fd, buf, 5, 0) == 5 && memcmp(buf, "hello", 5) == 0);
    CHECK_OK(fstat(fd, &st));
    CHECK(st.st_size == 8192);
    int c = CHECK_OK(syscall(SYS_memfd_create, "", MFD_CLOEXEC));
    CHECK(fcntl(c, F_GETFD) == FD_CLOEXEC);
    close(c);
    close(fd);
    return 0;
}
