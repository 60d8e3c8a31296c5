/*
 * uapi/prctl.h: prctl(2) options (include/uapi/linux/prctl.h) and the
 * dumpable values (include/linux/sched/coredump.h).
 */
#ifndef UAPI_PRCTL_H
#define UAPI_PRCTL_H

#define LINUX_PR_SET_PDEATHSIG		1
#define LINUX_PR_GET_PDEATHSIG		2
#define LINUX_PR_GET_DUMPABLE		3
#define LINUX_PR_SET_DUMPABLE		4
#define LINUX_PR_SET_NAME		15
#define LINUX_PR_GET_NAME		16
#define LINUX_PR_SET_CHILD_SUBREAPER	36
#define LINUX_PR_GET_CHILD_SUBREAPER	37
#define LINUX_PR_SET_NO_NEW_PRIVS	38
#define LINUX_PR_GET_NO_NEW_PRIVS	39

#define LINUX_SUID_DUMP_DISABLE		0
#define LINUX_SUID_DUMP_USER		1

#endif
