/* FUTEX_WAKE_OP changes the second word atomically with each op (SET, ADD, OR, ANDN,
 * XOR; OPARG_SHIFT; a sign-extended 12-bit oparg) and tests its old value with each
 * comparison (signed); with no waiters it returns 0.  An unknown op is ENOSYS with the
 * word untouched; an unknown comparison is ENOSYS after the op was applied.  Across a
 * fork, a passing test wakes a waiter on the second word. */
#include "futex_util.h"

static uint32_t w1, w2;

static long wake_op(uint32_t *a, uint32_t *b, uint32_t op)
{
    return futex2(a, FUTEX_WAKE_OP_PRIVATE, 1, 1, b, op);
}

int main(void)
{
    uint32_t *sh = shared_page();
    pid_t pid;

    CHECK(wake_op(&w1, &w2, FUTEX_OP(FUTEX_OP_SET, 5, FUTEX_OP_CMP_EQ, 0)) == 0);
    CHECK(w2 == 5);
    CHECK(wake_op(&w1, &w2, FUTEX_OP(FUTEX_OP_ADD, 3, FUTEX_OP_CMP_EQ, 5)) == 0);
    CHECK(w2 == 8);
    CHECK(wake_op(&w1, &w2, FUTEX_OP(FUTEX_OP_OR, 0x21, FUTEX_OP_CMP_NE, 0)) == 0);
    CHECK(w2 == 0x29);
    CHECK(wake_op(&w1, &w2, FUTEX_OP(FUTEX_OP_ANDN, 0x9, FUTEX_OP_CMP_LT, 0)) == 0);
    CHECK(w2 == 0x20);
    CHECK(wake_op(&w1, &w2, FUTEX_OP(FUTEX_OP_XOR, 0x30, FUTEX_OP_CMP_GE, 0)) == 0);
    CHECK(w2 == 0x10);
    CHECK(wake_op(&w1, &w2, FUTEX_OP(FUTEX_OP_SET | FUTEX_OP_OPARG_SHIFT, 4,
                                     FUTEX_OP_CMP_LE, 0)) == 0);
    CHECK(w2 == 16);
    CHECK(wake_op(&w1, &w2, FUTEX_OP(FUTEX_OP_ADD, -1, FUTEX_OP_CMP_GT, 0)) == 0);
    CHECK(w2 == 15);
    CHECK(wake_op(&w1, &w2, FUTEX_OP(FUTEX_OP_SET, -2, FUTEX_OP_CMP_EQ, 0)) == 0);
    CHECK(w2 == 0xfffffffe);
    CHECK(w1 == 0);

    CHECK_ERR(wake_op(&w1, &w2, FUTEX_OP(5, 1, FUTEX_OP_CMP_EQ, 0)), ENOSYS);
    CHECK_ERR(wake_op(&w1, &w2, FUTEX_OP(7, 1, FUTEX_OP_CMP_EQ, 0)), ENOSYS);
    CHECK(w2 == 0xfffffffe);
    CHECK_ERR(wake_op(&w1, &w2, FUTEX_OP(FUTEX_OP_SET, 3, 6, 0)), ENOSYS);
    CHECK(w2 == 3);
    CHECK_ERR(wake_op(&w1, BAD_PTR, FUTEX_OP(FUTEX_OP_SET, 3, FUTEX_OP_CMP_EQ, 0)), EINVAL);
    CHECK_ERR(wake_op(&w1, (uint32_t *)8, FUTEX_OP(FUTEX_OP_SET, 3, FUTEX_OP_CMP_EQ, 0)),
              EFAULT);

    /* Across a fork: the test on the old value decides whether sh[1]'s waiter wakes. */
    pid = CHECK_OK(fork());
    if (pid == 0)
        _exit(futex(&sh[1], FUTEX_WAIT, 0, NULL, NULL, 0) == 0 ? 0 : 2);
    pause_ms(50);
    /* old 0 > 0 is false: no wake, the word stays 0 (ADD 0). */
    CHECK(futex2(&sh[0], FUTEX_WAKE_OP, 1, 1, &sh[1],
                 FUTEX_OP(FUTEX_OP_ADD, 0, FUTEX_OP_CMP_GT, 0)) == 0);
    WAKE_UNTIL(futex2(&sh[0], FUTEX_WAKE_OP, 1, 1, &sh[1],
                      FUTEX_OP(FUTEX_OP_ADD, 0, FUTEX_OP_CMP_EQ, 0)), 1);
    reap_ok(pid);
    CHECK(sh[1] == 0);
    return 0;
}
