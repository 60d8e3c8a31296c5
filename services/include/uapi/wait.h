/*
 * uapi/wait.h: process creation and the wait calls: clone(2) flags
 * (include/uapi/linux/sched.h), wait4/waitid options and id types
 * (include/uapi/linux/wait.h), the SIGCHLD si_code values
 * (include/uapi/asm-generic/siginfo.h), and the parts of siginfo_t and
 * struct rusage that waitid(2) and wait4(2) write.
 */
#ifndef UAPI_WAIT_H
#define UAPI_WAIT_H

#include <fw/types.h>

#define LINUX_CSIGNAL			0x000000ffULL
#define LINUX_CLONE_VM			0x00000100ULL
#define LINUX_CLONE_FS			0x00000200ULL
#define LINUX_CLONE_FILES		0x00000400ULL
#define LINUX_CLONE_SIGHAND		0x00000800ULL
#define LINUX_CLONE_PIDFD		0x00001000ULL
#define LINUX_CLONE_PTRACE		0x00002000ULL
#define LINUX_CLONE_VFORK		0x00004000ULL
#define LINUX_CLONE_PARENT		0x00008000ULL
#define LINUX_CLONE_THREAD		0x00010000ULL
#define LINUX_CLONE_NEWNS		0x00020000ULL
#define LINUX_CLONE_SYSVSEM		0x00040000ULL
#define LINUX_CLONE_SETTLS		0x00080000ULL
#define LINUX_CLONE_PARENT_SETTID	0x00100000ULL
#define LINUX_CLONE_CHILD_CLEARTID	0x00200000ULL
#define LINUX_CLONE_DETACHED		0x00400000ULL
#define LINUX_CLONE_UNTRACED		0x00800000ULL
#define LINUX_CLONE_CHILD_SETTID	0x01000000ULL
#define LINUX_CLONE_NEWCGROUP		0x02000000ULL
#define LINUX_CLONE_NEWUTS		0x04000000ULL
#define LINUX_CLONE_NEWIPC		0x08000000ULL
#define LINUX_CLONE_NEWUSER		0x10000000ULL
#define LINUX_CLONE_NEWPID		0x20000000ULL
#define LINUX_CLONE_NEWNET		0x40000000ULL
#define LINUX_CLONE_IO			0x80000000ULL
#define LINUX_CLONE_NEWTIME		0x00000080ULL	/* clone3, unshare */
#define LINUX_CLONE_CLEAR_SIGHAND	0x100000000ULL	/* clone3 */
#define LINUX_CLONE_INTO_CGROUP		0x200000000ULL	/* clone3 */

/* wait4 and waitid options. */
#define LINUX_WNOHANG		0x00000001
#define LINUX_WUNTRACED		0x00000002	/* WSTOPPED for waitid */
#define LINUX_WEXITED		0x00000004
#define LINUX_WCONTINUED	0x00000008
#define LINUX_WNOWAIT		0x01000000
#define LINUX___WNOTHREAD	0x20000000
#define LINUX___WALL		0x40000000
#define LINUX___WCLONE		0x80000000

/* waitid id types. */
#define LINUX_P_ALL		0
#define LINUX_P_PID		1
#define LINUX_P_PGID		2
#define LINUX_P_PIDFD		3

/* The sigaction flag that makes children reap themselves. */
#define LINUX_SA_NOCLDWAIT	0x00000002ULL

/* si_code of SIGCHLD. */
#define LINUX_CLD_EXITED	1
#define LINUX_CLD_KILLED	2
#define LINUX_CLD_DUMPED	3

/* The head of siginfo_t as waitid(2) fills it (the rest stays as it was). */
struct linux_siginfo_chld {
	int32_t		signo, err, code, pad;
	int32_t		pid;
	uint32_t	uid;
	int32_t		status;
};
_Static_assert(sizeof(struct linux_siginfo_chld) == 28, "siginfo head");

/* struct rusage: two timevals and 14 longs. */
#define LINUX_RUSAGE_SIZE	144

#endif
