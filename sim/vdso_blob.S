/*
 * vdso_blob.S: the vDSO (vdso/vdso.c, an ELF shared object), carried inside
 * `trellis` for the framework to hand to the services (fw_boot_vdso_read()).
 */
	.section .rodata
	.balign	4096
	.globl	sim_vdso_blob, sim_vdso_blob_end
sim_vdso_blob:
	.incbin	VDSO_PATH
sim_vdso_blob_end:

	.section .note.GNU-stack, "", @progbits
