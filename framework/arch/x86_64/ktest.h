/*
 * arch/x86_64/ktest.h: the kernel's self-tests of its own mechanisms, run
 * by the boot option trellis.ktest=NAME before power-off (tests/boot):
 *   traps   int3 resumes; the exception table turns a faulting kernel read
 *           (#PF: an unmapped page; #GP: a non-canonical address) into
 *           -EFAULT and a good read into its value; the image's read-only
 *           data is read-only
 *   timer   the TSC clock agrees with the PIT within 2% over 100 ms; the
 *           tick arrives while the CPU waits, at no more than twice its rate
 *   uart    a byte written with COM1 in loopback comes back, and its
 *           receive interrupt arrives through the IOAPIC
 *   fault   a kernel read of an unmapped page that nothing covers: the
 *           kernel panics with the registers (exit status 125)
 * Returns 0 when every check held; failures are printed.
 */
#ifndef X86_KTEST_H
#define X86_KTEST_H

/* -1: no such test. */
int	x86_ktest(const char *name);

#endif
