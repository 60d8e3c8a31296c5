/*
 * svc/elf.h: reading and loading ELF-64 executables and their program
 * interpreters for execve (services/proc/elf.c, elf_map.c, stack.c).  The file is read by copy through an
 * elf_source, so tests can load images from memory.  No locks: an
 * elf_info belongs to its caller.
 */
#ifndef SVC_ELF_H
#define SVC_ELF_H

#include <fw/types.h>
#include <uapi/elf.h>

struct mm;

/* Reads len bytes at off: the count read (short at end of file) or -errno. */
typedef long (*elf_pread_fn)(void *ctx, void *buf, size_t len,
    uint64_t off);

struct file;
struct elf_source {
	elf_pread_fn	 pread;
	void		*ctx;
	uint64_t	 size;		/* the file's size */
	struct file	*file;		/* borrowed: its pages back read-only
					   segments; NULL: copy everything */
};

#define ELF_MAX_PHNUM	64
/* Where a position-independent executable goes (Linux's ELF_ET_DYN_BASE). */
#define ELF_ET_DYN_BASE	0x555555554000ULL

struct elf_info {
	struct linux_elf64_ehdr	 eh;
	struct linux_elf64_phdr	*ph;		/* fw_alloc'd, e_phnum entries */
	uint64_t		 lo, hi;	/* page span of PT_LOADs */
	uint64_t		 align;		/* largest PT_LOAD p_align */
	bool			 interp;	/* has PT_INTERP */
	uint64_t		 interp_off;	/* the first PT_INTERP's file */
	uint64_t		 interp_len;	/* bytes, if interp */
	bool			 exec_stack;	/* PT_GNU_STACK asks for PF_X */
};

/*
 * Reads and validates the headers: 0, -ENOEXEC for anything that is not a
 * loadable x86-64 ELF-64 file or is truncated, -EINVAL for segments Linux
 * would refuse to map (filesz > memsz, misaligned offsets, overlaps,
 * addresses beyond user space), -EIO, -ENOMEM.  On 0, release *out with
 * elf_info_release().
 */
FW_MUST_CHECK int	elf_read(const struct elf_source *src,
			    struct elf_info *out);
void			elf_info_release(struct elf_info *info);
/* The load bias: 0 for ET_EXEC, near ELF_ET_DYN_BASE for ET_DYN. */
uint64_t		elf_load_bias(const struct elf_info *info);
/* The user address of the program headers (AT_PHDR), or 0 if unknown. */
uint64_t		elf_phdr_addr(const struct elf_info *info,
			    uint64_t bias);
/*
 * Maps every PT_LOAD of the file at bias into mm.  The whole pages of a
 * read-only segment are the file's own (src->file's page cache, mapped
 * private, as Linux maps them); the other file bytes are copied into fresh
 * frames; the rest of each segment is left to the fault handler as zero
 * pages.  One VMA per segment, or three where the file's pages are.  elf_map (the program) also sets the
 * break after the highest segment; elf_map_image (its interpreter) does
 * not.  -ENOMEM, -EIO, -ENOEXEC (the file shrank), -EEXIST (overlap).
 */
FW_MUST_CHECK int	elf_map(struct mm *mm, const struct elf_source *src,
			    const struct elf_info *info, uint64_t bias);
FW_MUST_CHECK int	elf_map_image(struct mm *mm,
			    const struct elf_source *src,
			    const struct elf_info *info, uint64_t bias);

/* What the initial stack describes (System V x86-64 ABI §3.4.1). */
struct exec_stack_info {
	const char *const	*argv;
	size_t			 argc;
	const char *const	*envp;
	size_t			 envc;
	const char		*execfn;	/* AT_EXECFN */
	uint64_t		 entry;		/* AT_ENTRY */
	uint64_t		 phdr;		/* AT_PHDR */
	uint64_t		 phnum;		/* AT_PHNUM */
	uint64_t		 base;		/* AT_BASE: the interpreter's */
	uint64_t		 sysinfo_ehdr;	/* AT_SYSINFO_EHDR, or 0: none */
	uint32_t		 uid, euid, gid, egid;
};

/* The most argv and envp may take, strings and pointers (32 pages). */
#define EXEC_ARG_MAX		((size_t)32 * 4096)
#define EXEC_ARG_STRLEN_MAX	131072

/*
 * Writes argc, argv, envp, auxv and their strings below mm->stack_top and
 * returns the initial rsp in *sp (16-byte aligned, pointing at argc).
 * -E2BIG, -EFAULT, -ENOMEM.
 */
FW_MUST_CHECK int	exec_stack_build(struct mm *mm,
			    const struct exec_stack_info *si, uint64_t *sp);

#endif
