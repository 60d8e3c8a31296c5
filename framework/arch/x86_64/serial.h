/*
 * arch/x86_64/serial.h: the console on COM1, a 16550 UART at port 0x3f8
 * (115200 8N1), written polled; input interrupts once the IOAPIC is up.
 * Safe to call before anything else is set up; no lock yet, since only
 * the boot CPU runs.
 */
#ifndef X86_SERIAL_H
#define X86_SERIAL_H

#include <stdbool.h>
#include <stddef.h>

void	x86_serial_init(void);
/* Writes len bytes, each "\n" as "\r\n". */
void	x86_serial_write(const char *s, size_t len);
/* The next received byte, or -1 if none is waiting. */
int	x86_serial_getc(void);
/*
 * Turns on the receive interrupt, ISA IRQ 4 through the IOAPIC to
 * VEC_UART, after x86_ioapic_init(): false (input stays polled) if there
 * is no UART or no IOAPIC for it.
 */
bool	x86_serial_irq_init(void);
/* Loopback mode (the self-test's): what is written comes back as input. */
void	x86_serial_loopback(bool on);
/* Formats one line (fw_vsnprintf's conversions, 256 bytes at most). */
void	x86_say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
