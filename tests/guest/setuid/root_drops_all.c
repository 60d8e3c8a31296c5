/* setuid and setgid by root set all of real, effective, saved (and fs) ids; after
 * that the process may not go back (EPERM), but may set its euid to its real or saved
 * id; -1 is EINVAL.  Runs in a child, which gives its privileges up. */
#include "guest.h"
#include <sys/fsuid.h>
#include <sys/wait.h>

#define T(cond) do { if (!(cond)) { fprintf(stderr, "child: %s\n", #cond); _exit(1); } } while (0)

static void child(void)
{
    uid_t r, e, s;
    gid_t gr, ge, gs;

    T(setgid((gid_t)-1) == -1 && errno == EINVAL);
    T(setuid((uid_t)-1) == -1 && errno == EINVAL);
    T(setgid(2345) == 0);
    T(getresgid(&gr, &ge, &gs) == 0 && gr == 2345 && ge == 2345 && gs == 2345);
    T(setfsgid(-1) == 2345);
    T(setuid(1234) == 0);
    T(getresuid(&r, &e, &s) == 0 && r == 1234 && e == 1234 && s == 1234);
    T(setfsuid(-1) == 1234);
    T(getuid() == 1234 && geteuid() == 1234);
    T(setuid(0) == -1 && errno == EPERM);
    T(setgid(0) == -1 && errno == EPERM);
    T(setuid(1234) == 0);
    T(setgid(2345) == 0);
    _exit(0);
}

int main(void)
{
    run_in_child(child);
    CHECK(getuid() == 0 && geteuid() == 0);
    return 0;
}
