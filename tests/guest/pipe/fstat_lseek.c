/* Both ends of a pipe fstat as a FIFO; lseek on either fails with ESPIPE. */
#include "guest.h"

int main(void)
{
    int p[2];
    struct stat st;
    CHECK_OK(pipe(p));
    for (int i = 0; i < 2; i++) {
        CHECK_OK(fstat(p[i], &st));
        CHECK(S_ISFIFO(st.st_mode));
        CHECK((st.st_mode & 0777) == 0600);
        CHECK_ERR(lseek(p[i], 0, SEEK_SET), ESPIPE);
        CHECK_ERR(lseek(p[i], 0, SEEK_CUR), ESPIPE);
    }
    close(p[0]);
    close(p[1]);
    return 0;
}
