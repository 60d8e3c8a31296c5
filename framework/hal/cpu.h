/*
 * hal/cpu.h: the CPUs and how a kernel stack is switched.  The core runs
 * one scheduler loop per CPU (fw_cpu_main()); the backend starts them.
 */
#ifndef HAL_CPU_H
#define HAL_CPU_H

#include <fw/types.h>

/*
 * Saves the callee-saved registers on the current stack, stores the stack
 * pointer in *save_sp, and resumes the stack new_sp (a stack saved the same
 * way, or one prepared by hal_stack_init()).  framework/arch/x86_64/switch.S.
 */
void	 hal_switch(void **save_sp, void *new_sp);
/*
 * Prepares a fresh stack [base, base+size) so that hal_switch() to the
 * returned stack pointer calls entry(arg) on it, with entry never returning.
 */
void	*hal_stack_init(void *base, size_t size, void (*entry)(void *),
	    void *arg);

unsigned int	hal_cpu_id(void);
unsigned int	hal_cpu_count(void);
/*
 * Called by an idle CPU: returns when hal_cpu_wake(cpu) was called since the
 * last return, when a device has an interrupt pending, or at the monotonic
 * time deadline (UINT64_MAX: none).  May return early.
 */
void		hal_cpu_idle(uint64_t deadline);
void		hal_cpu_wake(unsigned int cpu);
/*
 * Called by a CPU that has spun a while on a lock: lets whatever holds it
 * run.  On the simulator the CPUs are host threads the host may preempt
 * holding a lock, and the waiter gives up its host CPU (sched_yield); on
 * hardware, where a lock holder is never preempted, it does nothing.
 */
void		hal_cpu_spin_yield(void);
/*
 * Runs the bottom halves of the devices' pending interrupts (they wake wait
 * queues).  The core calls it at scheduling points, in task context.
 */
void		hal_irq_poll(void);
uint64_t	hal_cpu_hwcap(void);
uint64_t	hal_cpu_hwcap2(void);
size_t		hal_cpu_xsave_size(void);
/* The XSAVE features enabled for user code (XCR0); 3 without XSAVE. */
uint64_t	hal_cpu_xfeatures(void);
/* MXCSR bits the CPU accepts (the FXSAVE area's MXCSR_MASK). */
uint32_t	hal_cpu_mxcsr_mask(void);

/* Core entry points the backend calls. */
void		fw_core_init(void);		/* once, before any CPU runs */
FW_NORETURN void fw_cpu_main(unsigned int cpu);	/* each CPU, forever */

#endif
