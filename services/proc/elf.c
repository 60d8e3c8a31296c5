/*
 * proc/elf.c: reading and validating an ELF-64 executable's headers
 * (System V gABI ch. 4 and 5; Linux fs/binfmt_elf.c for what the kernel
 * refuses).  Everything is read by copy into kernel buffers through an
 * elf_source and checked before exec maps anything, so a hostile file
 * gets an errno, never a crash.
 *
 * Interface: elf_read, elf_info_release, elf_load_bias, elf_phdr_addr
 * (svc/elf.h).  No locks: the elf_info belongs to the caller.
 */
#include <fw/alloc.h>
#include <fw/errno.h>
#include <fw/string.h>
#include <fw/vm.h>
#include <svc/elf.h>
#include <svc/lib.h>
#include <svc/mm.h>

/* The largest load alignment honoured for a PIE's base (larger is capped). */
#define ELF_MAX_ALIGN	(1ULL << 30)
/* What a PIE must leave free below user space's top for stack and mmaps. */
#define ELF_STACK_RESERVE	(16ULL << 30)

/* Reads exactly len bytes at off: 0, -ENOEXEC when short, or -errno. */
static int
elf_pread_all(const struct elf_source *src, void *buf, size_t len,
    uint64_t off)
{
	long n;

	if (off > src->size || len > src->size - off)
		return -ENOEXEC;
	n = src->pread(src->ctx, buf, len, off);
	if (n < 0)
		return (int)n;
	return (size_t)n == len ? 0 : -ENOEXEC;
}

/* Checks the file header: 0 or -ENOEXEC. */
static int
elf_check_ehdr(const struct linux_elf64_ehdr *eh, uint64_t size)
{
	static const uint8_t magic[4] = { 0x7f, 'E', 'L', 'F' };
	uint64_t phsize;

	if (memcmp(eh->e_ident, magic, sizeof(magic)) != 0 ||
	    eh->e_ident[LINUX_EI_CLASS] != LINUX_ELFCLASS64 ||
	    eh->e_ident[LINUX_EI_DATA] != LINUX_ELFDATA2LSB ||
	    eh->e_ident[LINUX_EI_VERSION] != LINUX_EV_CURRENT ||
	    eh->e_version != LINUX_EV_CURRENT)
		return -ENOEXEC;
	if (eh->e_type != LINUX_ET_EXEC && eh->e_type != LINUX_ET_DYN)
		return -ENOEXEC;
	if (eh->e_machine != LINUX_EM_X86_64)
		return -ENOEXEC;
	if (eh->e_phentsize != sizeof(struct linux_elf64_phdr) ||
	    eh->e_phnum < 1 || eh->e_phnum > ELF_MAX_PHNUM)
		return -ENOEXEC;
	phsize = (uint64_t)eh->e_phnum * sizeof(struct linux_elf64_phdr);
	if (eh->e_phoff > size || phsize > size - eh->e_phoff)
		return -ENOEXEC;
	return 0;
}

/* Checks one PT_LOAD against the file and user space: 0 or -errno. */
static int
elf_check_load(const struct linux_elf64_phdr *ph, uint64_t size)
{
	uint64_t top = fw_vm_user_top();

	if (ph->p_filesz > ph->p_memsz)
		return -EINVAL;
	if (ph->p_offset % FW_PAGE_SIZE != ph->p_vaddr % FW_PAGE_SIZE)
		return -EINVAL;
	if (ph->p_offset > size || ph->p_filesz > size - ph->p_offset)
		return -ENOEXEC;		/* truncated file */
	if (ph->p_vaddr >= top || ph->p_memsz > top - ph->p_vaddr ||
	    fw_page_up(ph->p_vaddr + ph->p_memsz) > top)
		return -EINVAL;
	return 0;
}

/*
 * Checks every program header and computes the span and alignment of the
 * PT_LOADs, which must be sorted by address and must not overlap (two may
 * share a page).  0 or -errno.
 */
