/* AT_PHDR, AT_PHENT and AT_PHNUM describe the program headers of the running
 * executable: the ELF header sits where the first PT_LOAD maps file offset 0, its
 * e_phnum/e_phentsize match, and AT_ENTRY is its entry point plus the load bias. */
#include "guest.h"
#include <elf.h>
#include <link.h>
#include <sys/auxv.h>

int main(void)
{
    const Elf64_Phdr *ph = (const Elf64_Phdr *)getauxval(AT_PHDR);
    unsigned long phnum = getauxval(AT_PHNUM), phent = getauxval(AT_PHENT);
    CHECK(ph != NULL);
    CHECK(phent == sizeof(Elf64_Phdr));
    CHECK(phnum > 0 && phnum < 64);
    const Elf64_Phdr *first_load = NULL;
    for (unsigned long i = 0; i < phnum; i++)
        if (ph[i].p_type == PT_LOAD && !first_load)
            first_load = &ph[i];
    CHECK(first_load != NULL);
    CHECK(first_load->p_offset == 0);
    const unsigned char *seg = NULL;
    for (unsigned long i = 0; i < phnum; i++)
        if (ph[i].p_type == PT_PHDR)
            seg = (const unsigned char *)ph - ph[i].p_vaddr + first_load->p_vaddr;
    if (!seg) /* no PT_PHDR (static ET_EXEC): the first segment is at its p_vaddr */
        seg = (const unsigned char *)first_load->p_vaddr;
    const Elf64_Ehdr *eh = (const Elf64_Ehdr *)seg;
    CHECK(memcmp(eh->e_ident, ELFMAG, SELFMAG) == 0);
    CHECK(eh->e_machine == EM_X86_64);
    CHECK(eh->e_phnum == phnum);
    CHECK(eh->e_phentsize == phent);
    CHECK((const unsigned char *)ph == seg + eh->e_phoff);
    unsigned long load_bias = (unsigned long)seg - first_load->p_vaddr;
    CHECK(getauxval(AT_ENTRY) == eh->e_entry + load_bias);
    return 0;
}
