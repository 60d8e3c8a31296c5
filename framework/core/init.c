/*
 * core/init.c: fw_core_init(), which brings the core up before the backend
 * starts the CPUs, and entropy (fw/random.h).
 */
#include <fw/boot.h>
#include <fw/panic.h>
#include <fw/random.h>
#include <fw/task.h>
#include <hal/cpu.h>
#include <hal/platform.h>

#include "core/core_impl.h"
#include "core/frame_impl.h"
#include "core/sched_impl.h"
#include "core/timer_impl.h"

void
fw_random_bytes(void *buf, size_t len)
{
	hal_random_bytes(buf, len);
}

/*
 * Brings the core up: frames, the stack protector's guard, the log level,
 * the scheduler; then queues the services' first task, which runs once the
 * backend starts the CPUs (fw_cpu_main()).
 */
void
fw_core_init(void)
{
	int err;

	fw_frame_init();
	fw_timepage_init();
	fw_stack_guard_init();
	fw_log_init();
	fw_sched_init();
	if ((err = fw_task_spawn(svc_main, NULL, NULL)) < 0)
		fw_panic("boot: cannot spawn the first task: %d", err);
}
