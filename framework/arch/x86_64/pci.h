/*
 * arch/x86_64/pci.h: the PCI functions the kernel lists as boot devices
 * (FW_DEV_PCI), found and set up by x86_pci_init() (pci.c), and their
 * interrupts.
 */
#ifndef X86_PCI_H
#define X86_PCI_H

#include <stddef.h>

#include "core/boot_impl.h"

#define X86_PCI_MAX	16

/*
 * Finds the functions, routes their MSI-X to their lines and returns the
 * list (static, X86_PCI_MAX at most).  After x86_timer_init(), once.
 */
size_t	x86_pci_init(const struct fw_boot_dev_impl **out);
/* Hands the lines raised since the last call to fw_irq_dispatch(). */
void	x86_pci_poll(void);

#endif
