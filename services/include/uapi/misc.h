/*
 * uapi/misc.h: small ABI constants without a family of their own:
 * arch_prctl(2) codes (arch/x86/include/uapi/asm/prctl.h) and
 * getrandom(2) flags (include/uapi/linux/random.h).
 */
#ifndef UAPI_MISC_H
#define UAPI_MISC_H

#define LINUX_ARCH_SET_GS		0x1001
#define LINUX_ARCH_SET_FS		0x1002
#define LINUX_ARCH_GET_FS		0x1003
#define LINUX_ARCH_GET_GS		0x1004
#define LINUX_ARCH_GET_CPUID		0x1011
#define LINUX_ARCH_SET_CPUID		0x1012

#define LINUX_GRND_NONBLOCK		0x0001
#define LINUX_GRND_RANDOM		0x0002
#define LINUX_GRND_INSECURE		0x0004

/* The size of struct robust_list_head (include/uapi/linux/futex.h). */
#define LINUX_ROBUST_LIST_HEAD_SIZE	24

#endif
