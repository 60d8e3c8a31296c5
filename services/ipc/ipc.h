/*
 * services/ipc/ipc.h: interfaces private to services/ipc.
 */
#ifndef SVC_IPC_H
#define SVC_IPC_H

#include <fw/types.h>

struct file;

/* Linux's default pipe capacity and its atomic-write size. */
#define PIPE_CAPACITY	65536
#define PIPE_BUF	4096
/* /proc/sys/fs/pipe-max-size: the most an unprivileged F_SETPIPE_SZ gets. */
#define PIPE_MAX_SIZE	(1024UL * 1024)

/*
 * A new pipe: *rd its read end (O_RDONLY), *wr its write end (O_WRONLY),
 * each with one reference and O_NONBLOCK if nonblock.  -ENOMEM.
 */
FW_MUST_CHECK int	pipe_create(bool nonblock, struct file **rd,
			    struct file **wr);

#endif
