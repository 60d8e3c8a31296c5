/* The vDSO and its data page are named in /proc/self/maps: the line starting at
 * AT_SYSINFO_EHDR is "[vdso]", readable and executable, and a "[vvar]" page exists that
 * mprotect cannot make writable (EACCES).  A forked child keeps both: its libc clocks
 * work and its vDSO is at the same address. */
#include "guest.h"
#include <sys/auxv.h>
#include <sys/mman.h>
#include <time.h>

int main(void)
{
    unsigned long vdso = getauxval(AT_SYSINFO_EHDR), vvar = 0, lo, hi;
    char line[512], perms[8];
    int saw_vdso = 0;
    FILE *f = fopen("/proc/self/maps", "r");

    CHECK(vdso != 0 && f != NULL);
    while (fgets(line, sizeof(line), f)) {
        if (sscanf(line, "%lx-%lx %7s", &lo, &hi, perms) != 3)
            continue;
        if (strstr(line, "[vdso]") && lo == vdso) {
            saw_vdso = 1;
            CHECK(perms[0] == 'r' && perms[2] == 'x' && perms[1] == '-');
        }
        if (strstr(line, "[vvar]") && !vvar)
            vvar = lo;
    }
    fclose(f);
    CHECK(saw_vdso);
    CHECK(vvar != 0);
    CHECK_ERR(mprotect((void *)vvar, 4096, PROT_READ | PROT_WRITE), EACCES);

    pid_t pid = CHECK_OK(fork());
    if (pid == 0) {
        struct timespec ts;
        if (getauxval(AT_SYSINFO_EHDR) != vdso || clock_gettime(CLOCK_MONOTONIC, &ts) != 0)
            _exit(1);
        _exit(ts.tv_sec >= 0 ? 0 : 2);
    }
    int st;
    CHECK_OK(waitpid(pid, &st, 0));
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
    return 0;
}
