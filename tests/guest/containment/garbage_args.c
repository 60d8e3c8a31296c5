/* Thousands of system calls with garbage arguments -- wild pointers, huge lengths,
 * unopened descriptors, random flags -- must each get an answer (a result or an errno)
 * and never bring Trellis down.  Only calls that cannot end or freeze the test itself
 * are drawn (no exit, no mmap family, no blocking waits), plus unknown numbers.
 * Trellis-only: natively, random paths and flags would touch the real machine. */
/* guest-test: trellis-only */
#include "guest.h"
#include <stdint.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>

static const long safe[] = {
    0, 1, 2, 3, 4, 5, 6, 8, 14, 16, 17, 18, 19, 20, 21, 32, 33, 39, 63, 72, 79, 80,
    81, 83, 84, 87, 89, 95, 96, 97, 99, 102, 104, 107, 108, 110, 111, 131, 186, 201,
    204, 217, 218, 228, 229, 257, 258, 262, 263, 267, 269, 273, 292, 302, 309, 318,
    439, 500, 999, 4095, 100000,
};

static uint64_t state = 0x9e3779b97f4a7c15u;

static uint64_t next(void)   /* xorshift64*: reproducible garbage */
{
    state ^= state >> 12;
    state ^= state << 25;
    state ^= state >> 27;
    return state * 0x2545f4914f6cdd1du;
}

static unsigned char *buf;
#define BUF (1u << 20)

static uint64_t garbage(void)
{
    static const uint64_t odd[] = {
        0, 1, 2, 3, 7, 64, 4095, 4096, 65536, BUF, 0x7fffffff, 0x80000000u,
        0xffffffffu, 0x7fffffffffffffffu, 0x8000000000000000u, ~0ull, ~0ull - 4095,
        0x7ff000000000ull, 0xffffffffff600000ull, 0xffff800000000000ull,
    };

    switch (next() % 6) {
    case 0: return odd[next() % (sizeof odd / sizeof odd[0])];
    case 1: return next() % 16;                                /* descriptors, small flags */
    case 2: return (uint64_t)(uintptr_t)(buf + next() % BUF);  /* a real buffer */
    case 3: return (uint64_t)(uintptr_t)(buf + BUF - next() % 64); /* at the guard page */
    case 4: return next() % 0x1000;                            /* the null page */
    default: return next();
    }
}

int main(void)
{
    int calls;

    /* A buffer of random bytes (paths, structs), followed by a guard page. */
    buf = mmap(NULL, BUF + 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(buf != MAP_FAILED);
    CHECK_OK(mprotect(buf + BUF, 4096, PROT_NONE));
    for (unsigned i = 0; i < BUF; i += 8) {
        uint64_t v = next();
        memcpy(buf + i, &v, 8);
    }
    /* Garbage goes to /dev/null; the verdict to a descriptor no draw names. */
    int out = fcntl(2, F_DUPFD, 900), null = open("/dev/null", O_RDWR);
    CHECK(out >= 0 && null >= 0);
    CHECK_OK(dup2(null, 1));
    CHECK_OK(dup2(null, 2));
    close(0);   /* a read of fd 0 must not wait for input */

    for (calls = 0; calls < 20000; calls++) {
        long nr = safe[next() % (sizeof safe / sizeof safe[0])];
        long r = syscall(nr, garbage(), garbage(), garbage(), garbage(), garbage(),
                         garbage());
        if (r < 0 && (errno <= 0 || errno > 4095)) {
            dprintf(out, "syscall %ld: result %ld with errno %d\n", nr, r, errno);
            return 1;
        }
    }
    dprintf(out, "%d calls answered\n", calls);
    return 0;
}
