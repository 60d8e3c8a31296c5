/*
 * space.h: a guest address space on the host: one stub process, its mm
 * ring and its slots.  Shared by space.c and uthread.c.
 *
 * Locks used to protect fields in this file:
 *	I	immutable after hal_space_new()
 *	m	space->lock (a host mutex; may be taken under a vm's spinlock,
 *		and is held while a batch runs in the stub)
 */
#ifndef SIM_SPACE_H
#define SIM_SPACE_H

#include <pthread.h>
#include <stdbool.h>
#include <sys/types.h>

#include "stub_abi.h"

struct fw_vm;

struct hal_space {
	pthread_mutex_t		 lock;
	struct fw_vm		*vm;			/* [m] borrowed; an exec's
							   vm takes it over */
	pid_t			 pid;			/* [I] */
	int			 pidfd;			/* [I] */
	uint64_t		 ring_pa, done_pa;	/* [I] */
	struct stub_ring	*ring;			/* [I] our view */
	struct stub_done	*done;			/* [I] untrusted */
	uint32_t		*proof;			/* [I] trusted */
	uint32_t		 doorbell;		/* [m] last rung */
	uint64_t		 gap_ns;		/* [m] from an answer to the
							   next batch */
	uint64_t		 answered_at;		/* [m] the last answer */
	size_t			 nops;			/* [m] queued */
	bool			 dead;			/* [m] */
	/*
	 * Slot runs whose unmap is queued, freed once a flush proves it:
	 * the first one's address; each links the next in its command page,
	 * which the stub cannot write.
	 */
	uint64_t		 retired;		/* [m] */
	size_t			 nretired;		/* [m] */
	uint64_t		 slots[STUB_MAX_SLOTS / 64]; /* [m] in use */
	/* all_lock while live; the reaper's lock once freed */
	struct hal_space	*next, *prev;
};

/*
 * A space with its ring and done frames, no stub yet: -ENOMEM.  Call on a
 * CPU thread (frames are the core's).  space_release() undoes it, and
 * kills and reaps the stub if one was started.
 */
int	space_alloc(struct hal_space **out);
void	space_release(struct hal_space *s);
/*
 * Starts s's stub and waits until it is ready: 0, or -EAGAIN (it died),
 * or host_spawn()'s error.  Host calls only: any host thread may.
 */
int	space_spawn(struct hal_space *s);
/*
 * Unmaps everything of the guest's from s's stub, [0, STUB_BASE), and
 * waits for it: 0, or -EIO (the stub died).  s has no vm and no thread.
 */
int	space_scrub(struct hal_space *s);

/*
 * Spare spaces (spare.c): spare_take() returns one whose stub is ready, or
 * NULL; spare_refill() tops the spares up once a second space was made
 * (their stubs start on a host thread of their own); spare_recycle() takes
 * s, freed with a live stub and no thread, to serve again once scrubbed,
 * and answers false, having done nothing, when the spares are full;
 * spare_kill_all() is power-off's.  Thread-safe; spare_take(),
 * spare_refill() and spare_recycle() on CPU threads only.
 */
struct hal_space *spare_take(void);
void	spare_refill(void);
bool	spare_recycle(struct hal_space *s);
void	spare_kill_all(void);

/*
 * Dead spaces (reaper.c): reaper_add() kills the stub of s, which has no
 * thread left, and takes s over; a host thread reaps the stub and releases
 * s.  It answers false, having done nothing, when it has no thread.
 */
bool	reaper_add(struct hal_space *s);

/* Runs the queued ops and waits for the stub: 0, or -EIO if it died. */
int	space_flush_locked(struct hal_space *s);
/* Queues one op, flushing first when the ring is full. */
void	space_queue_locked(struct hal_space *s, uint32_t kind, uint64_t va,
	    uint64_t len, uint32_t prot, uint64_t off);
/*
 * Frees the slot run at pa (CHUNK_PAGES frames) once the stub no longer
 * maps it: the caller queued its MMOP_UNMAP.  The next flush that succeeds,
 * or the space's release (after the stub is reaped), frees it.
 */
void	space_retire_slot_locked(struct hal_space *s, uint64_t pa);
/* Kills the stub process (it is reaped by hal_space_free()). */
void	space_kill(struct hal_space *s);
/* Whether the stub process has ended. */
bool	space_dead(struct hal_space *s);

#endif
