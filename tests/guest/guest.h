/* guest.h: helpers shared by the guest tests, tests/guest/<syscall>/<behaviour>.c.
 *
 * A guest test is a plain static Linux program that checks one behaviour.  It exits 0
 * when the behaviour holds; otherwise it prints one line naming what differed to stderr
 * and exits 1.  Every test passes natively first (which proves it right about Linux) and
 * then under Trellis.  Header-only so each test stays a single translation unit built
 * with both glibc and musl; see docs/testing.md. */
#ifndef GUEST_H
#define GUEST_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <grp.h>
#include <poll.h>

/* Constants a libc's headers may lack (musl's are older than glibc's). */
#ifndef RENAME_NOREPLACE
#define RENAME_NOREPLACE (1 << 0)
#define RENAME_EXCHANGE (1 << 1)
#define RENAME_WHITEOUT (1 << 2)
#endif

#ifndef FALLOC_FL_KEEP_SIZE
#define FALLOC_FL_KEEP_SIZE 0x01
#define FALLOC_FL_PUNCH_HOLE 0x02
#endif
#ifndef FALLOC_FL_COLLAPSE_RANGE
#define FALLOC_FL_COLLAPSE_RANGE 0x08
#define FALLOC_FL_ZERO_RANGE 0x10
#define FALLOC_FL_INSERT_RANGE 0x20
#endif
#ifndef FALLOC_FL_UNSHARE_RANGE
#define FALLOC_FL_UNSHARE_RANGE 0x40
#endif

/* An address the kernel never maps for us: passing it must earn EFAULT. */
#define BAD_PTR ((void *)1)

#define FAIL(...)                                                                  \
    do {                                                                           \
        fprintf(stderr, "%s:%d: ", __FILE__, __LINE__);                            \
        fprintf(stderr, __VA_ARGS__);                                              \
        fputc('\n', stderr);                                                       \
        exit(1);                                                                   \
    } while (0)

