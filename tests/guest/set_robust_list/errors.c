/* set_robust_list accepts a head of exactly sizeof(struct robust_list_head) (24 bytes)
 * and answers any other length with EINVAL; the pointer itself is only stored. */
#include "guest.h"

struct robust_head {
    void *next;
    long futex_offset;
    void *pending;
};

static struct robust_head head = { &head, 0, NULL };

int main(void)
{
    CHECK(sizeof head == 24);
    CHECK(syscall(SYS_set_robust_list, &head, sizeof head) == 0);
    CHECK_ERR(syscall(SYS_set_robust_list, &head, sizeof head - 1), EINVAL);
    CHECK_ERR(syscall(SYS_set_robust_list, &head, sizeof head + 8), EINVAL);
    CHECK_ERR(syscall(SYS_set_robust_list, &head, 0), EINVAL);
    /* Not dereferenced until the thread dies: a wild pointer is accepted. */
    CHECK(syscall(SYS_set_robust_list, BAD_PTR, sizeof head) == 0);
    CHECK(syscall(SYS_set_robust_list, &head, sizeof head) == 0);
    return 0;
}
