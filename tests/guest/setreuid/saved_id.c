/* setreuid/setregid: root setting only the euid to another id also sets the saved id;
 * going back to the real id keeps the saved one; an unprivileged real id may become
 * the effective one only (EPERM for the saved one); -1 keeps an id. */
#include "guest.h"
#include <sys/wait.h>

#define T(cond) do { if (!(cond)) { fprintf(stderr, "child: %s\n", #cond); _exit(1); } } while (0)

static void child(void)
{
    uid_t r, e, s;
    gid_t gr, ge, gs;

    T(setregid(-1, 600) == 0);
    T(getresgid(&gr, &ge, &gs) == 0 && gr == 0 && ge == 600 && gs == 600);
    T(setregid(-1, 0) == 0);
    T(getresgid(&gr, &ge, &gs) == 0 && gr == 0 && ge == 0 && gs == 600);
    T(setreuid(-1, 1000) == 0);
    T(getresuid(&r, &e, &s) == 0 && r == 0 && e == 1000 && s == 1000);
    T(setreuid(-1, 0) == 0);           /* 0 is the real id */
    T(getresuid(&r, &e, &s) == 0 && r == 0 && e == 0 && s == 1000);
    T(setreuid(1000, 1100) == 0);      /* root: anything; saved follows euid */
    T(getresuid(&r, &e, &s) == 0 && r == 1000 && e == 1100 && s == 1100);
    T(setreuid(-1, 1000) == 0);        /* the real id */
    T(getresuid(&r, &e, &s) == 0 && r == 1000 && e == 1000 && s == 1100);
    T(setreuid(1000, -1) == 0);        /* setting ruid: saved = euid */
    T(getresuid(&r, &e, &s) == 0 && r == 1000 && e == 1000 && s == 1000);
    T(setreuid(0, -1) == -1 && errno == EPERM);
    T(setreuid(-1, 0) == -1 && errno == EPERM);
    T(setregid(-1, 600) == 0);         /* the saved gid */
    T(setregid(1, -1) == -1 && errno == EPERM);
    _exit(0);
}

int main(void)
{
    run_in_child(child);
    return 0;
}
