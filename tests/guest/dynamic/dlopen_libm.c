/* dlopen of libm at run time: the loader finds it on its default path, maps it with
 * file mmaps and mprotect, resolves its symbols, and the functions work; dlclose then
 * succeeds.  (musl's libm is part of its libc, which dlopen hands back.) */
/* guest-test: dynamic */
#include "guest.h"
#include <dlfcn.h>

int main(void)
{
    void *h = dlopen("libm.so.6", RTLD_NOW | RTLD_LOCAL);
    if (h == NULL)
        FAIL("dlopen: %s", dlerror());
    double (*cosp)(double) = (double (*)(double))dlsym(h, "cos");
    double (*sqrtp)(double) = (double (*)(double))dlsym(h, "sqrt");
    double (*ldexpp)(double, int) = (double (*)(double, int))dlsym(h, "ldexp");
    CHECK(cosp != NULL && sqrtp != NULL && ldexpp != NULL);
    CHECK(cosp(0.0) == 1.0);
    CHECK(sqrtp(16.0) == 4.0);
    CHECK(ldexpp(3.0, 4) == 48.0);
    CHECK(dlsym(h, "no_such_symbol_here") == NULL);
    CHECK(dlerror() != NULL);
    CHECK(dlclose(h) == 0);
    CHECK(dlopen("libno-such-library.so.9", RTLD_NOW) == NULL);
    return 0;
}
