/* execve of an ELF file with a program interpreter (PT_INTERP) starts the interpreter,
 * mapped at an address of the kernel's choosing, and ignores the interpreter's own
 * PT_INTERP (interpreters never nest).  The errors return to the caller as Linux's
 * load_elf_binary gives them: ENOEXEC for a PT_INTERP shorter than 2 bytes or without
 * its NUL, ENOENT for a missing interpreter, EACCES for one that is not executable or
 * is a directory, EIO for one shorter than an ELF header, ELIBBAD for one that is no
 * x86-64 ELF file. */
#include "guest.h"
#include <elf.h>

/* mov $60, %eax; mov $CODE, %edi; syscall: exit(CODE). */
static const unsigned char exit_code[] = {
    0xb8, 0x3c, 0, 0, 0, 0xbf, 0, 0, 0, 0, 0x0f, 0x05,
};

/* Writes an ELF file to path: one PT_LOAD of the whole file at vaddr (ET_EXEC) or 0
 * (ET_DYN) running exit(code), and a PT_INTERP of interp_len bytes of interp if
 * interp is not NULL. */
static void make_elf(const char *path, int type, int machine, int code,
                     const char *interp, size_t interp_len)
{
    unsigned char img[512] = { 0 };
    Elf64_Ehdr *eh = (Elf64_Ehdr *)img;
    Elf64_Phdr *ph = (Elf64_Phdr *)(img + sizeof(*eh));
    size_t nph = interp ? 2 : 1, off = sizeof(*eh) + nph * sizeof(*ph);
    uint64_t vaddr = type == ET_EXEC ? 0x400000 : 0;

    memcpy(eh->e_ident, ELFMAG, SELFMAG);
    eh->e_ident[EI_CLASS] = ELFCLASS64;
    eh->e_ident[EI_DATA] = ELFDATA2LSB;
    eh->e_ident[EI_VERSION] = EV_CURRENT;
    eh->e_type = type;
    eh->e_machine = machine;
    eh->e_version = EV_CURRENT;
    eh->e_phoff = sizeof(*eh);
    eh->e_ehsize = sizeof(*eh);
    eh->e_phentsize = sizeof(*ph);
    eh->e_phnum = nph;
    if (interp) {
        ph[1].p_type = PT_INTERP;
        ph[1].p_flags = PF_R;
        ph[1].p_offset = off;
        ph[1].p_vaddr = vaddr + off;
        ph[1].p_filesz = ph[1].p_memsz = interp_len;
        memcpy(img + off, interp, interp_len);
        off += interp_len;
    }
    off = (off + 15) & ~15UL;
    memcpy(img + off, exit_code, sizeof(exit_code));
    img[off + 6] = (unsigned char)code;
    eh->e_entry = vaddr + off;
    off += sizeof(exit_code);
    ph[0].p_type = PT_LOAD;
    ph[0].p_flags = PF_R | PF_X;
    ph[0].p_vaddr = vaddr;
    ph[0].p_filesz = ph[0].p_memsz = off;
    ph[0].p_align = 4096;
    make_file(path, img, off);
    CHECK_OK(chmod(path, 0755));
}

/* Runs path in a child: its exit status, which is errno when execve fails. */
static int run(const char *path)
{
    char *const argv[] = { (char *)path, NULL }, *const envp[] = { NULL };
    int st;
    pid_t pid = CHECK_OK(fork());

    if (pid == 0) {
        execve(path, argv, envp);
        _exit(errno);
    }
    CHECK_OK(waitpid(pid, &st, 0));
    CHECK(WIFEXITED(st));
    return WEXITSTATUS(st);
}

/* A program whose interpreter is path (with its NUL), run. */
static int run_with(const char *prog, const char *interp)
{
    make_elf(prog, ET_EXEC, EM_X86_64, 43, interp, strlen(interp) + 1);
    return run(prog);
}

int main(void)
{
    const char *prog = tmp_path("prog"), *ld = tmp_path("ld");
    char *const argv[] = { "x", NULL }, *const envp[] = { NULL };
    char junk[256];

    /* The interpreter runs, not the program; its own PT_INTERP is ignored. */
    make_elf(ld, ET_DYN, EM_X86_64, 42, "/nonexistent/ld.so", 19);
    CHECK(run_with(prog, ld) == 42);

    CHECK(run_with(prog, "/nonexistent/ld.so") == ENOENT);
    CHECK(run_with(prog, "/tmp") == EACCES);
    CHECK_OK(chmod(ld, 0644));
    CHECK(run_with(prog, ld) == EACCES);
    make_file(ld, "not an ELF file", 15);
    CHECK_OK(chmod(ld, 0755));
    CHECK(run_with(prog, ld) == EIO);
    memset(junk, 'j', sizeof(junk));
    make_file(ld, junk, sizeof(junk));
    CHECK(run_with(prog, ld) == ELIBBAD);
    make_elf(ld, ET_DYN, EM_386, 42, NULL, 0);
    CHECK(run_with(prog, ld) == ELIBBAD);
    CHECK_ERR(execve(ld, argv, envp), ENOEXEC);  /* the same file as a program */

    make_elf(prog, ET_EXEC, EM_X86_64, 43, "x", 1);
    CHECK_ERR(execve(prog, argv, envp), ENOEXEC);  /* 1 byte: too short */
    make_elf(prog, ET_EXEC, EM_X86_64, 43, "/bin/sh!", 8);
    CHECK_ERR(execve(prog, argv, envp), ENOEXEC);  /* no NUL */
    return 0;
}
