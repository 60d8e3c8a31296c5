/*
 * hal/mmu.h: what a backend does to make a fw_vm's page table real.  The
 * core owns the table (core/pt.c) and calls these with the vm's lock held;
 * they must not sleep (they may spin or wait on the host).
 *
 * A backend whose hardware walks the table itself (bare metal) does TLB
 * shootdowns here; the simulator maps and unmaps in the vm's stub process.
 */
#ifndef HAL_MMU_H
#define HAL_MMU_H

#include <fw/types.h>

struct fw_vm;
struct hal_space;				/* per-vm backend state */

/*
 * Whether the hardware walks the core's tables itself (bare metal): then
 * any present leaf may be in a TLB, so the core marks every leaf it writes
 * FW_PTE_H and revokes each downgrade.  The simulator maps only what
 * hal_space_map() was given, and answers false.
 */
bool			hal_space_hw_walk(void);
/* -ENOMEM, -EAGAIN (no host process could be made). */
FW_MUST_CHECK int	hal_space_new(struct fw_vm *vm, struct hal_space **out);
void			hal_space_free(struct hal_space *s);
/*
 * Makes [va, va+len) reach the physical run [pa, pa+len) with prot.  May be
 * lazy, but must take effect before any thread of s next runs user code, and
 * in order with hal_space_revoke() and hal_space_remap() calls.
 */
void			hal_space_map(struct hal_space *s, uint64_t va,
			    uint64_t pa, uint64_t len, unsigned int prot);
/*
 * [va, va+len) must stop being reachable, or lose write/exec rights beyond
 * prot (prot 0: unmapped), before this returns.
 */
void			hal_space_revoke(struct hal_space *s, uint64_t va,
			    uint64_t len, unsigned int prot);
/*
 * [va, va+len) must reach the physical run [pa, pa+len) with prot, and no
 * longer what it reached before, before this returns: the core drops the
 * old frames after.  A replaced mapping in one step, where a revoke and a
 * later map would cost the simulator two round trips to the stub.
 */
void			hal_space_remap(struct hal_space *s, uint64_t va,
			    uint64_t pa, uint64_t len, unsigned int prot);
/*
 * Whether a space may outlive its vm and serve the one an exec builds in
 * its place (hal_space_adopt()).  The simulator: a space is a host process,
 * costly to start and to end.  Bare metal: a space is its table's root,
 * and answers false.
 */
bool			hal_space_reusable(void);
/*
 * Only when hal_space_reusable(): s, whose vm an exec replaces, serves vm
 * from now on.  Every mapping s had goes, lazily as hal_space_map() is, in
 * order with the calls after it, and hal_space_sync() makes it certain.
 * The caller guarantees that no thread of s runs user code meanwhile.
 */
void			hal_space_adopt(struct hal_space *s, struct fw_vm *vm);
/* Every map, revoke and remap given to s takes effect before this returns. */
void			hal_space_sync(struct hal_space *s);

#endif
