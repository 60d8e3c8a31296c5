/*
 * stub_abi.h: the contract between the simulator and the stub, the small
 * freestanding program that every guest address space runs in (see
 * docs/host-backend.md).  Both sides include this header; nothing here may
 * depend on libc.
 *
 * The stub process's address space: the guest owns [0, STUB_BASE); the
 * stub owns the 4 GiB above it:
 *
 *	STUB_BASE + 0x000000	.text, .rodata, .data, .bss of the stub (RX/R/RW)
 *	STUB_RING		the mm ring: read-only to the stub, written by
 *				the simulator through its memfd mapping
 *	STUB_DONE		the mm thread's answers (read-write, untrusted)
 *	STUB_SLOTS + i*SLOT	one 64 KiB slot per guest thread:
 *		+0x0000	guard (never mapped)
 *		+0x1000	the host signal stack (SLOT_ALT_SIZE)
 *		+0xE000	struct stub_ctx	(read-write, untrusted)
 *		+0xF000	struct stub_cmd	(read-only to the stub)
 *
 * Every word the stub can write is untrusted: the simulator copies it once,
 * then validates the copy.
 */
#ifndef STUB_ABI_H
#define STUB_ABI_H

#ifdef __ASSEMBLER__
#define STUB_U64(x)	x
#else
#include <stdint.h>
#define STUB_U64(x)	x##ULL
#endif

#define STUB_BASE	STUB_U64(0x7ff000000000)
#define STUB_SIZE	STUB_U64(0x100000000)
#define STUB_RING	(STUB_BASE + STUB_U64(0x00800000))
#define STUB_DONE	(STUB_BASE + STUB_U64(0x00810000))
#define STUB_SLOTS	(STUB_BASE + STUB_U64(0x01000000))

#define STUB_CHUNK	STUB_U64(0x10000)	/* control memory comes in 64 KiB */
#define SLOT_SIZE	STUB_U64(0x10000)
#define SLOT_ALT_OFF	STUB_U64(0x1000)
#define SLOT_ALT_SIZE	STUB_U64(0xD000)	/* 52 KiB: frames of any XSAVE size */
#define SLOT_CTX_OFF	STUB_U64(0xE000)
#define SLOT_CMD_OFF	STUB_U64(0xF000)
#define STUB_MAX_SLOTS	4096
#define STUB_RING_OPS_N	2046			/* (STUB_CHUNK - 64) / 32 */
#define STUB_CTX_TID_OFF 32
#define STUB_CTX_KICK_OFF 40
#define STUB_RING_PROOF_OFF 16
#define STUB_RING_SPIN_OFF 24
#define STUB_BOOT_STACK	16384

/*
 * The parts of the host kernel's x86-64 signal frame that the stub reads
 * when it returns into a frame itself (stub_resume): byte offsets in the
 * ucontext of uc_mcontext's general registers (r8 ... rcx, rsp, rip,
 * eflags, then cs in the low 16 bits of the next word) and of its fpregs
 * pointer; in the FP area, the software bytes' magic and feature mask.
 * The simulator checks them against <sys/ucontext.h>.
 */
#define STUB_UC_GREGS	40
#define STUB_UC_RSP	(STUB_UC_GREGS + 8 * 15)
#define STUB_UC_RIP	(STUB_UC_GREGS + 8 * 16)
#define STUB_UC_EFL	(STUB_UC_GREGS + 8 * 17)
#define STUB_UC_CS	(STUB_UC_GREGS + 8 * 18)
#define STUB_UC_FPREGS	(STUB_UC_GREGS + 8 * 23)
#define STUB_FX_MAGIC_OFF 464
#define STUB_FX_XFEAT_OFF 472
#define STUB_FX_MAGIC1	0x46505853

/* The host signal that asks a running guest thread to come back. */
#define STUB_KICK_SIG	12			/* SIGUSR2 */

#ifndef __ASSEMBLER__
/* mm ring operations, run in order by the mm thread. */
enum stub_mmop_kind {
	MMOP_MAP = 1,		/* mmap(va, len, prot, MAP_SHARED|MAP_FIXED|
				   MAP_POPULATE, 3, off): the host fills the
				   page table now, not at a fault per page */
	MMOP_UNMAP = 2,		/* munmap(va, len) */
	MMOP_PROTECT = 3,	/* mprotect(va, len, prot) */
	MMOP_CLONE = 4,		/* start a guest thread in slot index off */
	MMOP_MAP_LAZY = 5,	/* mmap(va, len, prot, MAP_SHARED|MAP_FIXED,
				   3, off): the host fills the page table at
				   the first touch, with its fault-around */
};

struct stub_mmop {
	uint32_t	kind;
	uint32_t	prot;
	uint64_t	va;
	uint64_t	len;
	uint64_t	off;
};

