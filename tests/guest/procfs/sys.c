/* /proc/sys/kernel agrees with uname(2); /proc/meminfo's MemTotal with sysinfo(2);
 * /proc/filesystems lists proc and tmpfs as nodev; /proc/uptime counts up. */
#include "guest.h"
#include <sys/sysinfo.h>
#include <sys/utsname.h>

static void read_file(const char *path, char *buf, size_t size)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        FAIL("open %s: %s", path, strerror(errno));
    size_t len = 0;
    ssize_t n;
    while ((n = read(fd, buf + len, size - 1 - len)) > 0)
        len += (size_t)n;
    buf[len] = '\0';
    close(fd);
}

int main(void)
{
    static char buf[65536];
    char want[128];
    struct utsname u;
    CHECK_OK(uname(&u));
    read_file("/proc/sys/kernel/ostype", buf, sizeof buf);
    CHECK(strcmp(buf, "Linux\n") == 0);
    read_file("/proc/sys/kernel/osrelease", buf, sizeof buf);
    snprintf(want, sizeof want, "%s\n", u.release);
    CHECK(strcmp(buf, want) == 0);
    struct sysinfo si;
    CHECK_OK(sysinfo(&si));
    read_file("/proc/meminfo", buf, sizeof buf);
    unsigned long long kb = 0;
    CHECK(sscanf(buf, "MemTotal: %llu kB", &kb) == 1);
    CHECK(kb == (unsigned long long)si.totalram * si.mem_unit / 1024);
    read_file("/proc/filesystems", buf, sizeof buf);
    CHECK(strstr(buf, "nodev\tproc\n") != NULL);
    CHECK(strstr(buf, "nodev\ttmpfs\n") != NULL);
    double up = 0;
    read_file("/proc/uptime", buf, sizeof buf);
    CHECK(sscanf(buf, "%lf", &up) == 1 && up >= 0);
    read_file("/proc/sys/kernel/pid_max", buf, sizeof buf);
    CHECK(atoi(buf) >= 32768);
    return 0;
}
