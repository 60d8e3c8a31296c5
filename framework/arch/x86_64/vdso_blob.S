/*
 * arch/x86_64/vdso_blob.S: the vDSO (vdso/vdso.c, the simulator's own), in
 * the kernel's read-only data for the services (fw_boot_vdso_read()).
 */
	.section .rodata
	.balign	4096
	.globl	x86_vdso_blob, x86_vdso_blob_end
x86_vdso_blob:
	.incbin	VDSO_PATH
x86_vdso_blob_end:

	.section .note.GNU-stack, "", @progbits
