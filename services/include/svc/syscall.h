/*
 * svc/syscall.h: the system-call layer.  Every handler has one shape: it
 * decodes its raw arguments, validates them in Linux's order, then acts,
 * and returns a value >= 0 or a negative Linux errno, which the dispatcher
 * alone turns into the guest's rax.  Handlers live one per file in
 * services/syscall/ (or beside the subsystem they drive).
 */
#ifndef SVC_SYSCALL_H
#define SVC_SYSCALL_H

#include <fw/types.h>

struct thread;

struct syscall_args {
	uint64_t	nr;
	uint64_t	a[6];
};

typedef long (*syscall_fn)(struct thread *t, const struct syscall_args *a);

/* Runs the syscall t just made (t->ctx holds it) and stores the result. */
void	syscall_dispatch(struct thread *t);
/* The name of syscall nr, or NULL (for --strace). */
const char *syscall_name(uint64_t nr);
/* How many arguments syscall nr takes (6 when unknown). */
unsigned int syscall_nargs(uint64_t nr);
/* The handler of syscall nr, or NULL when it is not implemented. */
syscall_fn syscall_lookup(uint64_t nr);
/* Whether --strace is on. */
bool	strace_on(void);
/* Linux's name ("ENOENT") and glibc's text of errno e (> 0), or NULL. */
const char *errno_name(int e);
const char *errno_text(int e);

#define SYSCALL(name) \
	long sys_##name(struct thread *t, const struct syscall_args *a)

/* Files (services/fs). */
SYSCALL(read); SYSCALL(write); SYSCALL(readv); SYSCALL(writev);
SYSCALL(pread64); SYSCALL(pwrite64); SYSCALL(lseek); SYSCALL(close);
SYSCALL(creat); SYSCALL(mknod); SYSCALL(mknodat);
SYSCALL(openat); SYSCALL(open); SYSCALL(fstat); SYSCALL(stat);
SYSCALL(lstat); SYSCALL(newfstatat); SYSCALL(getdents64); SYSCALL(getcwd);
SYSCALL(chdir); SYSCALL(fchdir); SYSCALL(mkdirat); SYSCALL(mkdir);
SYSCALL(unlinkat); SYSCALL(unlink); SYSCALL(rmdir); SYSCALL(readlinkat);
SYSCALL(readlink); SYSCALL(faccessat); SYSCALL(faccessat2); SYSCALL(access);
SYSCALL(ioctl); SYSCALL(fcntl); SYSCALL(dup); SYSCALL(dup2); SYSCALL(dup3);
SYSCALL(umask); SYSCALL(inotify_init); SYSCALL(inotify_init1);
SYSCALL(inotify_add_watch); SYSCALL(inotify_rm_watch); SYSCALL(mount); SYSCALL(umount2); SYSCALL(chroot);

/* Readiness (services/poll) and pidfds (services/proc). */
SYSCALL(poll); SYSCALL(ppoll); SYSCALL(select); SYSCALL(pselect6);
SYSCALL(epoll_create); SYSCALL(epoll_create1); SYSCALL(epoll_ctl);
SYSCALL(epoll_wait); SYSCALL(epoll_pwait); SYSCALL(epoll_pwait2);
SYSCALL(eventfd); SYSCALL(eventfd2); SYSCALL(timerfd_create);
SYSCALL(timerfd_settime); SYSCALL(timerfd_gettime); SYSCALL(signalfd);
SYSCALL(signalfd4); SYSCALL(pidfd_open); SYSCALL(pidfd_send_signal);
SYSCALL(pidfd_getfd);

/* The VFS families (services/fs: sys_rename.c, sys_link.c, ...). */
SYSCALL(rename); SYSCALL(renameat); SYSCALL(renameat2);
SYSCALL(link); SYSCALL(linkat); SYSCALL(symlink); SYSCALL(symlinkat);
SYSCALL(chmod); SYSCALL(fchmod); SYSCALL(fchmodat); SYSCALL(fchmodat2);
SYSCALL(chown); SYSCALL(fchown); SYSCALL(lchown); SYSCALL(fchownat);
SYSCALL(utime); SYSCALL(utimes); SYSCALL(futimesat); SYSCALL(utimensat);
SYSCALL(truncate); SYSCALL(ftruncate); SYSCALL(fallocate);
SYSCALL(fsync); SYSCALL(fdatasync); SYSCALL(sync); SYSCALL(syncfs);
SYSCALL(sync_file_range); SYSCALL(statx); SYSCALL(statfs);
SYSCALL(fstatfs); SYSCALL(ustat);
SYSCALL(setxattr); SYSCALL(lsetxattr); SYSCALL(fsetxattr);
SYSCALL(getxattr); SYSCALL(lgetxattr); SYSCALL(fgetxattr);
SYSCALL(listxattr); SYSCALL(llistxattr); SYSCALL(flistxattr);
SYSCALL(removexattr); SYSCALL(lremovexattr); SYSCALL(fremovexattr);
SYSCALL(flock); SYSCALL(memfd_create);
SYSCALL(preadv); SYSCALL(pwritev); SYSCALL(preadv2); SYSCALL(pwritev2);
SYSCALL(sendfile); SYSCALL(copy_file_range); SYSCALL(splice); SYSCALL(tee);
SYSCALL(vmsplice); SYSCALL(close_range); SYSCALL(openat2);
SYSCALL(unshare);

