/* setfsuid/setfsgid return the previous fs id whether or not they change it; an
 * unprivileged process may only pick one of its real, effective or saved ids. */
#include "guest.h"
#include <sys/fsuid.h>
#include <sys/wait.h>

#define T(cond) do { if (!(cond)) { fprintf(stderr, "child: %s\n", #cond); _exit(1); } } while (0)

static void child(void)
{
    T(setfsuid(4000) == 0);
    T(setfsuid(-1) == 4000);
    T(setfsuid(0) == 4000);
    T(setfsgid(4001) == 0);
    T(setfsgid(-1) == 4001);
    T(setfsgid(0) == 4001);
    T(setresgid(10, 11, 12) == 0);
    T(setresuid(20, 21, 22) == 0);
    T(setfsuid(-1) == 21);
    T(setfsuid(22) == 21);             /* the saved id: allowed */
    T(setfsuid(-1) == 22);
    T(setfsuid(99) == 22);             /* not ours: unchanged */
    T(setfsuid(-1) == 22);
    T(setfsgid(-1) == 11);
    T(setfsgid(10) == 11);
    T(setfsgid(99) == 10);
    T(setfsgid(-1) == 10);
    _exit(0);
}

int main(void)
{
    run_in_child(child);
    return 0;
}
