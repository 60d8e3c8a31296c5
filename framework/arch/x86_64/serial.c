/*
 * arch/x86_64/serial.c: the 16550 on COM1 (serial.h).  Register offsets
 * from the port base: 0 data / divisor low, 1 interrupt enable / divisor
 * high, 2 FIFO control, 3 line control, 4 modem control (OUT2 gates the
 * IRQ on a PC; LOOP sends what is written back), 5 line status.
 */
#include <fw/log.h>
#include <stdarg.h>

#include "arch/x86_64/ioapic.h"
#include "arch/x86_64/serial.h"
#include "arch/x86_64/timer.h"
#include "arch/x86_64/trap.h"
#include "arch/x86_64/x86.h"

#define COM1		0x3f8
#define LCR_8N1		0x03
#define LCR_DLAB	0x80
#define LSR_DR		0x01		/* a received byte is waiting */
#define LSR_THRE	0x20		/* the transmit register is empty */

void
x86_serial_init(void)
{
	outb(COM1 + 1, 0x00);			/* no interrupts */
	outb(COM1 + 3, LCR_DLAB);
	outb(COM1 + 0, 1);			/* 115200 baud */
	outb(COM1 + 1, 0);
	outb(COM1 + 3, LCR_8N1);
	outb(COM1 + 2, 0xc7);			/* FIFOs on, cleared */
	outb(COM1 + 4, 0x03);			/* DTR, RTS */
}

/* The byte is read at the next scheduling point (x86_console_poll()). */
static void
rx_irq(unsigned int vector)
{
	(void)vector;
	x86_lapic_eoi();
}

bool
x86_serial_irq_init(void)
{
	if (inb(COM1 + 5) == 0xff || !x86_ioapic_route_isa(4, VEC_UART))
		return false;
	x86_irq_set(VEC_UART, rx_irq);
	outb(COM1 + 4, 0x0b);			/* DTR, RTS, OUT2: the IRQ */
	outb(COM1 + 1, 0x01);			/* a received byte */
	return true;
}

void
x86_serial_loopback(bool on)
{
	outb(COM1 + 4, on ? 0x1b : 0x0b);
}

static void
put(char c)
{
	/* A missing UART reads 0xff: give up rather than spin forever. */
	for (int i = 0; i < 100000; i++) {
		uint8_t lsr = inb(COM1 + 5);

		if (lsr == 0xff || (lsr & LSR_THRE))
			break;
	}
	outb(COM1, (uint8_t)c);
}

int
x86_serial_getc(void)
{
	uint8_t lsr = inb(COM1 + 5);

	if (lsr == 0xff || !(lsr & LSR_DR))
		return -1;
	return inb(COM1);
}

void
x86_serial_write(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\n')
			put('\r');
		put(s[i]);
	}
}

void
x86_say(const char *fmt, ...)
{
	char line[256];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = fw_vsnprintf(line, sizeof(line) - 1, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n > sizeof(line) - 2)
		n = sizeof(line) - 2;
	line[n++] = '\n';
	x86_serial_write(line, (size_t)n);
}
