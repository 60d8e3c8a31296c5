/* setresuid/setresgid: root may set any ids; an unprivileged process may only
 * rearrange its current real, effective and saved ids (EPERM otherwise); -1 keeps one;
 * the fs id follows the effective one; getresuid faults with EFAULT. */
#include "guest.h"
#include <grp.h>
#include <sys/fsuid.h>
#include <sys/wait.h>

#define T(cond) do { if (!(cond)) { fprintf(stderr, "child: %s\n", #cond); _exit(1); } } while (0)

static void ids(uid_t *r, uid_t *e, uid_t *s)
{
    T(getresuid(r, e, s) == 0);
}

static void child(void)
{
    uid_t r, e, s;
    gid_t gr, ge, gs;

    T(syscall(SYS_getresuid, BAD_PTR, &e, &s) == -1 && errno == EFAULT);
    T(syscall(SYS_getresgid, &gr, &ge, BAD_PTR) == -1 && errno == EFAULT);
    T(setresgid(501, 502, 503) == 0);
    T(getresgid(&gr, &ge, &gs) == 0 && gr == 501 && ge == 502 && gs == 503);
    T(setfsgid(-1) == 502);
    T(setresuid(1001, 1002, 1003) == 0);
    ids(&r, &e, &s);
    T(r == 1001 && e == 1002 && s == 1003);
    T(setfsuid(-1) == 1002);
    /* Unprivileged now: permutations only. */
    T(setresuid(1003, 1001, 1002) == 0);
    ids(&r, &e, &s);
    T(r == 1003 && e == 1001 && s == 1002);
    T(setfsuid(-1) == 1001);
    T(setresuid(-1, -1, 1001) == 0);
    ids(&r, &e, &s);
    T(r == 1003 && e == 1001 && s == 1001);
    T(setresuid(0, -1, -1) == -1 && errno == EPERM);
    T(setresuid(-1, 7, -1) == -1 && errno == EPERM);
    ids(&r, &e, &s);
    T(r == 1003 && e == 1001 && s == 1001);
    T(setresgid(503, 501, 502) == 0);
    T(getresgid(&gr, &ge, &gs) == 0 && gr == 503 && ge == 501 && gs == 502);
    T(setresgid(0, -1, -1) == -1 && errno == EPERM);
    T(setgroups(0, NULL) == -1 && errno == EPERM);
    _exit(0);
}

int main(void)
{
    run_in_child(child);
    return 0;
}
