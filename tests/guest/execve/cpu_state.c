/* execve starts the new program with the initial FP state (x87 control word
 * 0x37f, MXCSR 0x1f80) and a GS base of 0, whatever the old program left
 * there: from a forked child, and from the process that ran the test.  A
 * kernel that keeps the old thread for the new program must reset both. */
#include "guest.h"
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#define ARCH_SET_GS 0x1001
#define ARCH_GET_GS 0x1004
#define OLD_GS      0x1000000UL          /* 16 MiB */
#define PAGE_AT     0x3000000000UL
#define MAGIC       0x6a5e7c0de1UL

static unsigned int mxcsr(void)
{
    unsigned int v;

    __asm__ volatile("stmxcsr %0" : "=m"(v));
    return v;
}

static unsigned short fpu_cw(void)
{
    unsigned short v;

    __asm__ volatile("fnstcw %0" : "=m"(v));
    return v;
}

/* The word at %gs:a: at a itself when the GS base is 0. */
static unsigned long gs_load(unsigned long a)
{
    unsigned long v;

    __asm__ volatile("mov %%gs:(%1), %0" : "=r"(v) : "r"(a) : "memory");
    return v;
}

static int check_fresh(void)
{
    unsigned long gs = 1, *p;

    CHECK(mxcsr() == 0x1f80);
    CHECK(fpu_cw() == 0x37f);
    CHECK_OK(syscall(SYS_arch_prctl, ARCH_GET_GS, &gs));
    CHECK(gs == 0);
    p = mmap((void *)PAGE_AT, 4096, PROT_READ | PROT_WRITE,
        MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    CHECK(p == (void *)PAGE_AT);
    *p = MAGIC;
    /* An old base left in place would read 16 MiB higher, from nothing. */
    CHECK(gs_load(PAGE_AT) == MAGIC);
    return 0;
}

static void run_check(char *self)
{
    char *const args[] = { self, "check", NULL };

    execv(self, args);
    FAIL("execv: %s", strerror(errno));
}

int main(int argc, char **argv)
{
    unsigned int odd_mxcsr = 0x7f80;     /* round toward zero */
    unsigned short odd_cw = 0x0c7f;      /* round toward zero, 24-bit */
    pid_t c;
    int st;

    if (argc > 1 && strcmp(argv[1], "check") == 0)
        return check_fresh();
    __asm__ volatile("ldmxcsr %0" : : "m"(odd_mxcsr));
    __asm__ volatile("fldcw %0" : : "m"(odd_cw));
    CHECK(mxcsr() == odd_mxcsr && fpu_cw() == odd_cw);
    CHECK_OK(syscall(SYS_arch_prctl, ARCH_SET_GS, OLD_GS));
    c = fork();
    if (c == 0)
        run_check(argv[0]);
    CHECK(c > 0);
    CHECK(waitpid(c, &st, 0) == c);
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
    run_check(argv[0]);
    return 1;
}
