/*
 * core/boot_impl.h: how a backend hands the machine's boot information to
 * the core.  The backend fills fw_boot_params before it calls
 * fw_core_init(); nothing changes it afterwards, so readers need no lock.
 * Every string and array, and the initramfs and vDSO images, must stay
 * readable until power-off.
 */
#ifndef FW_BOOT_IMPL_H
#define FW_BOOT_IMPL_H

#include <fw/boot.h>
#include <fw/pci.h>

/* One boot option: value is "" for an option given bare. */
struct fw_boot_option {
	const char	*key;
	const char	*value;
};

/* A PCI function's place and its memory BARs, as the backend set them. */
struct fw_boot_pci {
	uint32_t		 bdf;		/* bus << 8 | dev << 3 | fn */
	uint64_t		 bar_pa[FW_PCI_BARS];
	uint64_t		 bar_size[FW_PCI_BARS];	/* 0: no memory BAR */
	unsigned int		 msix_count;
};

/* One device: what fw/boot.h shows, and its register window. */
struct fw_boot_dev_impl {
	struct fw_boot_device	 pub;
	uint64_t		 mmio_pa;	/* in hal_mmio_read/write() */
	uint64_t		 mmio_size;	/* 0: no window */
	struct fw_boot_pci	 pci;		/* FW_DEV_PCI */
};

struct fw_boot_params {
	size_t				 argc;
	const char *const		*argv;		/* argc strings */
	size_t				 envc;
	const char *const		*envp;		/* envc strings */
	size_t				 noptions;
	const struct fw_boot_option	*options;	/* later ones win */
	const uint8_t			*initrd;	/* the initramfs image */
	uint64_t			 initrd_size;	/* 0: none */
	const uint8_t			*vdso;		/* the vDSO image */
	size_t				 vdso_size;	/* 0: none */
	size_t				 ndevices;
	const struct fw_boot_dev_impl	*devices;	/* ndevices */
};

extern struct fw_boot_params fw_boot_params;

/*
 * Splits a boot loader's command line, in place, the way Linux reads its
 * own: words are separated by blanks, double quotes group blanks into a
 * word (and are dropped), and the words before a lone "--" are options
 * ("key=value", or "key" with value ""), the words after it the first
 * program's argv.  Fills at most maxopts options and maxargs arguments and
 * returns -E2BIG if there were more (what fit is kept), else 0.
 */
int	fw_boot_cmdline_split(char *line, struct fw_boot_option *opts,
	    size_t maxopts, size_t *nopts, const char **args, size_t maxargs,
	    size_t *nargs);

#endif
