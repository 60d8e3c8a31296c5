/* /proc/self/maps has a line per mapping, in address order: main's code is in an
 * r-xp mapping, the stack is marked [stack], a fresh anonymous mapping appears with
 * its protection. */
#include "guest.h"
#include <sys/mman.h>

int main(void)
{
    void *m = mmap(NULL, 8192, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(m != MAP_FAILED);
    FILE *f = fopen("/proc/self/maps", "r");
    CHECK(f != NULL);
    char line[512];
    unsigned long lo, hi, prev = 0, code = (unsigned long)&main;
    unsigned long anon = (unsigned long)m;
    int code_ok = 0, stack_ok = 0, anon_ok = 0;
    char perms[8];
    while (fgets(line, sizeof line, f) != NULL) {
        CHECK(sscanf(line, "%lx-%lx %4s", &lo, &hi, perms) == 3);
        CHECK(lo < hi && lo >= prev);
        prev = hi;
        if (code >= lo && code < hi && strcmp(perms, "r-xp") == 0)
            code_ok = 1;
        if (strstr(line, "[stack]") != NULL && strcmp(perms, "rw-p") == 0)
            stack_ok = 1;
        if (lo <= anon && anon + 8192 <= hi && strcmp(perms, "r--p") == 0)
            anon_ok = 1;
    }
    fclose(f);
    CHECK(code_ok && stack_ok && anon_ok);
    return 0;
}
