/* A robust-list owner dying: each word on its list (in MAP_SHARED memory) that holds
 * its TID gets FUTEX_OWNER_DIED, keeping FUTEX_WAITERS and dropping the TID, and a
 * shared waiter is woken when FUTEX_WAITERS was set; the other process sees it.  A word
 * held by someone else is left alone; the pending entry (list_op_pending) is handled
 * too, and one of 0 only gets a wake-up. */
#include "futex_util.h"

struct lock {
    struct robust_entry link;
    uint32_t word;
};

int main(void)
{
    struct lock *l = (struct lock *)shared_page();   /* l[0..3] */
    struct robust_head *head = (struct robust_head *)&l[8];
    pid_t pid;

    pid = CHECK_OK(fork());
    if (pid == 0) {
        uint32_t me = (uint32_t)getpid();
        head->list.next = &l[0].link;
        l[0].link.next = &l[1].link;
        l[1].link.next = &l[2].link;
        l[2].link.next = &head->list;
        head->futex_offset = (long)offsetof(struct lock, word);
        head->pending = &l[3].link;
        l[0].word = me | FUTEX_WAITERS;
        l[1].word = me;
        l[2].word = 12345;              /* not ours */
        l[3].word = 0;                  /* pending, released */
        if (syscall(SYS_set_robust_list, head, sizeof(*head)) != 0)
            _exit(2);
        __atomic_store_n(&l[4].word, 1, __ATOMIC_SEQ_CST);
        pause_ms(100);
        _exit(0);                       /* dies holding l[0] and l[1] */
    }
    while (__atomic_load_n(&l[4].word, __ATOMIC_SEQ_CST) == 0)
        pause_ms(1);
    uint32_t held = (uint32_t)pid | FUTEX_WAITERS;
    long r = futex(&l[0].word, FUTEX_WAIT, held, NULL, NULL, 0);
    CHECK(r == 0 || (r == -1 && errno == EAGAIN));
    reap_ok(pid);
    CHECK(l[0].word == (FUTEX_OWNER_DIED | FUTEX_WAITERS));
    CHECK(l[1].word == FUTEX_OWNER_DIED);
    CHECK(l[2].word == 12345);
    CHECK(l[3].word == 0);
    return 0;
}
