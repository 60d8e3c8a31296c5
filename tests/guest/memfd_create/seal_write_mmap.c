/* F_SEAL_WRITE and shared mappings: the seal is EBUSY while a shared
 * writable mapping exists (a forked child's copy counts too), and once it
 * is set a shared writable mapping is EPERM, a shared read-only one may
 * not become writable (EACCES), and a private one is fine.
 * F_SEAL_FUTURE_WRITE needs no such wait but refuses new writable maps. */
#include "guest.h"
#include <signal.h>
#include <sys/mman.h>

#ifndef MFD_ALLOW_SEALING
#define MFD_ALLOW_SEALING 2U
#endif
#ifndef F_ADD_SEALS
#define F_ADD_SEALS 1033
#define F_SEAL_WRITE 0x0008
#endif
#ifndef F_SEAL_FUTURE_WRITE
#define F_SEAL_FUTURE_WRITE 0x0010
#endif

static int new_memfd(void)
{
    int fd = CHECK_OK(syscall(SYS_memfd_create, "seal", MFD_ALLOW_SEALING));
    CHECK_OK(ftruncate(fd, 8192));
    return fd;
}

int main(void)
{
    int fd = new_memfd(), gate[2], st;
    char *p, *q;
    pid_t pid;

    p = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    CHECK(p != MAP_FAILED);
    p[0] = 'a';
    CHECK_ERR(fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE), EBUSY);
    /* A split mapping still counts, piece by piece. */
    CHECK_OK(munmap(p + 4096, 4096));
    CHECK_ERR(fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE), EBUSY);

    /* A child's copy of the mapping holds the seal off until it exits. */
    CHECK_OK(pipe(gate));
    pid = CHECK_OK(fork());
    if (pid == 0) {
        char c;
        close(gate[1]);
        _exit(read(gate[0], &c, 1) == 0 ? 0 : 1);
    }
    close(gate[0]);
    CHECK_OK(munmap(p, 4096));
    CHECK_ERR(fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE), EBUSY);
    close(gate[1]);
    CHECK(waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 0);

    CHECK_OK(fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE));

    CHECK(mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0) == MAP_FAILED &&
          errno == EPERM);
    q = mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd, 0);
    CHECK(q != MAP_FAILED && q[0] == 'a');
    CHECK_ERR(mprotect(q, 4096, PROT_READ | PROT_WRITE), EACCES);
    CHECK_OK(munmap(q, 4096));
    q = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
    CHECK(q != MAP_FAILED);
    q[0] = 'b';                         /* a private copy */
    CHECK_OK(munmap(q, 4096));
    CHECK_ERR(write(fd, "c", 1), EPERM);
    close(fd);

    /* F_SEAL_FUTURE_WRITE: granted beside a writable map, refuses new ones. */
    fd = new_memfd();
    p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    CHECK(p != MAP_FAILED);
    CHECK_OK(fcntl(fd, F_ADD_SEALS, F_SEAL_FUTURE_WRITE));
    p[1] = 'x';                         /* the old map still writes */
    CHECK(mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0) == MAP_FAILED &&
          errno == EPERM);
    CHECK_ERR(write(fd, "c", 1), EPERM);
    CHECK_OK(munmap(p, 4096));
    close(fd);
    return 0;
}
