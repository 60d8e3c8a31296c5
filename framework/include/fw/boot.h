/*
 * fw/boot.h: what the machine was started with.  The simulator fills this
 * from its command line; bare metal from PVH, Multiboot2 or the device tree.
 * Strings are owned by the framework and live until power-off.  The
 * initramfs is read by copy.  Nothing here sleeps or fails after boot.
 *
 * The services provide svc_main(), which the framework runs as the first
 * task once the machine is up.
 */
#ifndef FW_BOOT_H
#define FW_BOOT_H

#include <fw/types.h>

struct fw_frame;

/* The program to run and its arguments (argv[0] is the path). */
size_t		 fw_boot_argc(void);
const char	*fw_boot_argv(size_t i);		/* NULL past the end */
/* Its environment, "NAME=value" each. */
size_t		 fw_boot_envc(void);
const char	*fw_boot_envp(size_t i);		/* NULL past the end */
/* A boot option ("strace", "init", ...): its value, "" if set bare, or NULL. */
const char	*fw_boot_option(const char *name);
/*
 * The initramfs image: its size (0 if none), and a copy of part of it.
 * The image stays until power-off, so a file system may leave file data
 * in it and copy each page out when it is first needed.
 */
size_t		 fw_boot_initrd_size(void);
/* 0, or -EINVAL past the image's end. */
FW_MUST_CHECK int fw_boot_initrd_read(size_t off, void *buf, size_t len);
/*
 * Copies len bytes of the image at off to the start of frame f (the caller
 * holds a reference): 0, or -EINVAL past the image's end or past a page.
 */
FW_MUST_CHECK int fw_boot_initrd_to_frame(size_t off, struct fw_frame *f,
		    size_t len);
/*
 * The vDSO the backend carries (an ELF shared object built from vdso/, to
 * be mapped right above the time page, fw/timepage.h): its size (0 if
 * none), and a copy of part of it: 0, or -EINVAL past the image's end.
 */
size_t		 fw_boot_vdso_size(void);
FW_MUST_CHECK int fw_boot_vdso_read(size_t off, void *buf, size_t len);

/*
 * The machine's devices, in a fixed order: the same list on every backend
 * (the simulator's command line, bare metal's device tree or ACPI).  A
 * driver finds its device here, then opens its window (fw_iomem_open())
 * and installs a handler on its line (fw_irq_request()).
 */
#define FW_DEV_VIRTIO_MMIO	1	/* a virtio-mmio transport, version 2 */
#define FW_DEV_PCI		2	/* a PCI function (fw/pci.h) */

struct fw_boot_device {
	unsigned int	 type;		/* FW_DEV_* */
	unsigned int	 irq;		/* its interrupt line (fw/irq.h) */
	const char	*name;		/* for logs and panics */
	/* FW_DEV_PCI: the function's IDs (configuration offsets 0, 2, 0x2e). */
	uint16_t	 vendor, device, subsystem;
};

/* How many devices the list holds (indices 0 to count-1). */
size_t		 fw_boot_device_count(void);
/* Copies device i's description: 0, or -ENOENT past the end. */
FW_MUST_CHECK int fw_boot_device(size_t i, struct fw_boot_device *out);

/* Defined by the services: the first task. */
void		 svc_main(void *arg);

#endif