#define STUB_RING_OPS	((STUB_CHUNK - 64) / sizeof(struct stub_mmop))

struct stub_ring {
	uint32_t		doorbell;	/* futex: bumped per batch */
	uint32_t		pad0;
	uint64_t		count;		/* ops in this batch */
	uint64_t		proof_off;	/* memfd offset of the proof word */
	uint32_t		spin;		/* pauses to wait for the next
						   doorbell before sleeping */
	uint8_t			pad1[36];
	struct stub_mmop	ops[STUB_RING_OPS];
};

/*
 * The mm thread's answers.  Guest threads can write this page, so done is
 * only a wake-up hint.  The proof that a batch is finished is a copy of the
 * doorbell that the mm thread writes with pwrite64() to fd 3 at
 * ring->proof_off, a page of physical memory no stub process maps.
 */
struct stub_done {
	uint32_t	done;		/* futex: the doorbell value last finished */
	uint32_t	ready;		/* 1 once the stub is set up */
	uint64_t	nerr;		/* ops that failed, cumulative */
	uint64_t	last_err;	/* the last failing op's -errno */
};

/* Event states of a slot: the futex word stub_ctx.state. */
#define SLOT_EVENT	1		/* the stub posted an event */
#define SLOT_RESUME	2		/* the simulator answered it */

struct stub_ctx {
	uint32_t	state;		/* futex: SLOT_EVENT / SLOT_RESUME */
	uint32_t	stub_waiting;	/* the stub sleeps on state */
	uint32_t	kern_waiting;	/* the simulator sleeps on state */
	uint32_t	signo;		/* the host signal of the event */
	uint64_t	uc;		/* stub address of the ucontext */
	uint64_t	si;		/* stub address of the siginfo */
	uint32_t	tid;		/* host tid; cleared (and woken) at exit */
	uint32_t	seq;		/* events so far */
	uint32_t	kick_pending;	/* a kick came while the stub ran: the
					   stub answers it before it returns
					   into the guest */
	uint32_t	cpu;		/* the host CPU of the last event with
					   cmd.yield set (a hint) */
};

#define CMD_SET_FS	0x1u		/* arch_prctl(ARCH_SET_FS, fs_base) */
#define CMD_EXIT	0x2u		/* end this host thread */
#define CMD_SET_GS	0x4u		/* arch_prctl(ARCH_SET_GS, gs_base) */

/*
 * How long the stub spins for the answer to an event before it sleeps, in
 * pauses: spin_nr[nr] for system call nr below STUB_SPIN_NRS (calls of
 * one number tend to take alike, and a budget shared by all of them made
 * a long call after a short one sleep), spin for any other event.  The
 * stub finds a system call's number in the SIGSYS siginfo's si_syscall,
 * at byte STUB_SI_SYSCALL_OFF (Linux's layout).
 */
#define STUB_SPIN_NRS		512
#define STUB_SI_SYSCALL_OFF	24

/*
 * When the simulator's CPU thread waits for the thread's events on the
 * stub's own host CPU (sim/cpu.c, a guest that computes long between
 * events), cmd.yield is nonzero: the stub then waits for the answer by
 * yielding its CPU to that thread, up to yield times, instead of spinning,
 * and sleeps only after that; it also writes its host CPU (RDTSCP's
 * TSC_AUX, which Linux sets to the CPU number) into ctx.cpu with each
 * event, for the simulator's next wait.  The simulator sets yield only
 * on a CPU with RDTSCP.
 */
struct stub_cmd {
	uint32_t	flags;
	uint32_t	spin;		/* pause iterations before sleeping */
	uint64_t	fs_base;
	uint64_t	gs_base;
	uint32_t	spin_nr[STUB_SPIN_NRS];
	uint32_t	yield;		/* sched_yield()s instead of spinning */
};

_Static_assert(sizeof(struct stub_ring) <= STUB_CHUNK, "ring fits a chunk");
_Static_assert(SLOT_CMD_OFF + sizeof(struct stub_cmd) <= SLOT_SIZE,
    "the command fits its slot");
_Static_assert(sizeof(struct stub_mmop) == 32, "mmop layout");
_Static_assert(STUB_RING_OPS == STUB_RING_OPS_N, "ring size");
_Static_assert(__builtin_offsetof(struct stub_ring, proof_off) ==
    STUB_RING_PROOF_OFF, "ring layout");
_Static_assert(__builtin_offsetof(struct stub_ring, spin) ==
    STUB_RING_SPIN_OFF, "ring layout");
_Static_assert(__builtin_offsetof(struct stub_ctx, tid) == STUB_CTX_TID_OFF,
    "ctx layout");
_Static_assert(__builtin_offsetof(struct stub_ctx, kick_pending) ==
    STUB_CTX_KICK_OFF, "ctx layout");
#endif /* !__ASSEMBLER__ */

#endif
