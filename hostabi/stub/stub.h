/*
 * stub.h: the stub's internal interface (freestanding; no libc).
 */
#ifndef STUB_H
#define STUB_H

#include <stdint.h>
#include <stddef.h>

#include "stub_abi.h"

/* Everything is in one static image: no GOT-relative references. */
#pragma GCC visibility push(hidden)

/* Gates (stub_entry.S); each returns the raw kernel result. */
long	stub_syscall6(long nr, long a1, long a2, long a3, long a4, long a5,
	    long a6);
long	stub_futex(uint32_t *addr, long op, long val, const void *ts);
long	stub_exit(long code);
long	stub_arch_prctl(long code, long addr);
long	stub_yield(void);
long	stub_ts_sigaltstack(const void *ss, void *old);
long	stub_ts_sigprocmask(long how, const uint64_t *set, uint64_t *old,
	    long size);
long	stub_ts_seccomp(long op, long flags, const void *prog);
void	stub_restorer(void);
void	stub_boot_trap(void) __attribute__((noreturn));
/* Returns into frame uc (stub_entry.S); stub_rekick answers a kept kick. */
void	stub_resume(void *uc) __attribute__((noreturn));
void	stub_rekick(void *uc) __attribute__((noreturn));
extern const char stub_resume_start[], stub_resume_end[];
void	stub_mm_loop(void) __attribute__((noreturn));

/* The addresses after each gate's syscall instruction. */
extern const char stub_futex_ip[], stub_exit_ip[], stub_arch_prctl_ip[];
extern const char stub_yield_ip[];
extern const char stub_ts_sigaltstack_ip[], stub_ts_sigprocmask_ip[];
extern const char stub_ts_seccomp_ip[], stub_restorer_ip[];
extern const char stub_boot_trap_ip[], stub_mm_wait_ip[], stub_mm_mmap_ip[];
extern const char stub_mm_munmap_ip[], stub_mm_mprotect_ip[];
extern const char stub_mm_clone_ip[], stub_mm_wake_ip[], stub_mm_pwrite_ip[];

struct stub_sock_fprog {
	unsigned short	 len;
	const void	*filter;
};

/*
 * stub_filter.c: the two seccomp programs, built by stub_filters_build()
 * into the .sealed section, [stub_sealed_start, stub_sealed_end) (stub.lds).
 */
extern const char		 stub_sealed_start[], stub_sealed_end[];
void				 stub_filters_build(void);
const struct stub_sock_fprog	*stub_process_filter(void);
const struct stub_sock_fprog	*stub_guest_filter(void);

void	stub_main(uint64_t *sp) __attribute__((noreturn));
void	stub_thread_main(uint64_t slot) __attribute__((noreturn));

#pragma GCC visibility pop

#endif
