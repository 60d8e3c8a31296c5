/* wait4 reports each child's exit code as Linux encodes it (code << 8), and the pid. */
#include "guest.h"
#include <sys/resource.h>
#include <sys/wait.h>

int main(void)
{
    static const int codes[] = { 0, 1, 42, 255, 256 + 3 };

    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
        pid_t pid = CHECK_OK(fork());
        if (pid == 0)
            _exit(codes[i]);
        int status = -1;
        struct rusage ru;
        memset(&ru, 0xff, sizeof ru);
        CHECK(wait4(pid, &status, 0, &ru) == pid);
        CHECK(WIFEXITED(status) && !WIFSIGNALED(status));
        if (WEXITSTATUS(status) != (codes[i] & 0xff))
            FAIL("code %d reported as %d", codes[i], WEXITSTATUS(status));
        CHECK(status == (codes[i] & 0xff) << 8);
        CHECK(ru.ru_utime.tv_sec >= 0 && ru.ru_utime.tv_usec >= 0);
    }
    return 0;
}
