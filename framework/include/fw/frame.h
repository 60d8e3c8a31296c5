/*
 * fw/frame.h: 4 KiB frames of physical memory.  A handle is a counted
 * reference; the last fw_frame_unref() frees the frame, and the framework
 * reuses it only after every mapping of it is gone (fw/vm.h takes its own
 * references).  Services never see a frame's address: contents move by copy.
 * Each frame carries one service-owned metadata word.  No locks are needed;
 * none of these functions sleeps.
 */
#ifndef FW_FRAME_H
#define FW_FRAME_H

#include <fw/types.h>

struct fw_frame;				/* opaque */

/* Allocates a zeroed frame; *out gets the only reference.  -ENOMEM. */
FW_MUST_CHECK int	fw_frame_alloc(struct fw_frame **out);
struct fw_frame		*fw_frame_ref(struct fw_frame *f);	/* +1 */
void			 fw_frame_unref(struct fw_frame *f);	/* -1, NULL ok */
/* Copies len bytes at off into buf: 0, or -EINVAL past the frame's end. */
FW_MUST_CHECK int	fw_frame_read(const struct fw_frame *f, size_t off,
			    void *buf, size_t len);
/* Copies len bytes from buf to off: 0, or -EINVAL past the frame's end. */
FW_MUST_CHECK int	fw_frame_write(struct fw_frame *f, size_t off,
			    const void *buf, size_t len);
/* Zero-fills len bytes at off: 0, or -EINVAL past the frame's end. */
FW_MUST_CHECK int	fw_frame_zero(struct fw_frame *f, size_t off,
			    size_t len);
/* Copies the whole of src into dst (copy-on-write, page cache). */
void			 fw_frame_copy(struct fw_frame *dst,
			    const struct fw_frame *src);
/* The service metadata word (0 for a new frame); atomic. */
uint64_t		 fw_frame_meta(const struct fw_frame *f);
void			 fw_frame_set_meta(struct fw_frame *f, uint64_t v);
/* Frames in use and in all, for /proc/meminfo and sysinfo(2). */
size_t			 fw_frames_used(void);
size_t			 fw_frames_total(void);

#endif
