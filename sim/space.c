/*
 * space.c: guest address spaces as stub processes (hal/mmu.h).  The core's
 * page table is the truth; the stub's host mappings are a cache of it.
 * Maps are queued and run before the space's threads next enter user mode;
 * revokes (unmaps and downgrades) run at once, and return only when the
 * mm thread has proved it finished them (struct stub_done), so a frame is
 * never reused while a stub still maps it.
 *
 * Locks used to protect fields in this file: see space.h; all_lock guards
 * the list of live spaces, for power-off.
 */
#define _GNU_SOURCE
#include "sim.h"
#include "host.h"
#include "space.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <fw/vm.h>
#include <hal/mmu.h>
#include <hal/phys.h>
#include <hal/platform.h>
#include <hal/uaccess.h>
#include <core/frame_impl.h>

#define CHUNK_PAGES	(STUB_CHUNK / 4096)
#define WAIT_SLICE_NS	10000000u	/* re-check a silent stub every 10 ms */
#define FLUSH_SPIN_NS	100000u		/* space_flush_locked spins this long */

static int		 flush_locked(struct hal_space *s, bool busy);

static pthread_mutex_t	 all_lock = PTHREAD_MUTEX_INITIALIZER;
static struct hal_space	*all;
static int		 stub_fd = -1;

int
sim_stub_init(void)
{
	return host_memfd_image("trellis-stub", sim_stub_blob,
	    (size_t)(sim_stub_blob_end - sim_stub_blob), &stub_fd);
}

bool
space_dead(struct hal_space *s)
{
	return s->dead || (s->dead = host_exited(s->pid, s->pidfd));
}

int
space_spawn(struct hal_space *s)
{
	char ring[32], done[32], ppid[32];
	char *argv[] = { "trellis-stub", ring, done, ppid, NULL };
	int err;

	snprintf(ring, sizeof(ring), "%llx", (unsigned long long)s->ring_pa);
	snprintf(done, sizeof(done), "%llx", (unsigned long long)s->done_pa);
	snprintf(ppid, sizeof(ppid), "%llx", (unsigned long long)getpid());
	if ((err = host_spawn(stub_fd, sim_phys_fd(), argv, &s->pid,
	    &s->pidfd)) < 0)
		return err;
	while (!__atomic_load_n(&s->done->ready, __ATOMIC_ACQUIRE)) {
		if (host_exited(s->pid, s->pidfd)) {
			host_kill_reap(s->pid, s->pidfd);
			return -EAGAIN;
		}
		host_futex_wait(&s->done->ready, 0, WAIT_SLICE_NS);
	}
	sim_prof_add(SIM_PROF_SPACES, 1);
	return 0;
}

/* The host maps only what hal_space_map() hands it (hal/mmu.h). */
bool
hal_space_hw_walk(void)
{
	return false;
}

int
space_alloc(struct hal_space **out)
{
	struct hal_space *s;
	int err;

	if ((s = calloc(1, sizeof(*s))) == NULL)
		return -ENOMEM;
	pthread_mutex_init(&s->lock, NULL);
	if ((err = fw_frames_alloc_contig(CHUNK_PAGES, CHUNK_PAGES,
	    &s->ring_pa)) < 0)
		goto fail;
	if ((err = fw_frames_alloc_contig(CHUNK_PAGES, CHUNK_PAGES,
	    &s->done_pa)) < 0)
		goto fail_ring;
	s->ring = hal_phys_ptr(s->ring_pa);
	s->done = hal_phys_ptr(s->done_pa);
	s->proof = hal_phys_ptr(s->done_pa + 4096);
	s->ring->proof_off = s->done_pa + 4096;
	*out = s;
	return 0;
fail_ring:
	fw_frames_free_contig(s->ring_pa, CHUNK_PAGES);
fail:
	pthread_mutex_destroy(&s->lock);
	free(s);
	return err;
}

/* Where a retired slot run keeps the address of the next one. */
static uint64_t *
retired_link(uint64_t pa)
{
	return hal_phys_ptr(pa + SLOT_CMD_OFF);
}

/* Frees the retired slot runs: the stub maps none of them now. */
static void
free_retired_locked(struct hal_space *s)
{
	uint64_t pa;

	for (; s->nretired > 0; s->nretired--) {
		pa = s->retired;
		s->retired = *retired_link(pa);
		fw_frames_free_contig(pa, CHUNK_PAGES);
	}
}

void
space_retire_slot_locked(struct hal_space *s, uint64_t pa)
{
	*retired_link(pa) = s->retired;
	s->retired = pa;
	s->nretired++;
}

void
space_release(struct hal_space *s)
{
	if (s->pid > 0)
		host_kill_reap(s->pid, s->pidfd);
	free_retired_locked(s);
	fw_frames_free_contig(s->done_pa, CHUNK_PAGES);
	fw_frames_free_contig(s->ring_pa, CHUNK_PAGES);
	pthread_mutex_destroy(&s->lock);
	free(s);
}

