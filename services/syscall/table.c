/*
 * syscall/table.c: the x86-64 system-call table: number to handler.  A
 * number without an entry is not implemented and answers ENOSYS.
 * Immutable; no locks.
 */
#include <svc/lib.h>
#include <svc/syscall.h>
#include <uapi/unistd_64.h>

static const syscall_fn syscall_table[LINUX_NR_SYSCALLS] = {
	[LINUX_NR_read] = sys_read,
	[LINUX_NR_write] = sys_write,
	[LINUX_NR_readv] = sys_readv,
	[LINUX_NR_writev] = sys_writev,
	[LINUX_NR_pread64] = sys_pread64,
	[LINUX_NR_pwrite64] = sys_pwrite64,
	[LINUX_NR_lseek] = sys_lseek,
	[LINUX_NR_close] = sys_close,
	[LINUX_NR_openat] = sys_openat,
	[LINUX_NR_open] = sys_open,
	[LINUX_NR_fstat] = sys_fstat,
	[LINUX_NR_stat] = sys_stat,
	[LINUX_NR_lstat] = sys_lstat,
	[LINUX_NR_newfstatat] = sys_newfstatat,
	[LINUX_NR_getdents64] = sys_getdents64,
	[LINUX_NR_getcwd] = sys_getcwd,
	[LINUX_NR_chdir] = sys_chdir,
	[LINUX_NR_fchdir] = sys_fchdir,
	[LINUX_NR_mkdirat] = sys_mkdirat,
	[LINUX_NR_mkdir] = sys_mkdir,
	[LINUX_NR_unlinkat] = sys_unlinkat,
	[LINUX_NR_unlink] = sys_unlink,
	[LINUX_NR_rmdir] = sys_rmdir,
	[LINUX_NR_readlinkat] = sys_readlinkat,
	[LINUX_NR_readlink] = sys_readlink,
	[LINUX_NR_faccessat] = sys_faccessat,
	[LINUX_NR_faccessat2] = sys_faccessat2,
	[LINUX_NR_access] = sys_access,
	[LINUX_NR_ioctl] = sys_ioctl,
	[LINUX_NR_fcntl] = sys_fcntl,
	[LINUX_NR_dup] = sys_dup,
	[LINUX_NR_dup2] = sys_dup2,
	[LINUX_NR_dup3] = sys_dup3,
	[LINUX_NR_umask] = sys_umask,
	[LINUX_NR_pipe] = sys_pipe,
	[LINUX_NR_pipe2] = sys_pipe2,
	[LINUX_NR_exit] = sys_exit,
	[LINUX_NR_exit_group] = sys_exit_group,
	[LINUX_NR_arch_prctl] = sys_arch_prctl,
	[LINUX_NR_set_tid_address] = sys_set_tid_address,
	[LINUX_NR_set_robust_list] = sys_set_robust_list,
	[LINUX_NR_rseq] = sys_rseq,
	[LINUX_NR_uname] = sys_uname,
	[LINUX_NR_getpid] = sys_getpid,
	[LINUX_NR_getppid] = sys_getppid,
	[LINUX_NR_gettid] = sys_gettid,
	[LINUX_NR_getuid] = sys_getuid,
	[LINUX_NR_geteuid] = sys_geteuid,
	[LINUX_NR_getgid] = sys_getgid,
	[LINUX_NR_getegid] = sys_getegid,
	[LINUX_NR_clock_gettime] = sys_clock_gettime,
	[LINUX_NR_clock_getres] = sys_clock_getres,
	[LINUX_NR_gettimeofday] = sys_gettimeofday,
	[LINUX_NR_time] = sys_time,
	[LINUX_NR_nanosleep] = sys_nanosleep,
	[LINUX_NR_clock_nanosleep] = sys_clock_nanosleep,
	[LINUX_NR_getrandom] = sys_getrandom,
	[LINUX_NR_rt_sigaction] = sys_rt_sigaction,
	[LINUX_NR_rt_sigprocmask] = sys_rt_sigprocmask,
	[LINUX_NR_sigaltstack] = sys_sigaltstack,
	[LINUX_NR_prlimit64] = sys_prlimit64,
	[LINUX_NR_getrlimit] = sys_getrlimit,
	[LINUX_NR_sysinfo] = sys_sysinfo,
	[LINUX_NR_sched_getaffinity] = sys_sched_getaffinity,
	[LINUX_NR_brk] = sys_brk,
	[LINUX_NR_mmap] = sys_mmap,
	[LINUX_NR_munmap] = sys_munmap,
	[LINUX_NR_mprotect] = sys_mprotect,
	[LINUX_NR_getpgrp] = sys_getpgrp,
	[LINUX_NR_getcpu] = sys_getcpu,
	[LINUX_NR_clone] = sys_clone,
	[LINUX_NR_fork] = sys_fork,
	[LINUX_NR_vfork] = sys_vfork,
	[LINUX_NR_execve] = sys_execve,
	[LINUX_NR_wait4] = sys_wait4,
	[LINUX_NR_waitid] = sys_waitid,
};

syscall_fn
syscall_lookup(uint64_t nr)
{
	if (nr >= ARRAY_SIZE(syscall_table))
		return NULL;
	return syscall_table[nr];
}
