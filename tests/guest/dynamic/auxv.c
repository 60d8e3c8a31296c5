/* A dynamically linked PIE starts in its program interpreter: AT_BASE is the
 * interpreter's load address (an ELF header of type ET_DYN, not the program's), AT_ENTRY
 * is the program's own entry point (_start), AT_PHDR/AT_PHNUM its program headers, which
 * name that interpreter in PT_INTERP; argv and environ arrive through ld.so unchanged. */
/* guest-test: dynamic */
#include "guest.h"
#include <elf.h>
#include <link.h>
#include <sys/auxv.h>

extern char _start[];
extern char **environ;

static int first_object(struct dl_phdr_info *info, size_t size, void *arg)
{
    (void)size;
    *(struct dl_phdr_info *)arg = *info;
    return 1; /* the main program comes first */
}

int main(int argc, char **argv)
{
    const Elf64_Ehdr *ld = (const Elf64_Ehdr *)getauxval(AT_BASE);
    const Elf64_Phdr *ph = (const Elf64_Phdr *)getauxval(AT_PHDR);
    unsigned long phnum = getauxval(AT_PHNUM), i;
    struct dl_phdr_info self;

    CHECK(ld != NULL);
    CHECK(memcmp(ld->e_ident, ELFMAG, SELFMAG) == 0);
    CHECK(ld->e_type == ET_DYN);
    CHECK(getauxval(AT_ENTRY) == (unsigned long)_start);
    CHECK(getauxval(AT_PHENT) == sizeof(Elf64_Phdr));
    CHECK(ph != NULL && phnum > 0);
    CHECK(dl_iterate_phdr(first_object, &self) == 1);
    CHECK(self.dlpi_phdr == ph);
    CHECK(self.dlpi_phnum == phnum);
    const char *interp = NULL;
    for (i = 0; i < phnum; i++)
        if (ph[i].p_type == PT_INTERP)
            interp = (const char *)(self.dlpi_addr + ph[i].p_vaddr);
    CHECK(interp != NULL && interp[0] == '/');
    CHECK(access(interp, X_OK) == 0);
    /* The loader is not the program: its header is elsewhere. */
    CHECK((unsigned long)ld != self.dlpi_addr);

    /* argv and environ: run ourselves with known ones. */
    if (argc == 3 && strcmp(argv[1], "child") == 0) {
        CHECK(strcmp(argv[2], "two words") == 0);
        CHECK(environ[0] != NULL && strcmp(environ[0], "GUEST_A=1") == 0);
        CHECK(environ[1] != NULL && strcmp(environ[1], "GUEST_B=x y") == 0);
        CHECK(environ[2] == NULL);
        CHECK(strcmp(getenv("GUEST_B"), "x y") == 0);
        CHECK(strcmp((const char *)getauxval(AT_EXECFN), argv[0]) == 0);
        return 0;
    }
    char *cargv[] = { argv[0], "child", "two words", NULL };
    char *cenv[] = { "GUEST_A=1", "GUEST_B=x y", NULL };
    pid_t pid = CHECK_OK(fork());
    if (pid == 0) {
        execve(argv[0], cargv, cenv);
        _exit(127);
    }
    int st;
    CHECK_OK(waitpid(pid, &st, 0));
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
    return 0;
}
