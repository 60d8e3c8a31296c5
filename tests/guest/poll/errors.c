/* poll(2)'s errors: EFAULT for an unreadable array (an empty one is never
 * read), EINVAL for more entries than RLIMIT_NOFILE allows. */
#include "guest.h"
#include <poll.h>
#include <sys/resource.h>

int main(void)
{
    struct rlimit rl;

    CHECK_ERR(syscall(SYS_poll, BAD_PTR, 1, 0), EFAULT);
    CHECK(CHECK_OK(syscall(SYS_poll, BAD_PTR, 0, 0)) == 0);
    CHECK_OK(getrlimit(RLIMIT_NOFILE, &rl));
    CHECK_ERR(syscall(SYS_poll, BAD_PTR, (unsigned long)rl.rlim_cur + 1, 0), EINVAL);
    return 0;
}
