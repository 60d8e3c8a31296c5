/*
 * uapi/p9.h: the 9P2000.L protocol's numbers, as the Linux client sends them
 * (include/net/9p/9p.h): message types, qid types, and the bit masks of
 * Tgetattr, Tsetattr and Tlock.  Shared by the client
 * (services/fs/p9c.c), the server (sim/p9/) and its tests.
 *
 * A message is size[4] type[1] tag[2] and a body; integers are little
 * endian, a string is len[2] and len bytes (no NUL), a qid is type[1]
 * version[4] path[8].
 */
#ifndef UAPI_P9_H
#define UAPI_P9_H

enum {
	P9_TLERROR = 6,		P9_RLERROR,
	P9_TSTATFS = 8,		P9_RSTATFS,
	P9_TLOPEN = 12,		P9_RLOPEN,
	P9_TLCREATE = 14,	P9_RLCREATE,
	P9_TSYMLINK = 16,	P9_RSYMLINK,
	P9_TMKNOD = 18,		P9_RMKNOD,
	P9_TRENAME = 20,	P9_RRENAME,
	P9_TREADLINK = 22,	P9_RREADLINK,
	P9_TGETATTR = 24,	P9_RGETATTR,
	P9_TSETATTR = 26,	P9_RSETATTR,
	P9_TXATTRWALK = 30,	P9_RXATTRWALK,
	P9_TXATTRCREATE = 32,	P9_RXATTRCREATE,
	P9_TREADDIR = 40,	P9_RREADDIR,
	P9_TFSYNC = 50,		P9_RFSYNC,
	P9_TLOCK = 52,		P9_RLOCK,
	P9_TGETLOCK = 54,	P9_RGETLOCK,
	P9_TLINK = 70,		P9_RLINK,
	P9_TMKDIR = 72,		P9_RMKDIR,
	P9_TRENAMEAT = 74,	P9_RRENAMEAT,
	P9_TUNLINKAT = 76,	P9_RUNLINKAT,
	P9_TVERSION = 100,	P9_RVERSION,
	P9_TAUTH = 102,		P9_RAUTH,
	P9_TATTACH = 104,	P9_RATTACH,
	P9_TFLUSH = 108,	P9_RFLUSH,
	P9_TWALK = 110,		P9_RWALK,
	P9_TREAD = 116,		P9_RREAD,
	P9_TWRITE = 118,	P9_RWRITE,
	P9_TCLUNK = 120,	P9_RCLUNK,
	P9_TREMOVE = 122,	P9_RREMOVE,
};

#define P9_HDRSZ	7		/* size[4] type[1] tag[2] */
#define P9_QIDSZ	13
#define P9_NOTAG	0xffffu
#define P9_NOFID	0xffffffffu
#define P9_MAXWELEM	16		/* names in one Twalk */
#define P9_VERSION	"9P2000.L"

/* qid.type */
#define P9_QTDIR	0x80
#define P9_QTSYMLINK	0x02
#define P9_QTFILE	0x00

/* Tgetattr request_mask and Rgetattr valid */
#define P9_GETATTR_BASIC	0x000007ffull	/* mode .. blocks */
#define P9_GETATTR_ALL		0x00003fffull

/* Tsetattr valid */
#define P9_SETATTR_MODE		0x001u
#define P9_SETATTR_UID		0x002u
#define P9_SETATTR_GID		0x004u
#define P9_SETATTR_SIZE		0x008u
#define P9_SETATTR_ATIME	0x010u
#define P9_SETATTR_MTIME	0x020u
#define P9_SETATTR_CTIME	0x040u
#define P9_SETATTR_ATIME_SET	0x080u
#define P9_SETATTR_MTIME_SET	0x100u

/* Tlock type and Rlock status */
#define P9_LOCK_TYPE_UNLCK	2
#define P9_LOCK_SUCCESS		0

/* Tlopen and Tlcreate flags (the Linux client's P9_DOTL_*) */
#define P9_DOTL_ACCMODE		00000003u
#define P9_DOTL_CREATE		00000100u
#define P9_DOTL_EXCL		00000200u
#define P9_DOTL_TRUNC		00001000u
#define P9_DOTL_APPEND		00002000u

/* Tunlinkat flags (Linux's AT_REMOVEDIR) */
#define P9_AT_REMOVEDIR		0x200u

#endif /* UAPI_P9_H */
