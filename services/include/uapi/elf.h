/*
 * uapi/elf.h: the ELF-64 file and program headers (System V gABI, "ELF
 * Header" and "Program Header"; include/uapi/linux/elf.h), little-endian
 * x86-64 values only.
 */
#ifndef UAPI_ELF_H
#define UAPI_ELF_H

#include <fw/types.h>

#define LINUX_EI_NIDENT		16
#define LINUX_EI_CLASS		4
#define LINUX_EI_DATA		5
#define LINUX_EI_VERSION	6
#define LINUX_ELFCLASS64	2
#define LINUX_ELFDATA2LSB	1
#define LINUX_EV_CURRENT	1
#define LINUX_ET_EXEC		2
#define LINUX_ET_DYN		3
#define LINUX_EM_X86_64		62

struct linux_elf64_ehdr {
	uint8_t		e_ident[LINUX_EI_NIDENT];
	uint16_t	e_type;
	uint16_t	e_machine;
	uint32_t	e_version;
	uint64_t	e_entry;
	uint64_t	e_phoff;
	uint64_t	e_shoff;
	uint32_t	e_flags;
	uint16_t	e_ehsize;
	uint16_t	e_phentsize;
	uint16_t	e_phnum;
	uint16_t	e_shentsize;
	uint16_t	e_shnum;
	uint16_t	e_shstrndx;
};
_Static_assert(sizeof(struct linux_elf64_ehdr) == 64, "Elf64_Ehdr");

struct linux_elf64_phdr {
	uint32_t	p_type;
	uint32_t	p_flags;
	uint64_t	p_offset;
	uint64_t	p_vaddr;
	uint64_t	p_paddr;
	uint64_t	p_filesz;
	uint64_t	p_memsz;
	uint64_t	p_align;
};
_Static_assert(sizeof(struct linux_elf64_phdr) == 56, "Elf64_Phdr");

#define LINUX_PT_NULL		0
#define LINUX_PT_LOAD		1
#define LINUX_PT_DYNAMIC	2
#define LINUX_PT_INTERP		3
#define LINUX_PT_NOTE		4
#define LINUX_PT_PHDR		6
#define LINUX_PT_TLS		7
#define LINUX_PT_GNU_STACK	0x6474e551

#define LINUX_PF_X		0x1
#define LINUX_PF_W		0x2
#define LINUX_PF_R		0x4

#endif
