/* pselect6(2)'s argument pack: EFAULT when it cannot be read, EINVAL for
 * a mask size other than 8, EFAULT for an unreadable mask; a NULL mask in
 * the pack means none; the timespec is checked before the mask. */
#include "guest.h"
#include <sys/select.h>
#include <time.h>

int main(void)
{
    struct timespec zero = { 0, 0 }, bad = { 0, -1 };
    unsigned long mask = 0;
    struct { void *ss; size_t len; } pack = { &mask, 8 };

    CHECK_ERR(syscall(SYS_pselect6, 0, NULL, NULL, NULL, &zero, BAD_PTR), EFAULT);
    CHECK_ERR(syscall(SYS_pselect6, 0, NULL, NULL, NULL, &bad, &pack), EINVAL);
    pack.len = 16;
    CHECK_ERR(syscall(SYS_pselect6, 0, NULL, NULL, NULL, &zero, &pack), EINVAL);
    pack.len = 8;
    pack.ss = BAD_PTR;
    CHECK_ERR(syscall(SYS_pselect6, 0, NULL, NULL, NULL, &zero, &pack), EFAULT);
    pack.ss = NULL;
    pack.len = 3;
    CHECK(CHECK_OK(syscall(SYS_pselect6, 0, NULL, NULL, NULL, &zero, &pack)) == 0);
    CHECK(CHECK_OK(syscall(SYS_pselect6, 0, NULL, NULL, NULL, &zero, NULL)) == 0);
    return 0;
}
