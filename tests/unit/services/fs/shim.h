/*
 * tests/unit/services/fs/shim.h: the few framework functions the file
 * services call, faked on the host for their unit tests (shim.c): the heap
 * is malloc, frames are malloc'd 4 KiB blocks, mutexes do nothing, user
 * memory is one flat buffer at SHIM_USER_BASE, the initramfs a test buffer
 * and the console two byte buffers.
 */
#ifndef TESTS_FS_SHIM_H
#define TESTS_FS_SHIM_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#define SHIM_USER_BASE	0x100000ULL
#define SHIM_USER_SIZE	(1u << 20)

void		 shim_set_initrd(const void *buf, size_t len);
/* The boot option root= that vfs_init() sees (NULL: none). */
void		 shim_set_root_option(const char *root);
/* Resets the user arena; shim_user_put() hands out consecutive copies. */
void		 shim_user_reset(void);
uint64_t	 shim_user_put(const void *buf, size_t len);
uint64_t	 shim_user_str(const char *s);
uint64_t	 shim_user_alloc(size_t len);	/* zeroed */
void		 shim_user_set(uint64_t addr, const void *buf, size_t len);
void		 shim_user_get(uint64_t addr, void *buf, size_t len);
/* The console: what was written to port 1 and 2, input for port 0. */
extern char	 shim_console_out[4096];
extern size_t	 shim_console_outlen;
extern bool	 shim_console_tty;
void		 shim_console_input(const char *s);
/*
 * p9shim.c: the virtio-9p transport, served by sim/p9's server exporting
 * dir read-only (NULL: no device), or writable with shim_p9_export_rw():
 * 0 or -errno.  A mangler, if set, may rewrite each reply (len bytes in a
 * buffer of cap) and returns its length.
 */
int		 shim_p9_export(const char *dir);
int		 shim_p9_export_rw(const char *dir);
/* Whether the services hold the transport open (leak checks). */
bool		 shim_p9_busy(void);
void		 shim_p9_mangle(size_t (*fn)(uint8_t *reply, size_t len,
		    size_t cap));
/* What fw_frames_total() says (default 262144, 1 GiB): cache budgets. */
void		 shim_set_frames_total(size_t n);
/* Frames currently allocated (leak checks). */
extern long	 shim_frames_live;

#endif
