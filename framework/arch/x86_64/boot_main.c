/*
 * arch/x86_64/boot_main.c: the kernel's C entry on the boot CPU.
 *
 * Stages 1, 2 and 5 of docs/bare-metal.md: it reads the loader's
 * information, loads the CPU tables, switches to the kernel's page tables,
 * starts the timer, reads ACPI, routes the UART's interrupt through the
 * IOAPIC, splits the command line into boot options and the first
 * program's argv (the same fw_boot_params the simulator fills), lists the
 * PCI functions it can serve (pci.h) as the boot devices, reports what it
 * found on the console, runs the self-test trellis.ktest=NAME asks
 * for (ktest.h) and powers off, or powers off at once with the status
 * trellis.exit=N asks for.  Otherwise it hands the rest of RAM to the heap
 * and the frames, brings the core up and runs the services, whose first
 * program is the argv after "--".
 */
#include <fw/log.h>
#include <hal/cpu.h>
#include <hal/phys.h>
#include <hal/platform.h>
#include <string.h>

#include "arch/x86_64/acpi.h"
#include "arch/x86_64/boot_info.h"
#include "arch/x86_64/ioapic.h"
#include "arch/x86_64/cpu.h"
#include "arch/x86_64/kmap.h"
#include "arch/x86_64/ktest.h"
#include "arch/x86_64/pci.h"
#include "arch/x86_64/phys.h"
#include "arch/x86_64/serial.h"
#include "arch/x86_64/timer.h"
#include "arch/x86_64/trap.h"
#include "core/boot_impl.h"
#include "core/core_impl.h"

#define MAX_OPTS	64
#define MAX_ARGS	64

/* vdso_blob.S */
extern const uint8_t x86_vdso_blob[], x86_vdso_blob_end[];

/* What Linux hands its first process. */
static const char *const default_env[] = { "HOME=/", "TERM=linux" };

void	x86_boot_main(uint32_t magic, uint32_t info);

static struct x86_boot_info boot;
static struct fw_boot_option opts[MAX_OPTS];
static const char *args[MAX_ARGS];

/* A decimal exit status 0..255, or -1. */
static int
parse_status(const char *s)
{
	int v = 0;

	if (s == NULL || *s == '\0')
		return -1;
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9' || (v = v * 10 + (*s - '0')) > 255)
			return -1;
	}
	return v;
}

void
x86_boot_main(uint32_t magic, uint32_t info)
{
	char line[X86_CMDLINE_MAX];
	size_t nopts, nargs;
	const char *ktest;
	const struct fw_boot_dev_impl *devices;
	uint64_t ram = 0;
	size_t ndevices;
	int status;

	x86_serial_init();
	if (x86_boot_info_read(magic, info, &boot) < 0) {
		x86_say("trellis: no PVH or Multiboot2 information (eax %#x)",
		    magic);
		hal_power_off(125);
	}
	x86_cpu_tables_init();
	x86_cpu_init();
	x86_kmap_init(&boot);
	x86_timer_init();
	x86_acpi_init(boot.rsdp_pa);
	memcpy(line, boot.cmdline, sizeof(line));
	if (fw_boot_cmdline_split(line, opts, MAX_OPTS, &nopts, args,
	    MAX_ARGS, &nargs) < 0)
		x86_say("trellis: the command line has too many words; "
		    "the rest are ignored");
	fw_boot_params = (struct fw_boot_params){
		.argc = nargs,
		.argv = args,
		.envc = sizeof(default_env) / sizeof(default_env[0]),
		.envp = default_env,
		.noptions = nopts,
		.options = opts,
		.initrd = boot.initrd_size > 0 ?
		    hal_phys_ptr(boot.initrd_pa) : NULL,
		.initrd_size = boot.initrd_size,
		.vdso = x86_vdso_blob,
		.vdso_size = (size_t)((uintptr_t)x86_vdso_blob_end -
		    (uintptr_t)x86_vdso_blob),
	};
	fw_log_init();

	for (size_t i = 0; i < boot.nram; i++)
		ram += boot.ram[i].size;
	x86_say("trellis: x86_64, started by %s", boot.loader);
	x86_say("cmdline: %s", boot.cmdline);
	x86_say("ram: %llu KiB in %zu ranges, %llu KiB free",
	    (unsigned long long)(ram >> 10), boot.nram,
	    (unsigned long long)(x86_boot_free_ram(&boot) >> 10));
	if (boot.initrd_size > 0)
		x86_say("initramfs: %llu bytes at %#llx",
		    (unsigned long long)boot.initrd_size,
		    (unsigned long long)boot.initrd_pa);
	if (x86_ioapic_init() && x86_serial_irq_init())
		x86_say("serial: COM1 input by interrupt (IOAPIC, vector %#x)",
		    VEC_UART);
	ndevices = x86_pci_init(&devices);
	fw_boot_params.ndevices = ndevices;
	fw_boot_params.devices = devices;
	for (size_t i = 0; i < ndevices; i++)
		x86_say("%s: %04x:%04x, line %u", devices[i].pub.name,
		    devices[i].pub.vendor, devices[i].pub.device,
		    devices[i].pub.irq);
	for (size_t i = 0; i < fw_boot_argc(); i++)
		x86_say("argv[%zu]: %s", i, fw_boot_argv(i));

	if ((ktest = fw_boot_option("trellis.ktest")) != NULL) {
		status = x86_ktest(ktest);
		if (status < 0)
			x86_say("trellis: no ktest %s", ktest);
		hal_power_off(status == 0 ? 0 : 1);
	}
	if ((status = parse_status(fw_boot_option("trellis.exit"))) >= 0)
		hal_power_off(status);

	x86_phys_init(&boot);
	fw_core_init();
	fw_cpu_main(0);
}
