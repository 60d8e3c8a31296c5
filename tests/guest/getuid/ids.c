/* getuid/geteuid/getgid/getegid agree with each other (nothing is set-id) and with
 * AT_UID/AT_EUID/AT_GID/AT_EGID from the auxiliary vector. */
#include "guest.h"
#include <sys/auxv.h>

int main(void)
{
    long uid = syscall(SYS_getuid), euid = syscall(SYS_geteuid);
    long gid = syscall(SYS_getgid), egid = syscall(SYS_getegid);
    CHECK(uid >= 0 && gid >= 0);
    CHECK(uid == euid && gid == egid);
    CHECK((long)getauxval(AT_UID) == uid);
    CHECK((long)getauxval(AT_EUID) == euid);
    CHECK((long)getauxval(AT_GID) == gid);
    CHECK((long)getauxval(AT_EGID) == egid);
    CHECK(getauxval(AT_SECURE) == 0);
    return 0;
}
