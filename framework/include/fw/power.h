/*
 * fw/power.h: power off the machine.  The simulator exits with status as its
 * own exit status; bare metal reports it through the exit device.  Every
 * guest process is killed first.  Callable from any task; never returns.
 */
#ifndef FW_POWER_H
#define FW_POWER_H

#include <fw/types.h>

/* Kills every guest, then stops the machine with status (0-255). */
FW_NORETURN void fw_power_off(int status);

#endif
