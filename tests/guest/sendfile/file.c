/* sendfile copies from a file at *offset (updated, the file position untouched) or
 * at the file position (moved), to a file or a pipe, stopping at the input's end. */
#include "guest.h"
#include <sys/sendfile.h>

int main(void)
{
    const char *in = tmp_path("sendfile-in"), *out = tmp_path("sendfile-out");
    make_file(in, "0123456789", 10);
    int ifd = CHECK_OK(open(in, O_RDONLY));
    int ofd = CHECK_OK(open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644));
    off_t off = 3;
    CHECK(sendfile(ofd, ifd, &off, 4) == 4);
    CHECK(off == 7 && lseek(ifd, 0, SEEK_CUR) == 0);
    CHECK(sendfile(ofd, ifd, NULL, 100) == 10);
    CHECK(lseek(ifd, 0, SEEK_CUR) == 10);
    CHECK(sendfile(ofd, ifd, NULL, 100) == 0);
    char buf[32] = { 0 };
    int r = CHECK_OK(open(out, O_RDONLY));
    CHECK(read(r, buf, sizeof buf) == 14 && memcmp(buf, "34560123456789", 14) == 0);
    int p[2];
    CHECK_OK(pipe(p));
    off = 0;
    CHECK(sendfile(p[1], ifd, &off, 5) == 5);
    CHECK(read(p[0], buf, sizeof buf) == 5 && memcmp(buf, "01234", 5) == 0);
    close(ifd);
    close(ofd);
    close(r);
    close(p[0]);
    close(p[1]);
    return 0;
}
