/*
 * host.c: the host calls behind host.h.  See there for the contracts.
 */
#define _GNU_SOURCE
#include "host.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/futex.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <valgrind/valgrind.h>

#ifndef MFD_EXEC
#define MFD_EXEC	0x0010U
#endif

int
host_futex_wait(uint32_t *addr, uint32_t val, uint64_t timeout_ns)
{
	struct timespec ts, *tp = NULL;

	if (timeout_ns != UINT64_MAX) {
		ts.tv_sec = (time_t)(timeout_ns / 1000000000u);
		ts.tv_nsec = (long)(timeout_ns % 1000000000u);
		tp = &ts;
	}
	if (syscall(SYS_futex, addr, FUTEX_WAIT, val, tp, NULL, 0) == 0)
		return 0;
	if (errno == EAGAIN)
		return 0;
	return -errno;
}

void
host_futex_wake(uint32_t *addr, int n)
{
	syscall(SYS_futex, addr, FUTEX_WAKE, n, NULL, NULL, 0);
}

/*
 * memfd_create, asking for exec rights where the kernel knows MFD_EXEC.
 * The descriptor is moved above the low numbers, so that making a stub's
 * fd 3 can never clobber it.
 */
static int
memfd_exec(const char *name)
{
	int fd = memfd_create(name, MFD_CLOEXEC | MFD_ALLOW_SEALING |
	    MFD_EXEC), high;

	if (fd < 0 && errno == EINVAL)
		fd = memfd_create(name, MFD_CLOEXEC | MFD_ALLOW_SEALING);
	if (fd < 0)
		return -errno;
	if ((high = fcntl(fd, F_DUPFD_CLOEXEC, 100)) >= 0) {
		close(fd);
		fd = high;
	}
	return fd;
}

int
host_memfd_sized(const char *name, uint64_t size, int *fd)
{
	int f, err;

	if ((f = memfd_exec(name)) < 0)
		return f;
	if (ftruncate(f, (off_t)size) < 0 ||
	    fcntl(f, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW |
	    F_SEAL_SEAL) < 0) {
		err = -errno;
		close(f);
		return err;
	}
	*fd = f;
	return 0;
}

int
host_memfd_image(const char *name, const void *data, size_t len, int *fd)
{
	const char *p = data;
	size_t done = 0;
	int f, err;

	if ((f = memfd_exec(name)) < 0)
		return f;
	while (done < len) {
		ssize_t n = write(f, p + done, len - done);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			goto fail;
		done += (size_t)n;
	}
	if (fcntl(f, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW |
	    F_SEAL_WRITE | F_SEAL_SEAL) < 0)
		goto fail;
	*fd = f;
	return 0;
fail:
	err = errno ? -errno : -EIO;
	close(f);
	return err;
}

int
host_spawn(int exe_fd, int memfd, char *const argv[], pid_t *pid, int *pidfd)
{
	posix_spawn_file_actions_t fa;
	char path[64];
	char *const envp[] = { NULL };
	int err, pfd;

	snprintf(path, sizeof(path), "/proc/self/fd/%d", exe_fd);
	if ((err = posix_spawn_file_actions_init(&fa)) != 0)
		return -err;
	err = posix_spawn_file_actions_adddup2(&fa, memfd, 3);
	if (err == 0)
		err = posix_spawn(pid, path, &fa, NULL, argv, envp);
	posix_spawn_file_actions_destroy(&fa);
	if (err != 0)
		return -err;
	/* Valgrind 3.19 knows no pidfd_open: then the pid alone serves. */
	if (RUNNING_ON_VALGRIND)
		pfd = -1, errno = ENOSYS;
	else
		pfd = (int)syscall(SYS_pidfd_open, *pid, 0);
	if (pfd < 0 && errno != ENOSYS) {
		err = -errno;
		kill(*pid, SIGKILL);
		waitpid(*pid, NULL, 0);
		return err;
	}
	*pidfd = pfd;
	return 0;
}

int
host_exited(pid_t pid, int pidfd)
{
	struct pollfd p = { .fd = pidfd, .events = POLLIN };
	siginfo_t si;

	if (pidfd >= 0)
		return poll(&p, 1, 0) > 0;
	memset(&si, 0, sizeof(si));
	if (waitid(P_PID, (id_t)pid, &si, WEXITED | WNOHANG | WNOWAIT) < 0)
		return errno == ECHILD;
	return si.si_pid != 0;
}

void
host_kill_reap(pid_t pid, int pidfd)
{
	kill(pid, SIGKILL);
	while (waitpid(pid, NULL, 0) < 0 && errno == EINTR)
		;
	if (pidfd >= 0)
		close(pidfd);
}

int
host_tgkill(pid_t pid, pid_t tid, int sig)
{
	return syscall(SYS_tgkill, pid, tid, sig) < 0 ? -errno : 0;
}
