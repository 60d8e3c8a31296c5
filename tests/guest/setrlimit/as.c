/* RLIMIT_AS bounds the address space: a mapping, a break or a mremap that
 * would take the VMAs past it fails with ENOMEM (malloc returns NULL), a
 * MAP_FIXED mapping over what is mapped already counts only what it adds,
 * and what was mapped before a lower limit stays.  The limit holds across
 * fork. */
#include "guest.h"
#include <sys/mman.h>
#include <sys/resource.h>

#define MB (1024UL * 1024)

/* The address space's size now: statm's first field, in bytes. */
static unsigned long vsize(void)
{
    unsigned long pages;
    FILE *f = fopen("/proc/self/statm", "r");
    CHECK(f != NULL);
    CHECK(fscanf(f, "%lu", &pages) == 1);
    fclose(f);
    return pages * (unsigned long)sysconf(_SC_PAGESIZE);
}

static void limited(void)
{
    /* Room for 16 MB more; the fopen above may leave some heap behind. */
    struct rlimit rl;
    unsigned long base = vsize() + MB;
    rl.rlim_cur = rl.rlim_max = base + 16 * MB;
    CHECK_OK(setrlimit(RLIMIT_AS, &rl));

    char *a = mmap(NULL, 8 * MB, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(a != MAP_FAILED);
    CHECK(mmap(NULL, 16 * MB, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) == MAP_FAILED &&
          errno == ENOMEM);
    /* Replacing 8 MB with 8 MB adds nothing. */
    CHECK(mmap(a, 8 * MB, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) == a);
    CHECK(mremap(a, 8 * MB, 32 * MB, MREMAP_MAYMOVE) == MAP_FAILED && errno == ENOMEM);
    CHECK(sbrk(32 * MB) == (void *)-1 && errno == ENOMEM);
    CHECK(malloc(32 * MB) == NULL);

    /* A child inherits the limit. */
    pid_t c = CHECK_OK(fork());
    if (c == 0)
        _exit(mmap(NULL, 16 * MB, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) ==
              MAP_FAILED && errno == ENOMEM ? 0 : 1);
    int st;
    CHECK(waitpid(c, &st, 0) == c && WIFEXITED(st) && WEXITSTATUS(st) == 0);

    /* Below what is mapped: nothing goes, nothing new comes. */
    rl.rlim_cur = vsize() / 2;
    CHECK_OK(setrlimit(RLIMIT_AS, &rl));
    CHECK(((volatile char *)a)[0] == 0);  /* still mapped */
    CHECK_OK(munmap(a, 4 * MB));
    CHECK(mmap(NULL, MB, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) == MAP_FAILED &&
          errno == ENOMEM);
    CHECK_OK(munmap(a + 4 * MB, 4 * MB));
}

int main(void)
{
    run_in_child(limited);
    return 0;
}