/*
 * A spare space whose stub already runs (spare.c) if one is ready, else a
 * new one whose stub starts now.
 */
int
hal_space_new(struct fw_vm *vm, struct hal_space **out)
{
	struct hal_space *s = spare_take();
	int err;

	if (s == NULL) {
		if ((err = space_alloc(&s)) < 0)
			return err;
		if ((err = space_spawn(s)) < 0) {
			space_release(s);
			return err;
		}
	}
	s->vm = vm;
	pthread_mutex_lock(&all_lock);
	s->prev = NULL;
	s->next = all;
	if (all != NULL)
		all->prev = s;
	all = s;
	pthread_mutex_unlock(&all_lock);
	spare_refill();
	*out = s;
	return 0;
}

/* Whether no slot of s is in use: no thread of its stub runs guest code. */
static bool
space_threadless(struct hal_space *s)
{
	size_t i;

	for (i = 0; i < sizeof(s->slots) / sizeof(s->slots[0]); i++)
		if (s->slots[i] != 0)
			return false;
	return true;
}

/*
 * A stub with no thread left serves again as a spare (spare.c), or else
 * goes to the reaper (reaper.c).  Either way the core reuses the vm's
 * frames once this returns, and nothing of the stub reaches them: guest
 * code runs only on a slot's thread, and the mm thread acts only on a
 * doorbell, whose next batch unmaps them.
 */
void
hal_space_free(struct hal_space *s)
{
	if (s == NULL)
		return;
	pthread_mutex_lock(&all_lock);
	if (s->prev != NULL)
		s->prev->next = s->next;
	else
		all = s->next;
	if (s->next != NULL)
		s->next->prev = s->prev;
	pthread_mutex_unlock(&all_lock);
	pthread_mutex_lock(&s->lock);
	s->vm = NULL;
	pthread_mutex_unlock(&s->lock);
	if (!space_threadless(s) || s->pid <= 0)
		space_release(s);
	else if (!space_dead(s) && spare_recycle(s))
		return;
	else if (!reaper_add(s))
		space_release(s);
}

int
space_scrub(struct hal_space *s)
{
	int err;

	pthread_mutex_lock(&s->lock);
	space_queue_locked(s, MMOP_UNMAP, 0, STUB_BASE, 0, 0);
	err = flush_locked(s, false);
	pthread_mutex_unlock(&s->lock);
	return err;
}

void
space_kill(struct hal_space *s)
{
	kill(s->pid, SIGKILL);
	s->dead = true;
}

/* Power-off: no stub may outlive the simulator. */
void
sim_stubs_kill_all(void)
{
	struct hal_space *s;

	pthread_mutex_lock(&all_lock);
	for (s = all; s != NULL; s = s->next)
		kill(s->pid, SIGKILL);
	pthread_mutex_unlock(&all_lock);
	spare_kill_all();
}

/*
 * A batch is answered: the estimate of the gap to the next one starts
 * here (the stub spins for the next doorbell as long as batches tend to
 * follow each other that closely) and the profile gets its share.
 */
static void
flush_answered(struct hal_space *s, uint64_t t0)
{
	uint64_t now = hal_clock_monotonic();

	s->answered_at = now;
	sim_prof_add(SIM_PROF_MAP_NS, now - t0);
	sim_prof_add(SIM_PROF_MAP_BATCHES, 1);
}

/*
 * Rings the doorbell and waits for the proof.  A busy caller spins for
 * FLUSH_SPIN_NS, then sleeps: it holds the space's lock and often the
 * vm's, so its CPU thread has nothing else to do, and a second wake-up (a
 * halted host CPU's, tens of microseconds) costs more than the spin.  The
 * stub's mm thread then spins for the next batch as long as batches have
 * followed each other that closely.  A batch in the background (a spare's
 * scrub) spins on neither side: that would take a CPU from the guests.
 */
static int
flush_locked(struct hal_space *s, bool busy)
{
	uint64_t t0, until;
	uint32_t bell, seen, n = 0;

	if (s->nops == 0)
		return 0;
	t0 = hal_clock_monotonic();
	if (space_dead(s))
		return -EIO;
	if (busy && s->answered_at != 0)
		s->gap_ns = sim_spin_estimate(s->gap_ns, t0 - s->answered_at);
	s->ring->count = s->nops;
	__atomic_store_n(&s->ring->spin, busy ?
	    (uint32_t)(sim_spin_budget(s->gap_ns) / sim_pause_ns) : 0,
	    __ATOMIC_RELAXED);
	bell = ++s->doorbell;
	__atomic_store_n(&s->ring->doorbell, bell, __ATOMIC_RELEASE);
	host_futex_wake(&s->ring->doorbell, 1);
	s->nops = 0;
	until = t0 + (busy && sim_spin_on ? FLUSH_SPIN_NS : 0);
	for (;;) {
		if (__atomic_load_n(s->proof, __ATOMIC_ACQUIRE) == bell) {
			flush_answered(s, t0);
			free_retired_locked(s);
			return 0;
		}
		if (until > t0 && (++n % 32 != 0 ||
		    hal_clock_monotonic() < until)) {
			__builtin_ia32_pause();
			continue;
		}
		until = 0;
		seen = __atomic_load_n(&s->done->done, __ATOMIC_ACQUIRE);
		if (seen != bell)
			host_futex_wait(&s->done->done, seen, WAIT_SLICE_NS);
		if (__atomic_load_n(s->proof, __ATOMIC_ACQUIRE) != bell &&
		    space_dead(s))
			return -EIO;
	}
}

