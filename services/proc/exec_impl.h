/*
 * proc/exec_impl.h: what the parts of execve share and no one else needs
 * (services/proc/exec.c, exec_interp.c, exec_vdso.c).  No locks: everything here is
 * built on the side, before the exec's point of no return.
 */
#ifndef PROC_EXEC_IMPL_H
#define PROC_EXEC_IMPL_H

#include <svc/elf.h>
#include <svc/proc.h>

struct file;
struct mm;

/*
 * Opens path (from dirfd, with execveat's flags) for exec: a regular file
 * p may execute, or -errno.  "" with AT_EMPTY_PATH is dirfd's file.
 */
FW_MUST_CHECK int	exec_open(struct proc *p, int dirfd, const char *path,
			    int flags, struct file **out);
/* An elf_source reading the open file f (borrowed). */
void			exec_source(struct file *f, struct elf_source *out);

/* A program's interpreter (PT_INTERP): its file and checked headers. */
struct exec_interp {
	struct file		*f;	/* counted */
	struct elf_source	 src;
	struct elf_info		 info;
};

/*
 * Reads the PT_INTERP path of the program info describes (read from src)
 * and opens and checks the interpreter as Linux's load_elf_binary does:
 * -ENOEXEC for a bad PT_INTERP, the open's errors (-ENOENT, -EACCES, ...),
 * -EIO for a file shorter than an ELF header, -ELIBBAD for one that is
 * no x86-64 ELF-64 file.  On 0, close *out with exec_interp_close().
 */
FW_MUST_CHECK int	exec_interp_open(struct proc *p,
			    const struct elf_source *src,
			    const struct elf_info *info,
			    struct exec_interp *out);
/*
 * Maps the interpreter into mm where mmap(2) would put it (ET_DYN) or at
 * its own addresses (ET_EXEC); its own PT_INTERP is ignored, as Linux
 * does, so interpreters never nest.  *base gets its load bias (AT_BASE),
 * *entry its entry point.  -ENOMEM, -EEXIST, -EIO.
 */
FW_MUST_CHECK int	exec_interp_map(struct mm *mm,
			    const struct exec_interp *ip, uint64_t *base,
			    uint64_t *entry);
void			exec_interp_close(struct exec_interp *ip);

/*
 * Maps the time page and the vDSO (proc/exec_vdso.c) into the new mm where
 * mmap would put them; *ehdr gets the vDSO's address (AT_SYSINFO_EHDR), or
 * 0 when the machine has none.  -ENOMEM.
 */
FW_MUST_CHECK int	exec_vdso_map(struct mm *mm, uint64_t *ehdr);

#endif
