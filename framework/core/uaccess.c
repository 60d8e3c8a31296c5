/*
 * core/uaccess.c: copies to and from user memory (fw/uaccess.h).  A copy
 * first tries the backend's fast path (hal/uaccess.h), which on bare metal
 * moves the bytes through the user's own addresses and stops at the first
 * fault.  What it leaves goes page by page: the vm hands out a reference to the frame behind
 * the page if its entry allows the access (fw_vm_user_frame()), and the
 * bytes move through the kernel's linear map of physical memory.  The
 * reference keeps the frame from being reused while it is copied, even if
 * another CPU unmaps the page meanwhile.  A page that is absent or lacks
 * the access goes to the vm's fault handler once; a second miss is -EFAULT.
 *
 * Locks: none held here; the vm functions take the vm's lock inside, and
 * the fault handler runs without it.
 */
#include <fw/errno.h>
#include <fw/frame.h>
#include <fw/uaccess.h>
#include <fw/vm.h>
#include <stdatomic.h>
#include <string.h>

#include <hal/uaccess.h>

#include "core/frame_impl.h"
#include "core/vm_impl.h"

/* Whether [va, va+len) lies below the user top without wrapping. */
static bool
user_range_ok(uint64_t va, size_t len)
{
	uint64_t top = fw_vm_user_top();

	return va < top && len <= top - va;
}

/* A reference to the frame behind va for access, after one fault. */
static int
user_frame(struct fw_vm *vm, uint64_t va, unsigned int access,
    struct fw_frame **f)
{
	if (fw_vm_user_frame(vm, va, access, f) == 0)
		return 0;
	if (fw_vm_fault(vm, va, access) < 0)
		return -EFAULT;
	return fw_vm_user_frame(vm, va, access, f);
}

int
fw_user_writable(struct fw_vm *vm, fw_uaddr_t dst, size_t len)
{
	uint64_t va = dst.v, end;
	struct fw_frame *f;

	if (len == 0)
		return 0;
	if (!user_range_ok(va, len))
		return -EFAULT;
	end = va + len;
	for (va = fw_page_down(va); va < end; va += FW_PAGE_SIZE) {
		if (user_frame(vm, va, FW_ACCESS_WRITE, &f) < 0)
			return -EFAULT;
		fw_frame_unref(f);
	}
	return 0;
}

static int
user_copy(struct fw_vm *vm, uint64_t va, size_t len, enum hal_uop op,
    char *kbuf)
{
	unsigned int access = op == HAL_UOP_FROM ? FW_ACCESS_READ :
	    FW_ACCESS_WRITE;
	struct hal_space *s;
	struct fw_frame *f;
	size_t off, n;
	char *p;

	if (len == 0)
		return 0;
	if (!user_range_ok(va, len))
		return -EFAULT;
	s = fw_vm_space(vm);
	n = s != NULL ? len - hal_user_copy(s, op, kbuf, va, len) : 0;
	if (kbuf != NULL)
		kbuf += n;
	va += n;
	len -= n;
	while (len > 0) {
		off = va & (FW_PAGE_SIZE - 1);
		n = FW_PAGE_SIZE - off < len ? FW_PAGE_SIZE - off : len;
		if (user_frame(vm, va, access, &f) < 0)
			return -EFAULT;
		p = (char *)fw_frame_ptr(f) + off;
		if (op == HAL_UOP_FROM)
			memcpy(kbuf, p, n);
		else if (op == HAL_UOP_TO)
			memcpy(p, kbuf, n);
		else
			memset(p, 0, n);
		fw_frame_unref(f);
		if (kbuf != NULL)
			kbuf += n;
		va += n;
		len -= n;
	}
	return 0;
}

int
fw_copy_from_user(struct fw_vm *vm, void *dst, fw_uaddr_t src, size_t len)
{
	return user_copy(vm, src.v, len, HAL_UOP_FROM, dst);
}

int
fw_copy_to_user(struct fw_vm *vm, fw_uaddr_t dst, const void *src,
    size_t len)
{
	/* HAL_UOP_TO only reads through kbuf. */
	return user_copy(vm, dst.v, len, HAL_UOP_TO, (char *)(uintptr_t)src);
}

int
fw_copy_frame_to_user(struct fw_vm *vm, fw_uaddr_t dst,
    const struct fw_frame *f, size_t off, size_t len)
{
	if (off > FW_PAGE_SIZE || len > FW_PAGE_SIZE - off)
		return -EINVAL;
	return user_copy(vm, dst.v, len, HAL_UOP_TO,
	    (char *)fw_frame_ptr(f) + off);
}

int
fw_clear_user(struct fw_vm *vm, fw_uaddr_t dst, size_t len)
{
	return user_copy(vm, dst.v, len, HAL_UOP_CLEAR, NULL);
}

/*
 * Reads page by page, so a string that ends before an unmapped page (or
 * the user top) is copied whole.
 */
long
fw_strncpy_from_user(struct fw_vm *vm, char *dst, fw_uaddr_t src, size_t n)
{
	uint64_t va = src.v, top = fw_vm_user_top();
	struct fw_frame *f;
	size_t done = 0, off, chunk;
	const char *p, *nul;

	while (done < n) {
		if (va >= top)
			return -EFAULT;
		off = va & (FW_PAGE_SIZE - 1);
		chunk = FW_PAGE_SIZE - off;
		if (chunk > n - done)
			chunk = n - done;
		if (user_frame(vm, va, FW_ACCESS_READ, &f) < 0)
			return -EFAULT;
		p = (const char *)fw_frame_ptr(f) + off;
		nul = memchr(p, '\0', chunk);
		if (nul != NULL)
			chunk = (size_t)(nul - p) + 1;
		memcpy(dst + done, p, chunk);
		fw_frame_unref(f);
		done += chunk;
		va += chunk;
		if (nul != NULL)
			return (long)(done - 1);
	}
	return (long)n;
}

int
fw_user_cmpxchg32(struct fw_vm *vm, fw_uaddr_t addr, uint32_t old,
    uint32_t new, uint32_t *cur)
{
	_Atomic uint32_t *word;
	struct fw_frame *f;
	uint32_t expect = old;

	if (addr.v & 3)
		return -EINVAL;
	if (!user_range_ok(addr.v, sizeof(uint32_t)))
		return -EFAULT;
	if (user_frame(vm, addr.v, FW_ACCESS_WRITE, &f) < 0)
		return -EFAULT;
	word = (_Atomic uint32_t *)((char *)fw_frame_ptr(f) +
	    (addr.v & (FW_PAGE_SIZE - 1)));
	atomic_compare_exchange_strong(word, &expect, new);
	*cur = expect;
	fw_frame_unref(f);
	return 0;
}
