/*
 * arch/x86_64/console.h: fw/console.h on the serial port.  Input is polled
 * (at scheduling points, hal_irq_poll(), and when the CPU idles, at least
 * every tick) into a ring; the services' input hook runs when bytes come.
 */
#ifndef X86_CONSOLE_H
#define X86_CONSOLE_H

#include <stdbool.h>

/* Moves waiting bytes into the ring; runs the input hook if any came. */
void	x86_console_poll(void);
/* Whether bytes wait in the ring or in the UART. */
bool	x86_console_pending(void);

#endif
