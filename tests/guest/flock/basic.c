/* flock: an exclusive lock of one open file description keeps out others, shared
 * locks share; a dup() shares its description's lock; LOCK_UN releases; a
 * conversion replaces the lock. */
#include "guest.h"
#include <sys/file.h>

int main(void)
{
    const char *f = tmp_path("flock-basic");
    make_file(f, "", 0);
    int a = CHECK_OK(open(f, O_RDONLY));
    int b = CHECK_OK(open(f, O_RDONLY));
    int a2 = CHECK_OK(dup(a));
    CHECK_OK(flock(a, LOCK_EX));
    CHECK_OK(flock(a, LOCK_EX));
    CHECK_ERR(flock(b, LOCK_SH | LOCK_NB), EWOULDBLOCK);
    CHECK_ERR(flock(b, LOCK_EX | LOCK_NB), EWOULDBLOCK);
    CHECK_OK(flock(a2, LOCK_SH));           /* converts a's lock: same description */
    CHECK_OK(flock(b, LOCK_SH | LOCK_NB));
    CHECK_ERR(flock(a, LOCK_EX | LOCK_NB), EWOULDBLOCK);
    CHECK_OK(flock(b, LOCK_UN));
    CHECK_OK(flock(a, LOCK_EX | LOCK_NB));
    CHECK_OK(flock(a2, LOCK_UN));
    CHECK_OK(flock(b, LOCK_EX | LOCK_NB));
    CHECK_OK(flock(b, LOCK_UN));
    CHECK_OK(flock(b, LOCK_UN));            /* unlocking nothing is fine */
    close(a);
    close(a2);
    close(b);
    return 0;
}
