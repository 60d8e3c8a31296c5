/*
 * phys.c: the machine's physical memory: one memfd, sealed so that it can
 * neither grow nor shrink (a shrink would SIGBUS us), mapped whole into the
 * simulator.  Stub processes map pieces of the same file, so a frame is the
 * same bytes wherever it is mapped.  Implements hal/phys.h.
 */
#define _GNU_SOURCE
#include "sim.h"
#include "host.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <hal/phys.h>

static int	 phys_fd = -1;
static uint8_t	*phys_base;
static uint64_t	 phys_size;

int
sim_phys_init(uint64_t size)
{
	int fd, err;
	void *p;

	if ((err = host_memfd_sized("trellis-phys", size, &fd)) < 0)
		return err;
	p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (p == MAP_FAILED) {
		err = -errno;
		close(fd);
		return err;
	}
	phys_fd = fd;
	phys_base = p;
	phys_size = size;
	return 0;
}

int
sim_phys_fd(void)
{
	return phys_fd;
}

uint8_t *
sim_phys_base(void)
{
	return phys_base;
}

uint64_t
hal_phys_size(void)
{
	return phys_size;
}

/* A new memfd reads as zeros. */
bool
hal_phys_starts_zeroed(void)
{
	return true;
}

/* Every frame is free: the boot image lives in our own memory. */
uint64_t
hal_phys_first_free(void)
{
	return 0;
}

void *
hal_phys_ptr(uint64_t pa)
{
	return phys_base + pa;
}
