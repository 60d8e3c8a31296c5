/*
 * core/frame_impl.h: the frame allocator's internals, for the vm code and
 * the backends.  Never included by services.
 *
 * A struct fw_frame describes one 4 KiB frame of [hal_phys_first_free(),
 * hal_phys_size()); its physical address follows from its place in the
 * frame array.  Contiguous runs (fw_frames_alloc_contig()) are for backend
 * control areas and DMA: each of their frames holds one reference, and
 * they are given back with fw_frames_free_contig(), never fw_frame_unref().
 */
#ifndef FW_FRAME_IMPL_H
#define FW_FRAME_IMPL_H

#include <fw/frame.h>
#include <stdatomic.h>

struct fw_frame {
	atomic_uint		ref;	/* [a] references; 0 when free */
	_Atomic uint64_t	meta;	/* [a] the service metadata word */
	bool			used;	/* [o] ever allocated: may hold data */
};

/* Sets up the allocator over the backend's free memory; once, at boot. */
void		 fw_frame_init(void);
/* The physical address of f, and the frame of a managed address. */
uint64_t	 fw_frame_pa(const struct fw_frame *f);
struct fw_frame	*fw_frame_from_pa(uint64_t pa);
/* The kernel's pointer to f's contents (hal_phys_ptr()). */
void		*fw_frame_ptr(const struct fw_frame *f);
/*
 * Allocates npages zeroed frames at consecutive physical addresses, the
 * first aligned to align_pages pages (0 or 1: any page).  *pa gets the
 * address of the first.  -EINVAL for npages 0 or an alignment that is not
 * a power of two, -ENOMEM.
 */
FW_MUST_CHECK int fw_frames_alloc_contig(size_t npages, size_t align_pages,
		    uint64_t *pa);
/* Frees a run that fw_frames_alloc_contig() returned. */
void		 fw_frames_free_contig(uint64_t pa, size_t npages);

#endif
