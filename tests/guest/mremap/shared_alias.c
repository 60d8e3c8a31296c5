/* mremap of a MAP_SHARED anonymous mapping with MREMAP_DONTUNMAP, or with old_size 0
 * (which duplicates it), leaves two views of one memory: a write through either is seen
 * through the other, in pages touched before and pages not touched yet. */
#include "guest.h"
#include <sys/mman.h>

#ifndef MREMAP_DONTUNMAP
#define MREMAP_DONTUNMAP 4
#endif
#define PG 4096L

int main(void)
{
    char *s = mmap(NULL, 3 * PG, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    CHECK(s != MAP_FAILED);
    s[0] = 'a';
    char *d = mremap(s, 3 * PG, 3 * PG, MREMAP_MAYMOVE | MREMAP_DONTUNMAP, NULL);
    CHECK(d != MAP_FAILED && d != s);
    CHECK(d[0] == 'a' && s[0] == 'a');
    d[0] = 'b';
    s[2 * PG] = 'c';                           /* untouched until now */
    CHECK(s[0] == 'b' && d[2 * PG] == 'c');

    char *e = mremap(s, 0, 2 * PG, MREMAP_MAYMOVE);
    CHECK(e != MAP_FAILED && e != s && e != d);
    CHECK(e[0] == 'b');
    e[PG] = 'e';
    CHECK(s[PG] == 'e' && d[PG] == 'e');
    /* Without MREMAP_MAYMOVE there is nowhere to put the copy. */
    CHECK_ERR(mremap(s, 0, PG, 0), ENOMEM);
    return 0;
}
