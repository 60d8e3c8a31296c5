/* clone(CLONE_FS) without CLONE_VM makes a process that shares the caller's
 * root, working directory and umask: the child's chdir, umask and chroot
 * are the parent's too.  After unshare(CLONE_FS) the child's are its own,
 * and without CLONE_FS they always were. */
#include "guest.h"
#include <sched.h>
#include <signal.h>

static const char *dir;

/* Runs fn in a child made by clone(flags | SIGCHLD) with the stack shared
 * copy-on-write, as fork does; fn's value is the child's exit status. */
static void in_child(unsigned long flags, int (*fn)(void))
{
    int st;
    long pid = CHECK_OK(syscall(SYS_clone, flags | SIGCHLD, 0, NULL, NULL, 0));
    if (pid == 0)
        _exit(fn());
    CHECK(waitpid(pid, &st, 0) == pid);
    if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
        FAIL("child: status %#x", st);
}

static int go_to_dir(void)
{
    umask(027);
    return chdir(dir) == 0 ? 0 : 2;
}

static int leave_then_go_to_root(void)
{
    if (syscall(SYS_unshare, CLONE_FS) != 0)
        return 2;
    umask(0);
    return chdir("/") == 0 ? 0 : 3;
}

static int chroot_to_dir(void)
{
    return chroot(dir) == 0 ? 0 : 2;
}

static void cwd_is(const char *want)
{
    char buf[256];
    CHECK(getcwd(buf, sizeof buf) != NULL);
    if (strcmp(buf, want) != 0)
        FAIL("cwd %s, want %s", buf, want);
}

static mode_t umask_now(void)
{
    mode_t m = umask(0);
    umask(m);
    return m;
}

/* In a process of its own, since it changes the root. */
static void shared_chroot(void)
{
    struct stat st;
    in_child(CLONE_FS, chroot_to_dir);
    CHECK_OK(stat("/marker", &st));     /* dir is our root now */
    CHECK(S_ISREG(st.st_mode));
}

int main(void)
{
    char marker[160];

    dir = tmp_path("clonefs");
    CHECK_OK(mkdir(dir, 0755));
    snprintf(marker, sizeof marker, "%s/marker", dir);
    make_file(tmp_path_in(dir, "marker"), "m", 1);
    CHECK_OK(chdir("/"));
    umask(022);

    in_child(0, go_to_dir);             /* a copy: nothing changes here */
    cwd_is("/");
    CHECK(umask_now() == 022);

    in_child(CLONE_FS, go_to_dir);      /* shared: the child's chdir is ours */
    cwd_is(dir);
    CHECK(umask_now() == 027);

    in_child(CLONE_FS, leave_then_go_to_root);
    cwd_is(dir);
    CHECK(umask_now() == 027);

    CHECK_OK(chdir("/"));
    run_in_child(shared_chroot);
    CHECK_OK(access(marker, F_OK));     /* our own root is still "/" */
    return 0;
}
