/* stub_blob.S: the stub program, carried inside the simulator. */
	.section .rodata
	.balign	4096
	.globl	sim_stub_blob, sim_stub_blob_end
sim_stub_blob:
	.incbin	STUB_PATH
sim_stub_blob_end:

	.section .note.GNU-stack, "", @progbits
