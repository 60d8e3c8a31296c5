/*
 * fw/random.h: entropy from the machine (the host's getrandom(2) on the
 * simulator; RDRAND or a virtio-rng on bare metal).  Never sleeps after
 * boot; safe from any task.
 */
#ifndef FW_RANDOM_H
#define FW_RANDOM_H

#include <fw/types.h>

/* Fills buf with len random bytes. */
void	fw_random_bytes(void *buf, size_t len);

#endif
