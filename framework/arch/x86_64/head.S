/*
 * arch/x86_64/head.S: the kernel's first instructions.
 *
 * Both loaders enter at x86_entry_pa in 32-bit protected mode with paging
 * off and interrupts masked: QEMU's -kernel through the PVH note (ebx = the
 * hvm_start_info), GRUB through the Multiboot2 header (eax = 0x36d76289,
 * ebx = the info block).  Neither GDT can be trusted, so this loads its own,
 * maps the first GiB twice with 2 MiB pages (identity, and at KERNEL_VMA),
 * enters long mode, jumps to the high half, zeroes .bss and calls
 * x86_boot_main(eax, ebx) with the loader's two registers.
 *
 * The selectors are Linux's: 0x08 kernel code (32-bit), 0x10 kernel code
 * (64-bit), 0x18 kernel data.
 */
#define KERNEL_VMA	0xffffffff80000000
#define MB2_MAGIC	0xe85250d6
#define CR0_PE		(1 << 0)
#define CR0_WP		(1 << 16)
#define CR0_PG		(1 << 31)
#define CR4_PAE		(1 << 5)
#define MSR_EFER	0xc0000080
#define EFER_LME	(1 << 8)
#define EFER_NXE	(1 << 11)
#define PTE_P_W		0x003
#define PDE_2M		0x083			/* present, writable, 2 MiB */

	/* Multiboot2 header: magic, architecture 0 (i386), length, checksum,
	 * then the end tag.  GRUB takes the entry from e_entry. */
	.section .multiboot2, "a"
	.balign 8
mb2_header:
	.long	MB2_MAGIC
	.long	0
	.long	mb2_header_end - mb2_header
	.long	0x100000000 - (MB2_MAGIC + (mb2_header_end - mb2_header))
	.short	0, 0
	.long	8
mb2_header_end:

	/* PVH: a Xen note of type 18 (XEN_ELFNOTE_PHYS32_ENTRY). */
	.section .note.Xen, "a"
	.balign 4
	.long	4, 4, 18
	.asciz	"Xen"
	.long	x86_entry_pa

	.section .boot.text, "ax"
	.code32
	.globl	x86_entry_pa
x86_entry_pa:
	cli
	cld
	movl	%eax, %ebp		/* the loader's magic */
	movl	%ebx, %esi		/* its information block */
	lgdt	boot_gdt_desc
	ljmp	$0x08, $1f
1:	movl	$0x18, %eax
	movl	%eax, %ds
	movl	%eax, %es
	movl	%eax, %ss
	movl	%eax, %fs
	movl	%eax, %gs

	/* Page tables: PML4[0] and PML4[511] -> PDPTs -> one PD of 2 MiB
	 * pages over the first GiB (PDPT index 510 is KERNEL_VMA). */
	movl	$boot_tables, %edi
	xorl	%eax, %eax
	movl	$(4 * 4096 / 4), %ecx
	rep stosl
	movl	$(boot_pdpt_lo + PTE_P_W), boot_pml4
	movl	$(boot_pdpt_hi + PTE_P_W), boot_pml4 + 511 * 8
	movl	$(boot_pd + PTE_P_W), boot_pdpt_lo
	movl	$(boot_pd + PTE_P_W), boot_pdpt_hi + 510 * 8
	xorl	%ecx, %ecx
2:	movl	%ecx, %eax
	shll	$21, %eax
	orl	$PDE_2M, %eax
	movl	%eax, boot_pd(, %ecx, 8)
	incl	%ecx
	cmpl	$512, %ecx
	jne	2b

	movl	%cr4, %eax
	orl	$CR4_PAE, %eax
	movl	%eax, %cr4
	movl	$boot_pml4, %eax
	movl	%eax, %cr3

	/* EFER.LME, and NXE when the CPU has NX (CPUID 0x80000001 EDX 20). */
	movl	$0x80000001, %eax
	cpuid
	xorl	%ebx, %ebx
	btl	$20, %edx
	jnc	3f
	movl	$EFER_NXE, %ebx
3:	movl	$MSR_EFER, %ecx
	rdmsr
	orl	$EFER_LME, %eax
	orl	%ebx, %eax
	wrmsr

	movl	%cr0, %eax
	orl	$(CR0_PG | CR0_WP | CR0_PE), %eax
	movl	%eax, %cr0
	ljmp	$0x10, $x86_entry64

	.code64
x86_entry64:
	movabsq	$x86_start_high, %rax
	jmp	*%rax

	.section .boot.data, "aw"
	.balign 16
boot_gdt:
	.quad	0
	.quad	0x00cf9a000000ffff	/* 0x08: code, 32-bit */
	.quad	0x00af9a000000ffff	/* 0x10: code, 64-bit */
	.quad	0x00cf92000000ffff	/* 0x18: data */
boot_gdt_end:
boot_gdt_desc:
	.short	boot_gdt_end - boot_gdt - 1
	.long	boot_gdt

	.section .boot.bss, "aw", @nobits
	.balign 4096
boot_tables:
boot_pml4:	.skip 4096
boot_pdpt_lo:	.skip 4096
boot_pdpt_hi:	.skip 4096
boot_pd:	.skip 4096

	.text
x86_start_high:
	movabsq	$boot_stack_top, %rsp
	movabsq	$__bss_start, %rdi
	movabsq	$__bss_end, %rcx
	subq	%rdi, %rcx
	xorl	%eax, %eax
	rep stosb
	movl	%ebp, %edi
	movl	%esi, %esi
	xorl	%ebp, %ebp
	call	x86_boot_main
4:	cli
	hlt
	jmp	4b

	.bss
	.balign 16
boot_stack:
	.skip	16384
boot_stack_top:

	.section .note.GNU-stack, "", @progbits
