/* futex_util.h: what the futex guest tests share: the raw call, a shared page, and
 * waking a waiter that may not have gone to sleep yet. */
#ifndef FUTEX_UTIL_H
#define FUTEX_UTIL_H

#include "guest.h"
#include <stddef.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>

/* include/uapi/linux/futex.h (musl-gcc sees no kernel headers). */
#define FUTEX_WAIT 0
#define FUTEX_WAKE 1
#define FUTEX_FD 2
#define FUTEX_REQUEUE 3
#define FUTEX_CMP_REQUEUE 4
#define FUTEX_WAKE_OP 5
#define FUTEX_LOCK_PI 6
#define FUTEX_UNLOCK_PI 7
#define FUTEX_TRYLOCK_PI 8
#define FUTEX_WAIT_BITSET 9
#define FUTEX_WAKE_BITSET 10
#define FUTEX_WAIT_REQUEUE_PI 11
#define FUTEX_CMP_REQUEUE_PI 12
#define FUTEX_LOCK_PI2 13
#define FUTEX_PRIVATE_FLAG 128
#define FUTEX_CLOCK_REALTIME 256
#define FUTEX_WAIT_PRIVATE (FUTEX_WAIT | FUTEX_PRIVATE_FLAG)
#define FUTEX_WAKE_PRIVATE (FUTEX_WAKE | FUTEX_PRIVATE_FLAG)
#define FUTEX_REQUEUE_PRIVATE (FUTEX_REQUEUE | FUTEX_PRIVATE_FLAG)
#define FUTEX_CMP_REQUEUE_PRIVATE (FUTEX_CMP_REQUEUE | FUTEX_PRIVATE_FLAG)
#define FUTEX_WAKE_OP_PRIVATE (FUTEX_WAKE_OP | FUTEX_PRIVATE_FLAG)
#define FUTEX_LOCK_PI_PRIVATE (FUTEX_LOCK_PI | FUTEX_PRIVATE_FLAG)
#define FUTEX_UNLOCK_PI_PRIVATE (FUTEX_UNLOCK_PI | FUTEX_PRIVATE_FLAG)
#define FUTEX_TRYLOCK_PI_PRIVATE (FUTEX_TRYLOCK_PI | FUTEX_PRIVATE_FLAG)
#define FUTEX_WAIT_BITSET_PRIVATE (FUTEX_WAIT_BITSET | FUTEX_PRIVATE_FLAG)
#define FUTEX_WAKE_BITSET_PRIVATE (FUTEX_WAKE_BITSET | FUTEX_PRIVATE_FLAG)
#define FUTEX_BITSET_MATCH_ANY 0xffffffffu
#define FUTEX_WAITERS 0x80000000u
#define FUTEX_OWNER_DIED 0x40000000u
#define FUTEX_TID_MASK 0x3fffffffu
#define FUTEX_OP_SET 0
#define FUTEX_OP_ADD 1
#define FUTEX_OP_OR 2
#define FUTEX_OP_ANDN 3
#define FUTEX_OP_XOR 4
#define FUTEX_OP_OPARG_SHIFT 8
#define FUTEX_OP_CMP_EQ 0
#define FUTEX_OP_CMP_NE 1
#define FUTEX_OP_CMP_LT 2
#define FUTEX_OP_CMP_LE 3
#define FUTEX_OP_CMP_GT 4
#define FUTEX_OP_CMP_GE 5
#define FUTEX_OP(op, oparg, cmp, cmparg)                                             \
    ((((op) & 0xf) << 28) | (((cmp) & 0xf) << 24) | (((oparg) & 0xfff) << 12) |      \
     ((cmparg) & 0xfff))

/* struct robust_list_head and an entry: the lock word sits futex_offset past it. */
struct robust_entry {
    struct robust_entry *next;
};
struct robust_head {
    struct robust_entry list;
    long futex_offset;
    struct robust_entry *pending;
};

static inline long futex(uint32_t *uaddr, int op, uint32_t val, const struct timespec *ts,
                         uint32_t *uaddr2, uint32_t val3)
{
    return syscall(SYS_futex, uaddr, op, val, ts, uaddr2, val3);
}

/* The same with the timeout argument read as a number (REQUEUE's val2). */
static inline long futex2(uint32_t *uaddr, int op, uint32_t val, unsigned long val2,
                          uint32_t *uaddr2, uint32_t val3)
{
    return syscall(SYS_futex, uaddr, op, val, val2, uaddr2, val3);
}

/* A page of MAP_SHARED anonymous memory: fork keeps it shared. */
static inline uint32_t *shared_page(void)
{
    void *m = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (m == MAP_FAILED)
        FAIL("mmap: %s", strerror(errno));
    return m;
}

static inline void pause_ms(long ms)
{
    struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
        ;
}

static inline long elapsed_ms(const struct timespec *a, const struct timespec *b)
{
    return (b->tv_sec - a->tv_sec) * 1000 + (b->tv_nsec - a->tv_nsec) / 1000000;
}

/* Calls op (a wake or requeue) until it reports at least want waiters in total, or
 * fails the test after 10 s: the other process may not be asleep yet. */
#define WAKE_UNTIL(expr, want)                                                      \
    do {                                                                           \
        long total_ = 0;                                                           \
        for (int i_ = 0; total_ < (want); i_++) {                                  \
            long r_ = (long)(expr);                                                \
            if (r_ < 0)                                                            \
                FAIL("%s: errno %d (%s)", #expr, errno, strerror(errno));          \
            total_ += r_;                                                          \
            if (total_ < (want)) {                                                 \
                if (i_ == 10000)                                                   \
                    FAIL("%s: only %ld of %ld waiters", #expr, total_, (long)(want)); \
                pause_ms(1);                                                       \
            }                                                                      \
        }                                                                          \
        if (total_ != (want))                                                      \
            FAIL("%s: %ld waiters, want %ld", #expr, total_, (long)(want));        \
    } while (0)

/* Repeats expr, which returns 0 while the other process is not asleep yet, until it
 * fails with errno err; fails the test if it does anything else, or after 10 s. */
#define FAIL_ONCE_ASLEEP(expr, err)                                                 \
    do {                                                                           \
        for (int i_ = 0;; i_++) {                                                  \
            errno = 0;                                                             \
            long r_ = (long)(expr);                                                \
            if (r_ == -1 && errno == (err))                                        \
                break;                                                             \
            if (r_ != 0 || i_ == 10000)                                            \
                FAIL("%s: %ld, errno %d, want errno %d", #expr, r_, errno, (err)); \
            pause_ms(1);                                                           \
        }                                                                          \
    } while (0)

/* Waits for child pid and checks that it exited with status 0. */
static inline void reap_ok(pid_t pid)
{
    int st;
    if (waitpid(pid, &st, 0) != pid)
        FAIL("waitpid: %s", strerror(errno));
    if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
        FAIL("child %d: status 0x%x", (int)pid, st);
}

#endif
