/*
 * proc/exec_interp.c: a dynamic program's interpreter (the PT_INTERP of
 * an ELF file, ld.so): finding, checking and mapping it for execve, with
 * the errors of Linux's fs/binfmt_elf.c (ENOEXEC for a bad PT_INTERP,
 * ELIBBAD for an interpreter that is no ELF file for this machine).
 *
 * Interface: exec_interp_open, exec_interp_map, exec_interp_close
 * (proc/exec_impl.h).  Locks: mm->lock while choosing the address; the
 * mm is new and no thread uses it yet.
 */
#include <fw/alloc.h>
#include <fw/errno.h>
#include <fw/string.h>
#include <svc/file.h>
#include <svc/lib.h>
#include <svc/mm.h>
#include <svc/vfs.h>
#include <uapi/fcntl.h>
#include <uapi/fs.h>

#include "exec_impl.h"

/*
 * Reads the interpreter's path into a new string *out: -ENOEXEC when
 * PT_INTERP is shorter than 2 bytes, longer than PATH_MAX or not
 * NUL-terminated; -EIO when the file ends first.
 */
static int
exec_interp_path(const struct elf_source *src, const struct elf_info *info,
    char **out)
{
	uint64_t len = info->interp_len;
	char *path;
	long n;

	if (len < 2 || len > LINUX_PATH_MAX)
		return -ENOEXEC;
	if ((path = fw_alloc(len)) == NULL)
		return -ENOMEM;
	n = src->pread(src->ctx, path, len, info->interp_off);
	if (n < 0 || (uint64_t)n != len) {
		fw_free(path);
		return n < 0 && n > -4096 ? (int)n : -EIO;	/* an errno */
	}
	if (path[len - 1] != '\0') {
		fw_free(path);
		return -ENOEXEC;
	}
	*out = path;
	return 0;
}

int
exec_interp_open(struct proc *p, const struct elf_source *src,
    const struct elf_info *info, struct exec_interp *out)
{
	char *path = NULL;
	int err;

	memset(out, 0, sizeof(*out));
	if ((err = exec_interp_path(src, info, &path)) < 0)
		return err;
	err = exec_open(p, LINUX_AT_FDCWD, path, 0, &out->f);
	fw_free(path);
	if (err < 0)
		return err;
	exec_source(out->f, &out->src);
	if (out->src.size < sizeof(struct linux_elf64_ehdr))
		err = -EIO;			/* elf_read() of the header */
	else if ((err = elf_read(&out->src, &out->info)) == -ENOEXEC)
		err = -ELIBBAD;
	if (err < 0) {
		file_unref(out->f);
		out->f = NULL;
	}
	return err;
}

/* Where an ET_DYN interpreter goes: a free range mmap would choose. */
static int
exec_interp_place(struct mm *mm, const struct elf_info *info, uint64_t *bias)
{
	uint64_t len = info->hi - info->lo, addr;
	int err;

	fw_mutex_lock(&mm->lock);
	err = mm_find_free_locked(mm, 0, len + info->align - FW_PAGE_SIZE,
	    &addr);
	fw_mutex_unlock(&mm->lock);
	if (err < 0)
		return err;
	addr = (addr + info->align - 1) & ~(info->align - 1);
	*bias = addr - info->lo;
	return 0;
}

int
exec_interp_map(struct mm *mm, const struct exec_interp *ip, uint64_t *base,
    uint64_t *entry)
{
	uint64_t bias = 0;
	int err;

	if (ip->info.eh.e_type == LINUX_ET_DYN &&
	    (err = exec_interp_place(mm, &ip->info, &bias)) < 0)
		return err;
	if ((err = elf_map_image(mm, &ip->src, &ip->info, bias)) < 0)
		return err;
	*base = bias;
	*entry = ip->info.eh.e_entry + bias;
	return 0;
}

void
exec_interp_close(struct exec_interp *ip)
{
	if (ip->f == NULL)
		return;
	elf_info_release(&ip->info);
	file_unref(ip->f);
	ip->f = NULL;
}
