/*
 * initrd_blob.S: the default root file system (busybox and the guest
 * tests, made by scripts/mkrootfs), carried inside `trellis`.
 */
	.section .rodata
	.balign	4096
	.globl	sim_initrd_blob, sim_initrd_blob_end
sim_initrd_blob:
	.incbin	INITRD_PATH
sim_initrd_blob_end:

	.section .note.GNU-stack, "", @progbits
