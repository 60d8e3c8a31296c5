/* mount -t devpts makes a new instance: statfs says DEVPTS_SUPER_MAGIC, it
 * holds ptmx (char 5:2, ptmxmode=), its ptmx numbers pairs from 0 and
 * shows their slaves (mode=) in it, and /proc/mounts lists its options. */
#include "guest.h"
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/statfs.h>
#include <sys/sysmacros.h>

int main(void)
{
    private_mounts();
    const char *dir = tmp_path("devpts");
    CHECK_OK(mkdir(dir, 0755));
    CHECK_OK(mount("devpts", dir, "devpts", 0, "newinstance,ptmxmode=0666,mode=0620"));
    struct statfs sf;
    CHECK_OK(statfs(dir, &sf));
    CHECK(sf.f_type == 0x1cd1);
    char path[160];
    snprintf(path, sizeof path, "%s/ptmx", dir);
    struct stat st;
    CHECK_OK(stat(path, &st));
    CHECK(S_ISCHR(st.st_mode) && st.st_rdev == makedev(5, 2));
    CHECK((st.st_mode & 07777) == 0666);
    int m = CHECK_OK(open(path, O_RDWR | O_NOCTTY));
    unsigned int n;
    CHECK_OK(ioctl(m, TIOCGPTN, &n));
    CHECK(n == 0);
    snprintf(path, sizeof path, "%s/0", dir);
    CHECK_OK(stat(path, &st));
    CHECK(S_ISCHR(st.st_mode) && major(st.st_rdev) == 136 && minor(st.st_rdev) == 0);
    CHECK((st.st_mode & 07777) == 0620);
    FILE *f = fopen("/proc/mounts", "r");
    CHECK(f != NULL);
    char line[512];
    int found = 0;
    while (fgets(line, sizeof line, f))
        if (strstr(line, dir) && strstr(line, " devpts ") &&
            strstr(line, "mode=620") && strstr(line, "ptmxmode=666"))
            found = 1;
    fclose(f);
    CHECK(found);
    close(m);
    CHECK_ERR(stat(path, &st), ENOENT);
    CHECK_OK(umount(dir));
    return 0;
}