static int
elf_check_phdrs(struct elf_info *info, uint64_t size)
{
	uint64_t prev_end = 0;
	size_t i, nload = 0;
	int err;

	info->lo = UINT64_MAX;
	info->hi = 0;
	info->align = FW_PAGE_SIZE;
	for (i = 0; i < info->eh.e_phnum; i++) {
		const struct linux_elf64_phdr *ph = &info->ph[i];

		if (ph->p_type == LINUX_PT_INTERP && !info->interp) {
			info->interp = true;	/* the first one counts */
			info->interp_off = ph->p_offset;
			info->interp_len = ph->p_filesz;
		}
		if (ph->p_type == LINUX_PT_GNU_STACK)
			info->exec_stack = (ph->p_flags & LINUX_PF_X) != 0;
		if (ph->p_type != LINUX_PT_LOAD)
			continue;
		if ((err = elf_check_load(ph, size)) < 0)
			return err;
		if (nload++ > 0 && ph->p_vaddr < prev_end)
			return -EINVAL;		/* overlapping or unsorted */
		prev_end = ph->p_vaddr + ph->p_memsz;
		info->lo = MIN(info->lo, fw_page_down(ph->p_vaddr));
		info->hi = MAX(info->hi, fw_page_up(prev_end));
		if (ph->p_align > info->align && ph->p_align <= ELF_MAX_ALIGN &&
		    (ph->p_align & (ph->p_align - 1)) == 0)
			info->align = ph->p_align;
	}
	if (nload == 0 || info->hi <= info->lo)
		return -ENOEXEC;
	return 0;
}

/* Checks where the image would go: 0, -EPERM below mmap_min_addr, -EINVAL. */
static int
elf_check_span(const struct elf_info *info)
{
	uint64_t base, top;

	if (info->eh.e_type == LINUX_ET_EXEC)
		return info->lo < MM_MIN_ADDR ? -EPERM : 0;
	base = ELF_ET_DYN_BASE & ~(info->align - 1);
	top = fw_vm_user_top();
	if (top < base + ELF_STACK_RESERVE ||
	    info->hi - info->lo > top - base - ELF_STACK_RESERVE)
		return -EINVAL;		/* would run into the stack */
	return 0;
}

int
elf_read(const struct elf_source *src, struct elf_info *out)
{
	size_t phsize;
	int err;

	memset(out, 0, sizeof(*out));
	if ((err = elf_pread_all(src, &out->eh, sizeof(out->eh), 0)) < 0)
		return err;
	if ((err = elf_check_ehdr(&out->eh, src->size)) < 0)
		return err;
	phsize = (size_t)out->eh.e_phnum * sizeof(struct linux_elf64_phdr);
	if ((out->ph = fw_alloc(phsize)) == NULL)
		return -ENOMEM;
	if ((err = elf_pread_all(src, out->ph, phsize, out->eh.e_phoff)) < 0)
		goto fail;
	if ((err = elf_check_phdrs(out, src->size)) < 0)
		goto fail;
	if ((err = elf_check_span(out)) < 0)
		goto fail;
	return 0;
fail:
	elf_info_release(out);
	return err;
}

void
elf_info_release(struct elf_info *info)
{
	fw_free(info->ph);
	info->ph = NULL;
}

uint64_t
elf_load_bias(const struct elf_info *info)
{
	if (info->eh.e_type == LINUX_ET_EXEC)
		return 0;
	return (ELF_ET_DYN_BASE & ~(info->align - 1)) - info->lo;
}

/*
 * AT_PHDR: PT_PHDR's address if there is one, else the headers' place in
 * the PT_LOAD that maps file offset e_phoff (usually the one at offset 0).
 */
uint64_t
elf_phdr_addr(const struct elf_info *info, uint64_t bias)
{
	uint64_t off = info->eh.e_phoff;
	size_t i;

	for (i = 0; i < info->eh.e_phnum; i++)
		if (info->ph[i].p_type == LINUX_PT_PHDR)
			return info->ph[i].p_vaddr + bias;
	for (i = 0; i < info->eh.e_phnum; i++) {
		const struct linux_elf64_phdr *ph = &info->ph[i];

		if (ph->p_type == LINUX_PT_LOAD && off >= ph->p_offset &&
		    off - ph->p_offset < ph->p_filesz)
			return ph->p_vaddr + (off - ph->p_offset) + bias;
	}
	return 0;
}
