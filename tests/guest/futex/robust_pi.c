/* A PI futex on a dying owner's robust list (bit 0 of the entry pointer): its death
 * marks the word FUTEX_OWNER_DIED and the kernel hands the lock to the process waiting
 * in FUTEX_LOCK_PI, which returns owning it with FUTEX_OWNER_DIED still set. */
#include "futex_util.h"

struct lock {
    struct robust_entry link;
    uint32_t word;
};

int main(void)
{
    struct lock *l = (struct lock *)shared_page();
    struct robust_head *head = (struct robust_head *)&l[8];
    uint32_t me = (uint32_t)getpid();
    pid_t pid;

    pid = CHECK_OK(fork());
    if (pid == 0) {
        if (futex(&l[0].word, FUTEX_LOCK_PI, 0, NULL, NULL, 0) != 0)
            _exit(2);
        head->list.next = (struct robust_entry *)((uintptr_t)&l[0].link | 1);
        l[0].link.next = &head->list;
        head->futex_offset = (long)offsetof(struct lock, word);
        head->pending = NULL;
        if (syscall(SYS_set_robust_list, head, sizeof(*head)) != 0)
            _exit(3);
        __atomic_store_n(&l[1].word, 1, __ATOMIC_SEQ_CST);
        /* Die once the parent waits. */
        while (!(__atomic_load_n(&l[0].word, __ATOMIC_SEQ_CST) & FUTEX_WAITERS))
            pause_ms(1);
        pause_ms(20);
        _exit(0);
    }
    while (__atomic_load_n(&l[1].word, __ATOMIC_SEQ_CST) == 0)
        pause_ms(1);
    CHECK((l[0].word & FUTEX_TID_MASK) == (uint32_t)pid);
    CHECK(futex(&l[0].word, FUTEX_LOCK_PI, 0, NULL, NULL, 0) == 0);
    CHECK((l[0].word & FUTEX_TID_MASK) == me);
    CHECK(l[0].word & FUTEX_OWNER_DIED);
    reap_ok(pid);
    CHECK(futex(&l[0].word, FUTEX_UNLOCK_PI, 0, NULL, NULL, 0) == 0);
    CHECK(l[0].word == 0);
    return 0;
}
