/*
 * core/boot.c: what the machine was started with (fw/boot.h: the command
 * line, the initramfs and the vDSO images, the device list).
 *
 * The backend fills fw_boot_params (core/boot_impl.h) before fw_core_init();
 * it never changes afterwards, so nothing here takes a lock.
 */
#include <fw/errno.h>
#include <fw/frame.h>
#include <string.h>

#include "core/boot_impl.h"

struct fw_boot_params fw_boot_params;

size_t
fw_boot_argc(void)
{
	return fw_boot_params.argc;
}

const char *
fw_boot_argv(size_t i)
{
	return i < fw_boot_params.argc ? fw_boot_params.argv[i] : NULL;
}

size_t
fw_boot_envc(void)
{
	return fw_boot_params.envc;
}

const char *
fw_boot_envp(size_t i)
{
	return i < fw_boot_params.envc ? fw_boot_params.envp[i] : NULL;
}

/* The last option of that name wins, as on a command line. */
const char *
fw_boot_option(const char *name)
{
	const char *v = NULL;
	size_t i;

	for (i = 0; i < fw_boot_params.noptions; i++)
		if (strcmp(fw_boot_params.options[i].key, name) == 0)
			v = fw_boot_params.options[i].value;
	return v;
}

size_t
fw_boot_initrd_size(void)
{
	return fw_boot_params.initrd_size;
}

/* Whether [off, off+len) lies inside the initramfs image. */
static bool
in_initrd(size_t off, size_t len)
{
	uint64_t size = fw_boot_params.initrd_size;

	return off <= size && len <= size - off;
}

int
fw_boot_initrd_read(size_t off, void *buf, size_t len)
{
	if (!in_initrd(off, len))
		return -EINVAL;
	if (len > 0)
		memcpy(buf, fw_boot_params.initrd + off, len);
	return 0;
}

int
fw_boot_initrd_to_frame(size_t off, struct fw_frame *f, size_t len)
{
	if (!in_initrd(off, len) || len > FW_PAGE_SIZE)
		return -EINVAL;
	return fw_frame_write(f, 0, fw_boot_params.initrd + off, len);
}

size_t
fw_boot_vdso_size(void)
{
	return fw_boot_params.vdso_size;
}

int
fw_boot_vdso_read(size_t off, void *buf, size_t len)
{
	size_t size = fw_boot_params.vdso_size;

	if (off > size || len > size - off)
		return -EINVAL;
	if (len > 0)
		memcpy(buf, fw_boot_params.vdso + off, len);
	return 0;
}

size_t
fw_boot_device_count(void)
{
	return fw_boot_params.ndevices;
}

int
fw_boot_device(size_t i, struct fw_boot_device *out)
{
	if (i >= fw_boot_params.ndevices)
		return -ENOENT;
	*out = fw_boot_params.devices[i].pub;
	return 0;
}
