/*
 * host.h: the host system calls the simulator makes for the machine it
 * simulates: futexes on shared memory, memfds, starting and killing stub
 * processes.  Thin and stateless; errors are -errno.  Only sim/ includes it.
 */
#ifndef HOST_H
#define HOST_H

#include <stdint.h>
#include <stddef.h>
#include <sys/types.h>

/*
 * Waits while *addr == val, for at most timeout_ns (UINT64_MAX: forever).
 * The word may be shared with another process (no FUTEX_PRIVATE_FLAG).
 * 0 when woken (or the value differed), -ETIMEDOUT, -EINTR.
 */
int	host_futex_wait(uint32_t *addr, uint32_t val, uint64_t timeout_ns);
void	host_futex_wake(uint32_t *addr, int n);
/* A sealable memfd of size bytes, sealed against growing and shrinking. */
int	host_memfd_sized(const char *name, uint64_t size, int *fd);
/* A sealed memfd holding a copy of [data, data+len), for exec. */
int	host_memfd_image(const char *name, const void *data, size_t len,
	    int *fd);
/*
 * Starts the stub from exe_fd with memfd as its fd 3 and argv; *pid and
 * *pidfd get the child (*pidfd is -1 where the host has no pidfd_open, as
 * under Valgrind 3.19).  The stub sets PR_SET_PDEATHSIG itself.
 */
int	host_spawn(int exe_fd, int memfd, char *const argv[], pid_t *pid,
	    int *pidfd);
/* True once the child has ended (it is not reaped). */
int	host_exited(pid_t pid, int pidfd);
/* SIGKILLs and reaps a stub. */
void	host_kill_reap(pid_t pid, int pidfd);
/* Sends sig to one thread of another process. */
int	host_tgkill(pid_t pid, pid_t tid, int sig);

#endif
