/*
 * uapi/tty.h: terminal ioctls and the kernel's struct termios of Linux
 * x86-64 (include/uapi/asm-generic/termbits.h, ioctls.h), as numbers.
 * TCGETS uses the kernel layout: four flag words, c_line, 19 c_cc bytes,
 * no speed fields (36 bytes).
 */
#ifndef UAPI_TTY_H
#define UAPI_TTY_H

#include <fw/types.h>

#define LINUX_NCCS	19

struct linux_termios {
	uint32_t	c_iflag;
	uint32_t	c_oflag;
	uint32_t	c_cflag;
	uint32_t	c_lflag;
	uint8_t		c_line;
	uint8_t		c_cc[LINUX_NCCS];
};
_Static_assert(sizeof(struct linux_termios) == 36, "termios");

struct linux_winsize {
	uint16_t	ws_row, ws_col, ws_xpixel, ws_ypixel;
};
_Static_assert(sizeof(struct linux_winsize) == 8, "winsize");

#define LINUX_TCGETS		0x5401
#define LINUX_TCSETS		0x5402
#define LINUX_TCSETSW		0x5403
#define LINUX_TCSETSF		0x5404
#define LINUX_TIOCGPGRP		0x540f
#define LINUX_TIOCSPGRP		0x5410
#define LINUX_TIOCGWINSZ	0x5413
#define LINUX_FIONREAD		0x541b
#define LINUX_TIOCSWINSZ	0x5414
#define LINUX_FIONBIO		0x5421
#define LINUX_TIOCINQ		LINUX_FIONREAD
#define LINUX_TIOCOUTQ		0x5411
#define LINUX_TCSBRK		0x5409
#define LINUX_TCXONC		0x540a
#define LINUX_TCFLSH		0x540b
#define LINUX_TIOCSCTTY		0x540e
#define LINUX_TIOCPKT		0x5420
#define LINUX_TIOCNOTTY		0x5422
#define LINUX_TIOCGSID		0x5429
#define LINUX_TIOCGPTN		0x80045430u	/* _IOR('T', 0x30, unsigned) */
#define LINUX_TIOCSPTLCK	0x40045431u	/* _IOW('T', 0x31, int) */
#define LINUX_TIOCGPTPEER	0x5441

/* TCFLSH's argument. */
#define LINUX_TCIFLUSH	0
#define LINUX_TCOFLUSH	1
#define LINUX_TCIOFLUSH	2

/* c_cc indices. */
#define LINUX_VINTR	0
#define LINUX_VQUIT	1
#define LINUX_VERASE	2
#define LINUX_VKILL	3
#define LINUX_VEOF	4
#define LINUX_VTIME	5
#define LINUX_VMIN	6
#define LINUX_VSWTC	7
#define LINUX_VSTART	8
#define LINUX_VSTOP	9
#define LINUX_VSUSP	10
#define LINUX_VEOL	11
#define LINUX_VREPRINT	12
#define LINUX_VDISCARD	13
#define LINUX_VWERASE	14
#define LINUX_VLNEXT	15
#define LINUX_VEOL2	16

/* Flag bits (octal, as termbits.h writes them). */
#define LINUX_ISTRIP	0000040
#define LINUX_INLCR	0000100
#define LINUX_IGNCR	0000200
#define LINUX_ICRNL	0000400
#define LINUX_IXON	0002000
#define LINUX_OPOST	0000001
#define LINUX_ONLCR	0000004
#define LINUX_OCRNL	0000010
#define LINUX_B38400	0000017
#define LINUX_CS8	0000060
#define LINUX_CREAD	0000200
#define LINUX_HUPCL	0002000
#define LINUX_ISIG	0000001
#define LINUX_ICANON	0000002
#define LINUX_ECHO	0000010
#define LINUX_ECHOE	0000020
#define LINUX_ECHOK	0000040
#define LINUX_ECHONL	0000100
#define LINUX_NOFLSH	0000200
#define LINUX_TOSTOP	0000400
#define LINUX_ECHOCTL	0001000
#define LINUX_ECHOKE	0004000
#define LINUX_IEXTEN	0100000

/* Device numbers of the terminal nodes (Documentation/admin-guide/devices.txt). */
#define LINUX_TTYAUX_MAJOR	5	/* 5:0 /dev/tty, 5:1 /dev/console */
#define LINUX_PTMX_MINOR	2	/* 5:2 /dev/ptmx */
#define LINUX_PTY_SLAVE_MAJOR	136	/* 136:N /dev/pts/N (UNIX98) */
#define LINUX_MEM_MAJOR		1	/* 1:3 null, 1:5 zero, 1:7 full, 1:8 random, 1:9 urandom */

#endif
