/*
 * fw/uaccess.h: the only way services touch user memory.  Each copy follows
 * vm's page table (walked by the MMU itself where the backend can, see
 * hal/uaccess.h); a page that is absent or lacks the access is offered to
 * the vm's fault handler (fw/vm.h) once, and the copy fails with -EFAULT if
 * that does not make it accessible.  A failed copy may have moved a prefix.
 * Addresses at or above fw_vm_user_top() always fail.  Kernel buffers are
 * borrowed for the call.  May sleep (the fault handler may); takes the vm's
 * lock internally, so the caller must not hold it.
 */
#ifndef FW_UACCESS_H
#define FW_UACCESS_H

#include <fw/types.h>

struct fw_frame;
struct fw_vm;

/* 0, or -EFAULT. */
FW_MUST_CHECK int	fw_copy_from_user(struct fw_vm *vm, void *dst,
			    fw_uaddr_t src, size_t len);
/* 0, or -EFAULT.  Needs write access to every page. */
FW_MUST_CHECK int	fw_copy_to_user(struct fw_vm *vm, fw_uaddr_t dst,
			    const void *src, size_t len);
/*
 * Whether fw_copy_to_user() to [dst, dst+len) would succeed now: 0 when
 * every page is writable (after a fault if need be), else -EFAULT.  Moves
 * nothing.  For reads that consume their source (a pipe, a socket): check
 * first, so that a bad buffer loses no data.
 */
FW_MUST_CHECK int	fw_user_writable(struct fw_vm *vm, fw_uaddr_t dst,
			    size_t len);
/*
 * Copies len bytes at off of frame f (fw/frame.h) to user memory, without
 * a bounce buffer: a file's cache page straight to a reader.  The caller
 * holds its reference to f for the call.  0, -EFAULT, or -EINVAL when
 * [off, off+len) leaves the frame.
 */
FW_MUST_CHECK int	fw_copy_frame_to_user(struct fw_vm *vm, fw_uaddr_t dst,
			    const struct fw_frame *f, size_t off, size_t len);
/* Zero-fills len user bytes: 0, or -EFAULT. */
FW_MUST_CHECK int	fw_clear_user(struct fw_vm *vm, fw_uaddr_t dst,
			    size_t len);
/*
 * Copies a NUL-terminated string of at most n bytes including the NUL.
 * Returns its length (without the NUL, which is stored), n when no NUL was
 * found within n bytes (dst then holds n bytes, unterminated), or -EFAULT.
 */
FW_MUST_CHECK long	fw_strncpy_from_user(struct fw_vm *vm, char *dst,
			    fw_uaddr_t src, size_t n);
/*
 * Atomically compares the aligned user word at addr with old and, if equal,
 * stores new.  *cur gets the value found.  0, -EFAULT, or -EINVAL when addr
 * is not 4-byte aligned.  For futexes.
 */
FW_MUST_CHECK int	fw_user_cmpxchg32(struct fw_vm *vm, fw_uaddr_t addr,
			    uint32_t old, uint32_t new, uint32_t *cur);

#endif
