/*
 * hal/phys.h: physical memory as the backend provides it.  The core's frame
 * allocator manages [hal_phys_first_free(), hal_phys_size()); the backend
 * keeps what lies below for itself (boot images, its control areas).
 * hal_phys_ptr() is the kernel's linear map: valid for the whole size, for
 * the framework's own use only.
 */
#ifndef HAL_PHYS_H
#define HAL_PHYS_H

#include <fw/types.h>

uint64_t	 hal_phys_size(void);
/*
 * Whether the free memory reads as zeros at boot (a fresh memfd does; RAM
 * does not).  Then a frame is zeroed only when it is reused.
 */
bool		 hal_phys_starts_zeroed(void);
uint64_t	 hal_phys_first_free(void);
void		*hal_phys_ptr(uint64_t pa);

#endif
