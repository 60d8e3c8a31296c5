/* sysinfo reports some memory, free <= total, at least one process, a unit >= 1. */
#include "guest.h"
#include <sys/sysinfo.h>

int main(void)
{
    struct sysinfo si;
    memset(&si, 0, sizeof si);
    CHECK_OK(sysinfo(&si));
    CHECK(si.mem_unit >= 1);
    CHECK(si.totalram > 0);
    CHECK(si.freeram <= si.totalram);
    CHECK(si.procs >= 1);
    CHECK((long)si.uptime >= 0);
    return 0;
}