#define CHECK(cond)                                                                \
    do {                                                                           \
        if (!(cond))                                                               \
            FAIL("expected %s", #cond);                                            \
    } while (0)

/* `expr` (a libc call or a raw syscall()) fails with -1 and errno == err. */
#define CHECK_ERR(expr, err)                                                       \
    do {                                                                           \
        errno = 0;                                                                 \
        long r_ = (long)(expr);                                                    \
        int e_ = errno;                                                            \
        if (r_ != -1 || e_ != (err))                                               \
            FAIL("%s: want -1 with errno %d (%s), got %ld with errno %d (%s)",    \
                 #expr, (err), #err, r_, e_, strerror(e_));                        \
    } while (0)

/* `expr` succeeds (does not return -1); the macro's value is its result. */
#define CHECK_OK(expr)                                                             \
    __extension__({                                                                \
        errno = 0;                                                                 \
        long r_ = (long)(expr);                                                    \
        if (r_ == -1)                                                              \
            FAIL("%s: errno %d (%s)", #expr, errno, strerror(errno));              \
        r_;                                                                        \
    })

/* Scratch paths under /tmp, unique per process, removed at exit (newest first, so
 * files go before the directories holding them) whether the test passed or not. */
#define GUEST_MAX_TMP 16
static char guest_tmp[GUEST_MAX_TMP][128];
static int guest_ntmp;
static pid_t guest_owner;   /* only the process that made them removes them */

static void guest_cleanup(void)
{
    if (getpid() != guest_owner)
        return;             /* a forked child failing a CHECK */
    while (guest_ntmp > 0) {
        const char *p = guest_tmp[--guest_ntmp];
        if (unlink(p) != 0)
            rmdir(p);
    }
}

/* Returns a fresh path "/tmp/trellis-<tag>-<pid>" or, with parent, "<parent>/<tag>". */
static inline const char *tmp_path_in(const char *parent, const char *tag)
{
    if (guest_ntmp == GUEST_MAX_TMP)
        FAIL("too many scratch paths");
    if (guest_ntmp == 0) {
        guest_owner = getpid();
        atexit(guest_cleanup);
    }
    char *p = guest_tmp[guest_ntmp++];
    if (parent) {
        char dir[sizeof guest_tmp[0]];   /* parent may be another scratch path */
        snprintf(dir, sizeof dir, "%s", parent);
        if (snprintf(p, sizeof guest_tmp[0], "%s/%s", dir, tag) >= (int)sizeof guest_tmp[0])
            FAIL("scratch path too long");
    } else
        snprintf(p, sizeof guest_tmp[0], "/tmp/trellis-%s-%ld", tag, (long)getpid());
    return p;
}

static inline const char *tmp_path(const char *tag)
{
    return tmp_path_in(NULL, tag);
}

/* A scratch path on tmpfs, "/dev/shm/trellis-<tag>-<pid>", for behaviours
 * that are tmpfs's own (Trellis's ramfs answers as tmpfs; /tmp may not be). */
static inline const char *shm_path(const char *tag)
{
    char t[64];
    snprintf(t, sizeof t, "trellis-%s-%ld", tag, (long)getpid());
    return tmp_path_in("/dev/shm", t);
}

/* Creates (or truncates) a regular file holding `len` bytes of `data`. */
static inline void make_file(const char *path, const void *data, size_t len)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0)
        FAIL("open(%s): %s", path, strerror(errno));
    if (write(fd, data, len) != (ssize_t)len)
        FAIL("write(%s): %s", path, strerror(errno));
    close(fd);
}

/* A file descriptor number that is certainly closed. */
static inline int closed_fd(void)
{
    int fd = open("/", O_RDONLY | O_DIRECTORY);
    if (fd < 0)
        FAIL("open(/): %s", strerror(errno));
    close(fd);
    return fd;
}

/*
 * Runs fn in a forked child, which must end with _exit(0) to pass (a
 * child changes what the parent must keep: its ids, its limits); the
 * parent fails with the child's status otherwise.
 */
static inline void run_in_child(void (*fn)(void))
{
    int status;
    pid_t pid = fork();

    if (pid < 0)
        FAIL("fork: %s", strerror(errno));
    if (pid == 0) {
        fn();
        _exit(0);
    }
    if (waitpid(pid, &status, 0) != pid)
        FAIL("waitpid: %s", strerror(errno));
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        FAIL("child: status %#x", status);
}

/*
 * Mount tests call this first: natively it moves the test into a mount
 * namespace of its own whose mounts do not propagate, so nothing it
 * mounts reaches the host; Trellis has one namespace per boot, so
 * unshare(2) says EINVAL as a Linux without namespaces does, and there
 * is nothing to protect.
 */
static inline void private_mounts(void)
{
    if (syscall(SYS_unshare, 0x00020000 /* CLONE_NEWNS */) != 0 && errno != EINVAL)
        FAIL("unshare(CLONE_NEWNS): %s", strerror(errno));
    if (syscall(SYS_mount, NULL, "/", NULL, 0x4000 | 0x40000 /* MS_REC|MS_PRIVATE */,
                NULL) != 0)
        FAIL("mount(/, MS_REC|MS_PRIVATE): %s", strerror(errno));
}

/* Runs fn in a forked child that has dropped to uid 1000 and gid 1000 with
 * no supplementary groups: for permission tests, which must hold both for
 * root natively and for Trellis's uid 0. */
#define GUEST_UID 1000
#define GUEST_GID 1000
static inline void guest_drop_privileges(void)
{
    if (setgroups(0, NULL) != 0 || setresgid(GUEST_GID, GUEST_GID, GUEST_GID) != 0 ||
        setresuid(GUEST_UID, GUEST_UID, GUEST_UID) != 0)
        FAIL("dropping privileges: %s", strerror(errno));
}

static void (*guest_user_fn)(void);
static inline void guest_user_child(void)
{
    guest_drop_privileges();
    guest_user_fn();
}

static inline void run_as_user(void (*fn)(void))
{
    guest_user_fn = fn;
    run_in_child(guest_user_child);
}

/* A pty pair for the pty tests: the master from posix_openpt(3), unlocked,
 * and its slave opened by ptsname(3); neither becomes a controlling tty. */
static inline void open_pty(int *master, int *slave)
{
    *master = posix_openpt(O_RDWR | O_NOCTTY);
    if (*master < 0 || grantpt(*master) != 0 || unlockpt(*master) != 0)
        FAIL("posix_openpt/grantpt/unlockpt: %s", strerror(errno));
    const char *name = ptsname(*master);
    if (name == NULL)
        FAIL("ptsname: %s", strerror(errno));
    *slave = open(name, O_RDWR | O_NOCTTY);
    if (*slave < 0)
        FAIL("open(%s): %s", name, strerror(errno));
}

/* Reads from fd until want bytes came or nothing more arrives within
 * 500 ms (a pty hands bytes on asynchronously on Linux): how many. */
static inline size_t read_some(int fd, void *buf, size_t want)
{
    size_t got = 0;
    while (got < want) {
        struct pollfd p = { .fd = fd, .events = POLLIN };
        if (poll(&p, 1, 500) != 1)
            break;
        ssize_t n = read(fd, (char *)buf + got, want - got);
        if (n <= 0)
            break;
        got += (size_t)n;
    }
    return got;
}

/* read_some() exactly the bytes of expect, or fail naming what came. */
#define EXPECT_READ(fd, expect)                                                    \
    do {                                                                           \
        char b_[256];                                                              \
        size_t w_ = sizeof(expect) - 1;                                            \
        size_t n_ = read_some((fd), b_, w_);                                       \
        if (n_ != w_ || memcmp(b_, (expect), w_) != 0)                             \
            FAIL("read %zu bytes \"%.*s\", want \"%s\"", n_, (int)n_, b_,         \
                 (expect));                                                        \
    } while (0)

#endif
