/*
 * fw/types.h: the small value types and annotations every framework header
 * uses.  Services see only the freestanding compiler headers and these.
 *
 * fw_uaddr_t is a user-space address: a struct wrapping an integer, so C
 * cannot dereference it or turn it into a pointer by accident.  Only the
 * framework's uaccess and vm code turn it into memory.
 */
#ifndef FW_TYPES_H
#define FW_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define FW_MUST_CHECK	__attribute__((warn_unused_result))
#define FW_NORETURN	__attribute__((noreturn))
#define FW_PRINTF(f, a)	__attribute__((format(printf, f, a)))
#define FW_UNUSED	__attribute__((unused))

/* Clang's -Wthread-safety annotations; empty for gcc. */
#if defined(__clang__)
#define FW_TSA(x)	__attribute__((x))
#else
#define FW_TSA(x)
#endif
#define FW_CAPABILITY(n)	FW_TSA(capability(n))
#define FW_ACQUIRES(...)	FW_TSA(acquire_capability(__VA_ARGS__))
#define FW_RELEASES(...)	FW_TSA(release_capability(__VA_ARGS__))
#define FW_TRY_ACQUIRES(...)	FW_TSA(try_acquire_capability(__VA_ARGS__))
#define FW_REQUIRES(...)	FW_TSA(requires_capability(__VA_ARGS__))
#define FW_EXCLUDES(...)	FW_TSA(locks_excluded(__VA_ARGS__))
#define FW_GUARDED_BY(x)	FW_TSA(guarded_by(x))
#define FW_NO_TSA		FW_TSA(no_thread_safety_analysis)

/* A user-space address.  Build one with fw_uaddr(); read it with .v. */
typedef struct {
	uint64_t v;
} fw_uaddr_t;

/* The user address v. */
static inline fw_uaddr_t
fw_uaddr(uint64_t v)
{
	fw_uaddr_t u = { v };
	return u;
}

/* u + off; wrapping is the caller's to check (uaccess rejects it). */
static inline fw_uaddr_t
fw_uaddr_add(fw_uaddr_t u, uint64_t off)
{
	return fw_uaddr(u.v + off);
}

#define FW_PAGE_SIZE	4096UL
#define FW_PAGE_SHIFT	12
#define FW_PAGE_MASK	(~(FW_PAGE_SIZE - 1))

/* v rounded down to a page boundary. */
static inline uint64_t
fw_page_down(uint64_t v)
{
	return v & FW_PAGE_MASK;
}

/* v rounded up to a page boundary (0 for values in the last page). */
static inline uint64_t
fw_page_up(uint64_t v)
{
	return (v + FW_PAGE_SIZE - 1) & FW_PAGE_MASK;
}

#endif
