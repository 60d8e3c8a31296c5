/*
 * uapi/futex.h: the futex ABI of Linux x86-64 (include/uapi/linux/futex.h):
 * futex(2) operations and flags, FUTEX_WAKE_OP's encoding, the bits of a
 * PI or robust futex word, the robust list, and futex_waitv(2)'s entry.
 */
#ifndef UAPI_FUTEX_H
#define UAPI_FUTEX_H

#include <fw/types.h>

#define LINUX_FUTEX_WAIT		0
#define LINUX_FUTEX_WAKE		1
#define LINUX_FUTEX_FD			2	/* gone since 2.6.26 */
#define LINUX_FUTEX_REQUEUE		3
#define LINUX_FUTEX_CMP_REQUEUE		4
#define LINUX_FUTEX_WAKE_OP		5
#define LINUX_FUTEX_LOCK_PI		6
#define LINUX_FUTEX_UNLOCK_PI		7
#define LINUX_FUTEX_TRYLOCK_PI		8
#define LINUX_FUTEX_WAIT_BITSET		9
#define LINUX_FUTEX_WAKE_BITSET		10
#define LINUX_FUTEX_WAIT_REQUEUE_PI	11
#define LINUX_FUTEX_CMP_REQUEUE_PI	12
#define LINUX_FUTEX_LOCK_PI2		13

#define LINUX_FUTEX_PRIVATE_FLAG	128
#define LINUX_FUTEX_CLOCK_REALTIME	256
#define LINUX_FUTEX_CMD_MASK		(~(LINUX_FUTEX_PRIVATE_FLAG | \
					   LINUX_FUTEX_CLOCK_REALTIME))
#define LINUX_FUTEX_BITSET_MATCH_ANY	0xffffffffu

/*
 * FUTEX_WAKE_OP's val3: op (bits 28-30), OPARG_SHIFT (bit 31), cmp (bits
 * 24-27), oparg (bits 12-23) and cmparg (bits 0-11), both signed.
 */
#define LINUX_FUTEX_OP_SET		0	/* new = oparg */
#define LINUX_FUTEX_OP_ADD		1	/* new = old + oparg */
#define LINUX_FUTEX_OP_OR		2	/* new = old | oparg */
#define LINUX_FUTEX_OP_ANDN		3	/* new = old & ~oparg */
#define LINUX_FUTEX_OP_XOR		4	/* new = old ^ oparg */
#define LINUX_FUTEX_OP_OPARG_SHIFT	8	/* oparg is 1 << oparg */
#define LINUX_FUTEX_OP_CMP_EQ		0
#define LINUX_FUTEX_OP_CMP_NE		1
#define LINUX_FUTEX_OP_CMP_LT		2
#define LINUX_FUTEX_OP_CMP_LE		3
#define LINUX_FUTEX_OP_CMP_GT		4
#define LINUX_FUTEX_OP_CMP_GE		5

/* The word of a PI or robust futex. */
#define LINUX_FUTEX_WAITERS		0x80000000u
#define LINUX_FUTEX_OWNER_DIED		0x40000000u
#define LINUX_FUTEX_TID_MASK		0x3fffffffu

/*
 * struct robust_list_head: next (bit 0 marks a PI futex), futex_offset
 * (from an entry to its word), list_op_pending.  Each entry starts with
 * its next pointer.  ROBUST_LIST_LIMIT bounds a walk.
 */
#define LINUX_ROBUST_OFF_NEXT		0
#define LINUX_ROBUST_OFF_OFFSET		8
#define LINUX_ROBUST_OFF_PENDING	16
#define LINUX_ROBUST_LIST_LIMIT		2048

/* futex_waitv(2): flags of an entry, and the most entries. */
#define LINUX_FUTEX2_SIZE_U8		0x00
#define LINUX_FUTEX2_SIZE_U16		0x01
#define LINUX_FUTEX2_SIZE_U32		0x02
#define LINUX_FUTEX2_SIZE_U64		0x03
#define LINUX_FUTEX2_SIZE_MASK		0x03
#define LINUX_FUTEX2_PRIVATE		LINUX_FUTEX_PRIVATE_FLAG
#define LINUX_FUTEX_WAITV_MAX		128

struct linux_futex_waitv {
	uint64_t	val;
	uint64_t	uaddr;
	uint32_t	flags;
	uint32_t	reserved;
};
_Static_assert(sizeof(struct linux_futex_waitv) == 24, "futex_waitv");

#endif
