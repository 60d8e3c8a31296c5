/* splice moves data from a file into a pipe (at an offset, updated, or at the file
 * position) and from a pipe into a file; a splice out of an empty pipe whose writers
 * are gone returns 0. */
#include "guest.h"

int main(void)
{
    const char *in = tmp_path("splice-in"), *out = tmp_path("splice-out");
    make_file(in, "0123456789", 10);
    make_file(out, "", 0);
    int ifd = CHECK_OK(open(in, O_RDONLY));
    int ofd = CHECK_OK(open(out, O_WRONLY));
    int p[2];
    CHECK_OK(pipe(p));
    loff_t off = 4;
    CHECK(splice(ifd, &off, p[1], NULL, 3, 0) == 3);
    CHECK(off == 7 && lseek(ifd, 0, SEEK_CUR) == 0);
    CHECK(splice(ifd, NULL, p[1], NULL, 2, 0) == 2);
    CHECK(lseek(ifd, 0, SEEK_CUR) == 2);
    loff_t ooff = 1;
    CHECK(splice(p[0], NULL, ofd, &ooff, 100, 0) == 5);
    CHECK(ooff == 6 && lseek(ofd, 0, SEEK_CUR) == 0);
    char buf[16] = { 0 };
    CHECK(pread(CHECK_OK(open(out, O_RDONLY)), buf, sizeof buf, 0) == 6);
    CHECK(memcmp(buf, "\0" "45601", 6) == 0);
    close(p[1]);
    CHECK(splice(p[0], NULL, ofd, NULL, 100, 0) == 0);
    close(ifd);
    close(ofd);
    close(p[0]);
    return 0;
}
