/*
 * snippets.S: tiny guest programs for backend_test.c, copied into a guest
 * code page at 0x400000.  Data page 0x600000, stack page 0x700000.
 */
#define SNIP(name)	.globl name, name##_end; name:
#define END(name)	name##_end:

	.text
SNIP(snip_syscalls)
	mov	$39, %eax
	syscall
	mov	%rax, %rdi
	mov	$60, %eax
	syscall
	ud2
END(snip_syscalls)

SNIP(snip_write_unmapped)
	movabs	$0x500000, %rax
	movq	$1, (%rax)
	ud2
END(snip_write_unmapped)

SNIP(snip_read_data)
	movabs	$0x600000, %rax
	mov	(%rax), %rdi
	mov	$60, %eax
	syscall
	ud2
END(snip_read_data)

SNIP(snip_write_twice)
	movabs	$0x600000, %rbx
	movq	$7, (%rbx)
	mov	$39, %eax
	syscall
	movq	$8, (%rbx)
	ud2
END(snip_write_twice)

SNIP(snip_int3)
	int3
	ud2
END(snip_int3)

SNIP(snip_ud2)
	ud2
END(snip_ud2)

SNIP(snip_stub_jump)
	movabs	$0x7ff000000000, %rax
	jmp	*%rax
END(snip_stub_jump)

SNIP(snip_fs)
	mov	%fs:8, %rdi
	mov	$60, %eax
	syscall
	ud2
END(snip_fs)

SNIP(snip_vsyscall)
	movabs	$0xffffffffff600400, %rax
	call	*%rax
	ud2
END(snip_vsyscall)

SNIP(snip_int80)
	mov	$20, %eax
	int	$0x80
	ud2
END(snip_int80)

SNIP(snip_loop)
1:	jmp	1b
END(snip_loop)

	.section .note.GNU-stack, "", @progbits
