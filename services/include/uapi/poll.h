/*
 * uapi/poll.h: the readiness ABI of Linux x86-64: poll(2) and epoll(7)
 * event bits (include/uapi/linux/eventpoll.h, asm-generic/poll.h; on
 * x86-64 the POLL* and EPOLL* bits are the same numbers), struct pollfd,
 * the packed struct epoll_event, the flags of eventfd(2), timerfd(2),
 * signalfd(2) and pidfd_open(2), struct itimerspec and struct
 * signalfd_siginfo.
 */
#ifndef UAPI_POLL_H
#define UAPI_POLL_H

#include <fw/types.h>
#include <uapi/time.h>

#define LINUX_EPOLLIN		0x00000001U
#define LINUX_EPOLLPRI		0x00000002U
#define LINUX_EPOLLOUT		0x00000004U
#define LINUX_EPOLLERR		0x00000008U
#define LINUX_EPOLLHUP		0x00000010U
#define LINUX_EPOLLNVAL		0x00000020U
#define LINUX_EPOLLRDNORM	0x00000040U
#define LINUX_EPOLLRDBAND	0x00000080U
#define LINUX_EPOLLWRNORM	0x00000100U
#define LINUX_EPOLLWRBAND	0x00000200U
#define LINUX_EPOLLMSG		0x00000400U
#define LINUX_EPOLLRDHUP	0x00002000U
#define LINUX_EPOLLEXCLUSIVE	(1U << 28)
#define LINUX_EPOLLWAKEUP	(1U << 29)
#define LINUX_EPOLLONESHOT	(1U << 30)
#define LINUX_EPOLLET		(1U << 31)

/* What a file without a poll operation answers (fs/select.c). */
#define LINUX_DEFAULT_POLLMASK	(LINUX_EPOLLIN | LINUX_EPOLLOUT | \
	LINUX_EPOLLRDNORM | LINUX_EPOLLWRNORM)

struct linux_pollfd {
	int32_t		fd;
	int16_t		events;
	int16_t		revents;
};
_Static_assert(sizeof(struct linux_pollfd) == 8, "pollfd");

/* struct epoll_event is packed on x86-64: 12 bytes. */
struct linux_epoll_event {
	uint32_t	events;
	uint64_t	data;
} __attribute__((packed));
_Static_assert(sizeof(struct linux_epoll_event) == 12, "epoll_event");

#define LINUX_EPOLL_CTL_ADD	1
#define LINUX_EPOLL_CTL_DEL	2
#define LINUX_EPOLL_CTL_MOD	3
#define LINUX_EPOLL_CLOEXEC	02000000

/* eventfd2(2), timerfd_create(2), signalfd4(2), pidfd_open(2) flags. */
#define LINUX_EFD_SEMAPHORE	1
#define LINUX_EFD_NONBLOCK	00004000
#define LINUX_EFD_CLOEXEC	02000000
#define LINUX_TFD_NONBLOCK	00004000
#define LINUX_TFD_CLOEXEC	02000000
#define LINUX_TFD_TIMER_ABSTIME		(1 << 0)
#define LINUX_TFD_TIMER_CANCEL_ON_SET	(1 << 1)
#define LINUX_SFD_NONBLOCK	00004000
#define LINUX_SFD_CLOEXEC	02000000
#define LINUX_PIDFD_NONBLOCK	00004000
#define LINUX_PIDFD_THREAD	00000200

/* pidfd_send_signal(2) flags (Linux 6.9). */
#define LINUX_PIDFD_SIGNAL_THREAD		(1U << 0)
#define LINUX_PIDFD_SIGNAL_THREAD_GROUP		(1U << 1)
#define LINUX_PIDFD_SIGNAL_PROCESS_GROUP	(1U << 2)

struct linux_itimerspec {
	struct linux_timespec	it_interval;
	struct linux_timespec	it_value;
};
_Static_assert(sizeof(struct linux_itimerspec) == 32, "itimerspec");

/* The record read(2) returns from a signalfd (signalfd(2)). */
struct linux_signalfd_siginfo {
	uint32_t	ssi_signo;
	int32_t		ssi_errno;
	int32_t		ssi_code;
	uint32_t	ssi_pid;
	uint32_t	ssi_uid;
	int32_t		ssi_fd;
	uint32_t	ssi_tid;
	uint32_t	ssi_band;
	uint32_t	ssi_overrun;
	uint32_t	ssi_trapno;
	int32_t		ssi_status;
	int32_t		ssi_int;
	uint64_t	ssi_ptr;
	uint64_t	ssi_utime;
	uint64_t	ssi_stime;
	uint64_t	ssi_addr;
	uint16_t	ssi_addr_lsb;
	uint16_t	pad2;
	int32_t		ssi_syscall;
	uint64_t	ssi_call_addr;
	uint32_t	ssi_arch;
	uint8_t		pad[28];
};
_Static_assert(sizeof(struct linux_signalfd_siginfo) == 128, "ssi");

#endif
