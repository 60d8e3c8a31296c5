/* Helpers for the stub-gate tests: find an instruction sequence in the host stub's
 * code (STUB_BASE, 0x7ff000000000, where Trellis puts it) and jump to it with chosen
 * registers, as a hostile guest would. */
#include <stdint.h>
#include <string.h>

#define STUB_BASE 0x7ff000000000UL
#define STUB_TEXT 0x4000UL   /* the stub's code is far smaller */

/* The address of the first `mov $nr, %eax; syscall` in the stub, or 0. */
static inline uintptr_t stub_find_gate(uint32_t nr)
{
    const unsigned char *text = (const unsigned char *)STUB_BASE;
    unsigned char pat[7] = { 0xb8, 0, 0, 0, 0, 0x0f, 0x05 };

    memcpy(pat + 1, &nr, 4);
    for (uintptr_t i = 0; i + sizeof pat <= STUB_TEXT; i++)
        if (memcmp(text + i, pat, sizeof pat) == 0)
            return STUB_BASE + i;
    return 0;
}

/* Jumps to target with the six syscall argument registers set; does not return
 * unless the code there does. */
static inline void stub_jump(uintptr_t target, uint64_t a1, uint64_t a2, uint64_t a3,
                             uint64_t a4, uint64_t a5, uint64_t a6)
{
    __asm__ volatile("mov %1, %%rdi\n\tmov %2, %%rsi\n\tmov %3, %%rdx\n\t"
                     "mov %4, %%r10\n\tmov %5, %%r8\n\tmov %6, %%r9\n\tjmp *%0"
                     : : "a"(target), "m"(a1), "m"(a2), "m"(a3), "m"(a4), "m"(a5), "m"(a6)
                     : "rdi", "rsi", "rdx", "r10", "r8", "r9", "rcx", "r11", "memory");
}
