/* A position-independent executable runs where the kernel put it, not at its link
 * address 0: code and data move by one load bias, its relocated pointers hold run-time
 * addresses, and the shared libc sits apart from it. */
/* guest-test: dynamic */
#include "guest.h"
#include <elf.h>
#include <link.h>
#include <sys/auxv.h>

static int counter = 41;
static int *counter_ptr = &counter; /* a relative relocation ld.so applies */
static const char *names[] = { "alpha", "beta" };

int main(void)
{
    const Elf64_Phdr *ph = (const Elf64_Phdr *)getauxval(AT_PHDR);
    unsigned long phnum = getauxval(AT_PHNUM), i, bias = 0;

    for (i = 0; i < phnum; i++)
        if (ph[i].p_type == PT_PHDR)
            bias = (unsigned long)ph - ph[i].p_vaddr;
    CHECK(bias != 0);
    CHECK(bias % 4096 == 0);
    const Elf64_Ehdr *eh = (const Elf64_Ehdr *)bias;
    CHECK(memcmp(eh->e_ident, ELFMAG, SELFMAG) == 0);
    CHECK(eh->e_type == ET_DYN);
    CHECK((unsigned long)&main > bias);
    CHECK(counter_ptr == &counter);
    (*counter_ptr)++;
    CHECK(counter == 42);
    CHECK(strcmp(names[1], "beta") == 0);
    /* printf lives in the shared libc, mapped away from the program. */
    unsigned long pf = (unsigned long)&printf;
    CHECK(pf < bias || pf > bias + 0x10000000UL);
    return 0;
}
