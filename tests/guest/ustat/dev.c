/* ustat still answers for a mounted file system's device number and is EINVAL
 * for a device without one. */
#include "guest.h"

struct ustat_ { int f_tfree; unsigned long f_tinode; char f_fname[6], f_fpack[6]; };

int main(void)
{
    struct stat st;
    CHECK_OK(stat("/dev/shm", &st));
    struct ustat_ u;
    unsigned int dev = (unsigned int)((st.st_dev & 0xff) | ((st.st_dev >> 8 & 0xfff) << 8) |
                                      ((st.st_dev >> 12 & ~0xffULL) << 12));
    CHECK_OK(syscall(SYS_ustat, dev, &u));
    CHECK_ERR(syscall(SYS_ustat, (4000u << 8) | 0xfeu, &u), EINVAL);
    return 0;
}