/* Sockets (services/net). */
SYSCALL(socket); SYSCALL(socketpair); SYSCALL(bind); SYSCALL(listen);
SYSCALL(accept); SYSCALL(accept4); SYSCALL(connect); SYSCALL(getsockname);
SYSCALL(getpeername); SYSCALL(shutdown); SYSCALL(sendto); SYSCALL(recvfrom);
SYSCALL(sendmsg); SYSCALL(recvmsg); SYSCALL(sendmmsg); SYSCALL(recvmmsg);
SYSCALL(setsockopt); SYSCALL(getsockopt);

/* Pipes and futexes (services/ipc). */
SYSCALL(pipe); SYSCALL(pipe2);
SYSCALL(futex); SYSCALL(futex_waitv); SYSCALL(get_robust_list);

/* Processes, memory, time and the rest (services/proc, mm, time, ...). */
SYSCALL(exit); SYSCALL(exit_group); SYSCALL(arch_prctl);
SYSCALL(set_tid_address); SYSCALL(set_robust_list); SYSCALL(rseq);
SYSCALL(uname); SYSCALL(getpid); SYSCALL(getppid); SYSCALL(gettid);
SYSCALL(getuid); SYSCALL(geteuid); SYSCALL(getgid); SYSCALL(getegid);
SYSCALL(clock_gettime); SYSCALL(clock_getres); SYSCALL(gettimeofday);
SYSCALL(time); SYSCALL(nanosleep); SYSCALL(clock_nanosleep);
SYSCALL(getrandom); SYSCALL(rt_sigaction); SYSCALL(rt_sigprocmask);
SYSCALL(rt_sigreturn); SYSCALL(rt_sigpending); SYSCALL(rt_sigsuspend);
SYSCALL(rt_sigtimedwait); SYSCALL(rt_sigqueueinfo);
SYSCALL(rt_tgsigqueueinfo); SYSCALL(kill); SYSCALL(tkill); SYSCALL(tgkill);
SYSCALL(pause); SYSCALL(restart_syscall);
SYSCALL(alarm); SYSCALL(setitimer); SYSCALL(getitimer);
SYSCALL(timer_create); SYSCALL(timer_settime); SYSCALL(timer_gettime);
SYSCALL(timer_getoverrun); SYSCALL(timer_delete);
SYSCALL(sigaltstack); SYSCALL(prlimit64); SYSCALL(getrlimit);
SYSCALL(sysinfo); SYSCALL(sched_getaffinity);
SYSCALL(sched_setaffinity); SYSCALL(sched_yield); SYSCALL(sched_getscheduler);
SYSCALL(sched_getparam); SYSCALL(sched_get_priority_max);
SYSCALL(sched_get_priority_min); SYSCALL(brk); SYSCALL(mmap);
SYSCALL(munmap); SYSCALL(mprotect); SYSCALL(mremap); SYSCALL(madvise);
SYSCALL(msync);
SYSCALL(getpgrp); SYSCALL(getcpu);
SYSCALL(clone); SYSCALL(clone3); SYSCALL(fork); SYSCALL(vfork); SYSCALL(execve); SYSCALL(execveat);
SYSCALL(wait4); SYSCALL(waitid);

/* Groups, sessions, credentials, prctl, usage (services/proc). */
SYSCALL(setpgid); SYSCALL(getpgid); SYSCALL(setsid); SYSCALL(getsid);
SYSCALL(setuid); SYSCALL(setgid); SYSCALL(setreuid); SYSCALL(setregid);
SYSCALL(setresuid); SYSCALL(setresgid); SYSCALL(getresuid);
SYSCALL(getresgid); SYSCALL(setfsuid); SYSCALL(setfsgid);
SYSCALL(getgroups); SYSCALL(setgroups); SYSCALL(prctl);
SYSCALL(getrusage); SYSCALL(times); SYSCALL(setrlimit);

#endif
