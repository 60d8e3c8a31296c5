/* SCM_CREDENTIALS and SO_PASSCRED: a receiver that asks gets each message's sender
 * credentials (its own by default, or what it sent and may send); explicit ones
 * are checked: another's pid needs privilege; an unknown pid is ESRCH. */
#include "guest.h"
#include <sys/socket.h>
#include <sys/uio.h>

static int send_cred(int s, const struct ucred *uc)
{
    char ctl[CMSG_SPACE(sizeof(struct ucred))];
    struct iovec iov = { "m", 1 };
    struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1 };
    if (uc) {
        mh.msg_control = ctl;
        mh.msg_controllen = sizeof ctl;
        struct cmsghdr *c = CMSG_FIRSTHDR(&mh);
        c->cmsg_level = SOL_SOCKET;
        c->cmsg_type = SCM_CREDENTIALS;
        c->cmsg_len = CMSG_LEN(sizeof *uc);
        memcpy(CMSG_DATA(c), uc, sizeof *uc);
    }
    return sendmsg(s, &mh, 0);
}

static int recv_cred(int s, struct ucred *uc)
{
    char ctl[CMSG_SPACE(sizeof(struct ucred)) + 64], b;
    struct iovec iov = { &b, 1 };
    struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = ctl,
                         .msg_controllen = sizeof ctl };
    if (recvmsg(s, &mh, 0) != 1)
        return -1;
    for (struct cmsghdr *c = CMSG_FIRSTHDR(&mh); c; c = CMSG_NXTHDR(&mh, c))
        if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_CREDENTIALS) {
            memcpy(uc, CMSG_DATA(c), sizeof *uc);
            return 1;
        }
    return 0;
}

int main(void)
{
    int sv[2], on = 1;
    struct ucred uc;

    CHECK_OK(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv));
    CHECK(send_cred(sv[0], NULL) == 1);
    CHECK(recv_cred(sv[1], &uc) == 0);                 /* not asked for */
    CHECK_OK(setsockopt(sv[1], SOL_SOCKET, SO_PASSCRED, &on, sizeof on));
    CHECK(send_cred(sv[0], NULL) == 1);
    CHECK(recv_cred(sv[1], &uc) == 1);
    CHECK(uc.pid == getpid() && uc.uid == getuid() && uc.gid == getgid());

    struct ucred mine = { getpid(), getuid(), getgid() };
    CHECK(send_cred(sv[0], &mine) == 1);
    CHECK(recv_cred(sv[1], &uc) == 1 && uc.pid == getpid());

    /* From a child: its own pid. */
    pid_t pid = CHECK_OK(fork());
    if (pid == 0)
        _exit(send_cred(sv[0], NULL) == 1 ? 0 : 1);
    CHECK(recv_cred(sv[1], &uc) == 1 && uc.pid == pid);
    int st;
    CHECK_OK(waitpid(pid, &st, 0));
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);

    struct ucred bad = { 0x3fffffff, getuid(), getgid() };
    if (geteuid() != 0)
        CHECK_ERR(send_cred(sv[0], &bad), EPERM);
    else
        CHECK_ERR(send_cred(sv[0], &bad), ESRCH);

    /* A control message that lies about its length. */
    char ctl[CMSG_SPACE(sizeof(struct ucred))];
    struct iovec iov = { "m", 1 };
    struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = ctl,
                         .msg_controllen = sizeof ctl };
    struct cmsghdr *c = CMSG_FIRSTHDR(&mh);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_CREDENTIALS;
    c->cmsg_len = sizeof ctl + 8;
    CHECK_ERR(sendmsg(sv[0], &mh, 0), EINVAL);
    c->cmsg_len = CMSG_LEN(sizeof(struct ucred) - 4);
    CHECK_ERR(sendmsg(sv[0], &mh, 0), EINVAL);
    return 0;
}
