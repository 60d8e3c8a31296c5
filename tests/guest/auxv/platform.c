/* AT_PLATFORM is "x86_64"; AT_HWCAP has the FPU bit (CPUID.1:EDX bit 0).  Read from the
 * raw vector after envp: glibc's getauxval(AT_HWCAP) reports its own value. */
#include "guest.h"
#include <elf.h>

static unsigned long raw_auxval(char **envp, unsigned long type)
{
    while (*envp)
        envp++;
    for (Elf64_auxv_t *a = (Elf64_auxv_t *)(envp + 1); a->a_type != AT_NULL; a++)
        if (a->a_type == type)
            return a->a_un.a_val;
    return 0;
}

int main(int argc, char **argv, char **envp)
{
    (void)argc, (void)argv;
    const char *p = (const char *)raw_auxval(envp, AT_PLATFORM);
    CHECK(p != NULL);
    if (strcmp(p, "x86_64") != 0)
        FAIL("AT_PLATFORM is \"%s\"", p);
    CHECK(raw_auxval(envp, AT_HWCAP) & 1);
    return 0;
}
