/* AT_EXECFN is the path the program was executed by: it ends with argv[0]'s last
 * component. */
#include "guest.h"
#include <sys/auxv.h>

static const char *base(const char *p)
{
    const char *s = strrchr(p, '/');
    return s ? s + 1 : p;
}

int main(int argc, char **argv)
{
    const char *fn = (const char *)getauxval(AT_EXECFN);
    CHECK(argc >= 1);
    CHECK(fn != NULL && fn[0] != '\0');
    if (strcmp(base(fn), base(argv[0])) != 0)
        FAIL("AT_EXECFN \"%s\" vs argv[0] \"%s\"", fn, argv[0]);
    return 0;
}
