/* get_robust_list(2) reports the head set_robust_list stored and its size (24), for the
 * caller (pid 0 or its own TID) and for a child of the same user; an unknown TID is
 * ESRCH and unwritable result pointers EFAULT. */
#include "guest.h"
#include <signal.h>
#include <sys/wait.h>
#include <time.h>

struct robust_head {
    void *next;
    long futex_offset;
    void *pending;
};

static struct robust_head head = { &head, 0, NULL };

int main(void)
{
    void *got = NULL;
    size_t len = 0;
    pid_t pid, dead;
    int st;

    CHECK(syscall(SYS_set_robust_list, &head, sizeof head) == 0);
    CHECK(syscall(SYS_get_robust_list, 0, &got, &len) == 0);
    CHECK(got == &head && len == 24);
    got = NULL;
    CHECK(syscall(SYS_get_robust_list, getpid(), &got, &len) == 0);
    CHECK(got == &head);
    CHECK_ERR(syscall(SYS_get_robust_list, 0, BAD_PTR, &len), EFAULT);
    CHECK_ERR(syscall(SYS_get_robust_list, 0, &got, BAD_PTR), EFAULT);

    dead = CHECK_OK(fork());
    if (dead == 0)
        _exit(0);
    CHECK(waitpid(dead, &st, 0) == dead);
    CHECK_ERR(syscall(SYS_get_robust_list, dead, &got, &len), ESRCH);
    CHECK_ERR(syscall(SYS_get_robust_list, -1, &got, &len), ESRCH);

    /* A child inherits nothing: its list is set anew after fork (NULL until then). */
    pid = CHECK_OK(fork());
    if (pid == 0) {
        static struct robust_head mine = { &mine, 8, NULL };
        syscall(SYS_set_robust_list, &mine, sizeof mine);
        pause();
        _exit(0);
    }
    struct timespec ms = { 0, 50 * 1000000L };
    nanosleep(&ms, NULL);
    got = NULL;
    CHECK(syscall(SYS_get_robust_list, pid, &got, &len) == 0);
    CHECK(len == 24);
    kill(pid, SIGKILL);
    CHECK(waitpid(pid, &st, 0) == pid);
    return 0;
}
