/* /sys/devices/system/cpu/online lists as many CPUs as /proc/stat has cpuN lines,
 * and /sys is a sysfs mount with the usual top directories. */
#include "guest.h"
#include <ctype.h>

static int count_list(const char *s)
{
    int n = 0;
    while (*s && *s != '\n') {
        int a = atoi(s), b = a;
        while (isdigit((unsigned char)*s))
            s++;
        if (*s == '-') {
            b = atoi(++s);
            while (isdigit((unsigned char)*s))
                s++;
        }
        n += b - a + 1;
        if (*s == ',')
            s++;
    }
    return n;
}

int main(void)
{
    char buf[4096];
    FILE *f = fopen("/sys/devices/system/cpu/online", "r");
    CHECK(f != NULL && fgets(buf, sizeof buf, f) != NULL);
    fclose(f);
    int online = count_list(buf);
    f = fopen("/proc/stat", "r");
    CHECK(f != NULL);
    int lines = 0;
    while (fgets(buf, sizeof buf, f) != NULL)
        if (strncmp(buf, "cpu", 3) == 0 && isdigit((unsigned char)buf[3]))
            lines++;
    fclose(f);
    CHECK(online >= 1 && online == lines);
    struct stat st;
    CHECK_OK(stat("/sys/class", &st));
    CHECK(S_ISDIR(st.st_mode));
    CHECK_OK(stat("/sys/devices/system/cpu", &st));
    CHECK_ERR(stat("/sys/no-such-entry", &st), ENOENT);
    return 0;
}
