/*
 * dev.c: the simulated machine's devices: each is a virtio-mmio transport
 * model (virtio/virtio_mmio.h) on a register window above physical memory
 * and an interrupt line of its own.  Implements hal/dev.h: the core has
 * already checked an access against the window (core/iomem.c), so here it
 * only selects the model.  A model's device thread (or, for the network
 * card, the libslirp backend's net thread) raises its line with
 * sim_irq_raise_line(), and hal_irq_poll() (cpu.c) hands the line to the
 * core, which runs the driver's handler in task context.
 *
 * The table is filled before the CPUs start and never changes after, so
 * no lock is needed to read it.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>

#include <hal/dev.h>
#include <hal/phys.h>
#include <core/boot_impl.h>

#include "sim.h"
#include "net/slirp.h"
#include "virtio/virtio_mmio.h"
#include "virtio/virtio_net.h"

/* Windows sit far above the largest --mem, one page apart. */
#define SIM_MMIO_BASE	(1ull << 46)
#define SIM_MMIO_STRIDE	0x1000ull
#define SIM_DEVS_MAX	16

struct sim_dev {
	struct vmmio		*t;
	struct vmmio_device	 dev;
	unsigned int		 line;
	char			 name[32];
};

static struct sim_dev		devs[SIM_DEVS_MAX];
static struct fw_boot_dev_impl	boot_devs[SIM_DEVS_MAX];
static size_t			ndevs;

static void
sim_dev_irq(void *arg)
{
	sim_irq_raise_line(((struct sim_dev *)arg)->line);
}

/* Puts d's model (d->dev filled) on the next window and line. */
static int
sim_dev_register(struct sim_dev *d, const char *what)
{
	int err;

	d->line = 1 + (unsigned int)ndevs;
	snprintf(d->name, sizeof(d->name), "virtio-mmio.%zu (%s)", ndevs,
	    what);
	if ((err = vmmio_new(&d->dev, sim_phys_base(), hal_phys_size(),
	    sim_dev_irq, d, &d->t)) < 0)
		return err;
	boot_devs[ndevs] = (struct fw_boot_dev_impl){
		.pub = { .type = FW_DEV_VIRTIO_MMIO, .irq = d->line,
		    .name = d->name },
		.mmio_pa = SIM_MMIO_BASE + ndevs * SIM_MMIO_STRIDE,
		.mmio_size = VMMIO_WINDOW,
	};
	ndevs++;
	return 0;
}

int
sim_dev_add_9p(const char *dir, bool writable)
{
	struct sim_dev *d;
	int err;

	if (ndevs == SIM_DEVS_MAX)
		return -ENOSPC;
	d = &devs[ndevs];
	if ((err = v9p_device(dir, writable, &d->dev)) < 0)
		return err;
	if ((err = sim_dev_register(d, "9p")) < 0) {
		v9p_device_free(&d->dev);
		return err;
	}
	return 0;
}

static int
sim_net_rx(void *arg, const uint8_t *frame, size_t len)
{
	return vnet_rx(arg, frame, len);
}

/*
 * The network card: the virtio-net model, its libslirp backend (whose
 * thread starts last, once the model can take its frames), and the
 * port forwards.
 */
int
sim_dev_add_net(const struct sim_slirp_fwd *fwds, size_t nfwds, bool offload)
{
	struct sim_slirp_config sc = { .fwds = fwds, .nfwds = nfwds,
	    .rx = sim_net_rx };
	struct sim_slirp *s;
	struct sim_dev *d;
	struct vnet *n;
	int err;

	if (ndevs == SIM_DEVS_MAX)
		return -ENOSPC;
	d = &devs[ndevs];
	if ((err = vnet_new(offload, &n, &d->dev)) < 0)
		return err;
	sc.rx_arg = n;
	if ((err = sim_slirp_new(&sc, &s)) < 0)
		goto fail_vnet;
	vnet_set_backend(n, &(struct vnet_backend){ .tx = sim_slirp_tx,
	    .rx_ready = sim_slirp_rx_ready, .arg = s });
	if ((err = sim_dev_register(d, "net")) < 0)
		goto fail_slirp;
	vnet_attach(n, d->t);
	if ((err = sim_slirp_start(s)) < 0)
		return err;	/* the card stays, mute; the caller exits */
	return 0;
fail_slirp:
	sim_slirp_free(s);
fail_vnet:
	vnet_free(n);
	return err;
}

const struct fw_boot_dev_impl *
sim_dev_boot_list(size_t *n)
{
	*n = ndevs;
	return boot_devs;
}

/* The model behind an address the core checked, or NULL. */
static struct vmmio *
sim_dev_at(uint64_t pa, uint64_t *off)
{
	uint64_t i;

	if (pa < SIM_MMIO_BASE)
		return NULL;
	i = (pa - SIM_MMIO_BASE) / SIM_MMIO_STRIDE;
	if (i >= ndevs)
		return NULL;
	*off = pa - boot_devs[i].mmio_pa;
	return devs[i].t;
}

uint64_t
hal_mmio_read(uint64_t pa, unsigned int size)
{
	uint64_t off;
	struct vmmio *t = sim_dev_at(pa, &off);

	return t == NULL ? ~0ull : vmmio_read(t, off, size);
}

void
hal_mmio_write(uint64_t pa, unsigned int size, uint64_t v)
{
	uint64_t off;
	struct vmmio *t = sim_dev_at(pa, &off);

	if (t != NULL)
		vmmio_write(t, off, size, v);
}

/* The simulator's devices are virtio-mmio: it lists no PCI function. */
uint32_t
hal_pci_read(uint32_t bdf, unsigned int off, unsigned int size)
{
	(void)bdf;
	(void)off;
	(void)size;
	return ~0u;
}