int
space_flush_locked(struct hal_space *s)
{
	return flush_locked(s, true);
}

void
space_queue_locked(struct hal_space *s, uint32_t kind, uint64_t va,
    uint64_t len, uint32_t prot, uint64_t off)
{
	struct stub_mmop *op;

	if (s->nops > 0 && (kind == MMOP_MAP || kind == MMOP_MAP_LAZY)) {
		op = &s->ring->ops[s->nops - 1];
		if (op->kind == kind && op->prot == prot &&
		    op->va + op->len == va && op->off + op->len == off) {
			op->len += len;
			sim_prof_add(SIM_PROF_MERGED, 1);
			return;
		}
	}
	sim_prof_add(kind == MMOP_MAP || kind == MMOP_MAP_LAZY ? SIM_PROF_MMAP :
	    kind == MMOP_UNMAP ? SIM_PROF_MUNMAP : kind == MMOP_PROTECT ?
	    SIM_PROF_MPROTECT : SIM_PROF_CLONE, 1);
	if (s->nops == STUB_RING_OPS)
		(void)space_flush_locked(s);
	op = &s->ring->ops[s->nops++];
	op->kind = kind;
	op->prot = prot;
	op->va = va;
	op->len = len;
	op->off = off;
}

/*
 * Writable pages are populated: they are a stack, data, a heap or a fork's
 * copies, which the guest writes soon, and a host fault costs five times a
 * populated page (2 against 0.4 us here).  Read-only pages are text, shared
 * copy-on-write pages and the file's own frames, of which a fork's child or
 * a new program touches few: the host maps them at the first touch, 16 at a
 * time (its fault-around).  docs/bench.md has the figures.
 */
void
hal_space_map(struct hal_space *s, uint64_t va, uint64_t pa, uint64_t len,
    unsigned int prot)
{
	pthread_mutex_lock(&s->lock);
	space_queue_locked(s, (prot & FW_PROT_WRITE) ? MMOP_MAP : MMOP_MAP_LAZY,
	    va, len, prot, pa);
	pthread_mutex_unlock(&s->lock);
}

/* Queues one op behind the queued ones and runs them all now. */
static void
space_run_now(struct hal_space *s, uint32_t kind, uint64_t va, uint64_t len,
    uint32_t prot, uint64_t off)
{
	pthread_mutex_lock(&s->lock);
	space_queue_locked(s, kind, va, len, prot, off);
	(void)space_flush_locked(s);
	pthread_mutex_unlock(&s->lock);
}

void
hal_space_revoke(struct hal_space *s, uint64_t va, uint64_t len,
    unsigned int prot)
{
	space_run_now(s, prot == 0 ? MMOP_UNMAP : MMOP_PROTECT, va, len, prot,
	    0);
}

void
hal_space_remap(struct hal_space *s, uint64_t va, uint64_t pa, uint64_t len,
    unsigned int prot)
{
	space_run_now(s, MMOP_MAP, va, len, prot, pa);
}

/* A space is a stub process: an exec keeps it rather than start another. */
bool
hal_space_reusable(void)
{
	return true;
}

/*
 * The guest's part of the stub, [0, STUB_BASE), goes in one munmap; the
 * stub region and its slots stay, with the one thread left.
 */
void
hal_space_adopt(struct hal_space *s, struct fw_vm *vm)
{
	pthread_mutex_lock(&s->lock);
	s->vm = vm;
	space_queue_locked(s, MMOP_UNMAP, 0, STUB_BASE, 0, 0);
	pthread_mutex_unlock(&s->lock);
}

/* A dead stub maps nothing any more: its -EIO needs no answer. */
void
hal_space_sync(struct hal_space *s)
{
	pthread_mutex_lock(&s->lock);
	(void)space_flush_locked(s);
	pthread_mutex_unlock(&s->lock);
}

/*
 * The guest's memory is not mapped in the simulator's own address space,
 * so there is no fast path: the core walks the vm's table.
 */
size_t
hal_user_copy(struct hal_space *s, enum hal_uop op, void *kbuf, uint64_t va,
    size_t len)
{
	(void)s;
	(void)op;
	(void)kbuf;
	(void)va;
	return len;
}
