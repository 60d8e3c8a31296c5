/* getrusage's memory counters and /proc's resident set: touching 8 MB of
 * fresh anonymous memory takes page faults (ru_minflt) and raises the
 * resident set (VmRSS, statm) and its high-water mark (ru_maxrss, VmHWM);
 * unmapping lowers the set but not the mark.  A reaped child's peak and
 * faults reach wait4's rusage and RUSAGE_CHILDREN, and execve keeps the
 * mark of the memory it left. */
#include "guest.h"
#include <sys/mman.h>
#include <sys/resource.h>

#define MB (1024 * 1024)

static long status_kb(const char *field)
{
    char line[256];
    long v = -1;
    size_t n = strlen(field);
    FILE *f = fopen("/proc/self/status", "r");
    CHECK(f != NULL);
    while (fgets(line, sizeof line, f))
        if (strncmp(line, field, n) == 0 && line[n] == ':')
            v = strtol(line + n + 1, NULL, 10);
    fclose(f);
    if (v < 0)
        FAIL("no %s in /proc/self/status", field);
    return v;
}

static long statm_resident(void)
{
    long size, res;
    FILE *f = fopen("/proc/self/statm", "r");
    CHECK(f != NULL);
    CHECK(fscanf(f, "%ld %ld", &size, &res) == 2);
    fclose(f);
    return res;
}

static char *touch(size_t len)
{
    char *m = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(m != MAP_FAILED);
    for (size_t i = 0; i < len; i += 4096)
        m[i] = 1;
    return m;
}

int main(int argc, char **argv)
{
    struct rusage r0, r1;
    long page_kb = sysconf(_SC_PAGESIZE) / 1024;

    if (argc == 2 && strcmp(argv[1], "after-exec") == 0) {
        CHECK_OK(getrusage(RUSAGE_SELF, &r1));
        if (r1.ru_maxrss < 16 * 1024)
            FAIL("ru_maxrss %ld kB after execve", r1.ru_maxrss);
        return 0;
    }

    CHECK_OK(getrusage(RUSAGE_SELF, &r0));
    long rss0 = status_kb("VmRSS");
    char *m = touch(8 * MB);
    CHECK_OK(getrusage(RUSAGE_SELF, &r1));
    if (r1.ru_minflt <= r0.ru_minflt)
        FAIL("ru_minflt %ld then %ld", r0.ru_minflt, r1.ru_minflt);
    if (r1.ru_maxrss < 8 * 1024)
        FAIL("ru_maxrss %ld kB", r1.ru_maxrss);
    long rss1 = status_kb("VmRSS");
    if (rss1 < rss0 + 8 * 1024 - 64)
        FAIL("VmRSS %ld then %ld kB", rss0, rss1);
    CHECK(status_kb("VmHWM") >= 8 * 1024);
    CHECK(statm_resident() * page_kb >= 8 * 1024);

    CHECK_OK(munmap(m, 8 * MB));
    long rss2 = status_kb("VmRSS");
    if (rss2 > rss1 - 8 * 1024 + 64)
        FAIL("VmRSS %ld kB after munmap (was %ld)", rss2, rss1);
    /* Linux's counters are per-CPU estimates: the mark may lag a little. */
    long hwm = status_kb("VmHWM");
    if (hwm < 8 * 1024)
        FAIL("VmHWM %ld kB after munmap, VmRSS was %ld", hwm, rss1);

    pid_t c = CHECK_OK(fork());
    if (c == 0) {
        touch(16 * MB);
        _exit(0);
    }
    int st;
    struct rusage cr;
    CHECK(wait4(c, &st, 0, &cr) == c);
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
    if (cr.ru_maxrss < 16 * 1024 || cr.ru_minflt < 1)
        FAIL("child: ru_maxrss %ld kB, ru_minflt %ld", cr.ru_maxrss, cr.ru_minflt);
    CHECK_OK(getrusage(RUSAGE_CHILDREN, &cr));
    CHECK(cr.ru_maxrss >= 16 * 1024 && cr.ru_minflt >= 1);

    touch(16 * MB);
    char *const args[] = { argv[0], "after-exec", NULL };
    execv(argv[0], args);
    FAIL("execv: %s", strerror(errno));
}
