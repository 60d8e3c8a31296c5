/*
 * tests/unit/support/fake_hal.c: the test hardware layer (fake_hal.h).
 *
 * Locks used to protect fields in this file:
 *	m	cpu_mtx (the CPU's wake flag and the job queue)
 *	r	rec_mtx (the recorded calls and log text)
 *	I	set once in fake_hal_boot()
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include <fw/boot.h>
#include <fw/console.h>
#include <fw/task.h>
#include <fw/timepage.h>
#include <hal/cpu.h>
#include <hal/dev.h>
#include <hal/mmu.h>
#include <hal/uaccess.h>
#include <hal/phys.h>
#include <hal/platform.h>
#include <hal/user.h>

#include "fake_hal.h"

#define MAX_CALLS	4096
#define MAX_CPUS	8
#define TEXT_MAX	16384

struct hal_space {
	struct fw_vm	*vm;
};

struct job {
	void		(*fn)(void *);
	void		*arg;
	int		 done;		/* [m] */
	struct job	*next;		/* [m] */
};

_Thread_local jmp_buf	*fake_power_jmp;
int			 fake_power_status = -1;

static pthread_once_t	 boot_once = PTHREAD_ONCE_INIT;
static char		*phys;			/* [I] */
static uint64_t		 boot_ns;		/* [I] */
static pthread_t	 cpu_threads[MAX_CPUS];	/* [I] */
static unsigned int	 ncpus = 1;		/* [I] */
static uint64_t		 clock_rate = 1;	/* [I] */
static _Thread_local unsigned int this_cpu;	/* CPU threads set it */

static pthread_mutex_t	 cpu_mtx = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t	 cpu_cv;		/* the CPU waits here */
static pthread_cond_t	 done_cv;		/* fake_run() waits here */
static int		 cpu_woken[MAX_CPUS];	/* [m] */
static struct job	*jobs;			/* [m] */

static pthread_mutex_t	 rec_mtx = PTHREAD_MUTEX_INITIALIZER;
static struct fake_space_call calls[MAX_CALLS];	/* [r] */
static size_t		 ncalls;		/* [r] */
static int		 space_fail;		/* [r] */
static char		 log_text[TEXT_MAX];	/* [r] */
static char		 trace_text[TEXT_MAX];	/* [r] */

static uint64_t
host_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

/* The services' first task; the tests have nothing for it to do. */
__attribute__((weak)) void
svc_main(void *arg)
{
}

static void *
cpu_thread_main(void *arg)
{
	this_cpu = (unsigned int)(uintptr_t)arg;
	fw_cpu_main(this_cpu);
}

static void
boot(void)
{
	pthread_condattr_t ca;
	const char *env = getenv("FAKE_HAL_CPUS");
	unsigned int i;

	if (env != NULL && atoi(env) > 0)
		ncpus = atoi(env) < MAX_CPUS ? (unsigned int)atoi(env) :
		    MAX_CPUS;
	env = getenv("FAKE_HAL_CLOCK_RATE");
	if (env != NULL && atoi(env) > 0)
		clock_rate = (uint64_t)atoi(env);
	phys = mmap(NULL, FAKE_PHYS_SIZE, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (phys == MAP_FAILED)
		abort();
	boot_ns = host_ns();
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&cpu_cv, &ca);
	pthread_cond_init(&done_cv, NULL);
	fw_core_init();
	for (i = 0; i < ncpus; i++)
		if (pthread_create(&cpu_threads[i], NULL, cpu_thread_main,
		    (void *)(uintptr_t)i) != 0)
			abort();
}

void
fake_hal_boot(void)
{
	pthread_once(&boot_once, boot);
}

void
fake_run(void (*fn)(void *), void *arg)
{
	struct job j = { fn, arg, 0, NULL }, **pp;

	fake_hal_boot();
	pthread_mutex_lock(&cpu_mtx);
	for (pp = &jobs; *pp != NULL; pp = &(*pp)->next)
		;
	*pp = &j;
	pthread_cond_broadcast(&cpu_cv);
	while (!j.done)
		pthread_cond_wait(&done_cv, &cpu_mtx);
	pthread_mutex_unlock(&cpu_mtx);
}

static void
job_task(void *arg)
{
	struct job *j = arg;

	j->fn(j->arg);
	pthread_mutex_lock(&cpu_mtx);
	j->done = 1;
	pthread_cond_broadcast(&done_cv);
	pthread_mutex_unlock(&cpu_mtx);
}

/* hal/phys.h */

uint64_t
hal_phys_size(void)
{
	return FAKE_PHYS_SIZE;
}

/* The fake's memory is a fresh anonymous mapping: zeros. */
bool
hal_phys_starts_zeroed(void)
{
	return true;
}

uint64_t
hal_phys_first_free(void)
{
	return 0;
}

void *
hal_phys_ptr(uint64_t pa)
{
	if (pa >= FAKE_PHYS_SIZE)
		abort();
	return phys + pa;
}

/* hal/cpu.h (hal_switch and hal_stack_init are the framework's own) */

unsigned int
hal_cpu_id(void)
{
	return this_cpu;
}

unsigned int
hal_cpu_count(void)
{
	return ncpus;
}

void
hal_cpu_idle(uint64_t deadline)
{
	struct timespec ts;
	uint64_t abs;

	pthread_mutex_lock(&cpu_mtx);
	while (!cpu_woken[this_cpu] && jobs == NULL) {
		if (deadline == UINT64_MAX) {
			pthread_cond_wait(&cpu_cv, &cpu_mtx);
			continue;
		}
		/* The first host instant the scaled clock reaches it. */
		abs = boot_ns + deadline / clock_rate +
		    (deadline % clock_rate != 0);
		if (abs < deadline / clock_rate)
			abs = UINT64_MAX / 2;
		ts.tv_sec = (time_t)(abs / 1000000000ULL);
		ts.tv_nsec = (long)(abs % 1000000000ULL);
		if (pthread_cond_timedwait(&cpu_cv, &cpu_mtx, &ts) ==
		    ETIMEDOUT)
			break;
	}
	cpu_woken[this_cpu] = 0;
	pthread_mutex_unlock(&cpu_mtx);
}

void
hal_cpu_wake(unsigned int cpu)
{
	pthread_mutex_lock(&cpu_mtx);
	cpu_woken[cpu] = 1;
	pthread_cond_broadcast(&cpu_cv);
	pthread_mutex_unlock(&cpu_mtx);
}

/* The fake CPUs are host threads too: a spinning one lets others run. */
void
hal_cpu_spin_yield(void)
{
	sched_yield();
}

/* The test thread's jobs arrive as device interrupts would. */
void
hal_irq_poll(void)
{
	struct job *j, *next;

	pthread_mutex_lock(&cpu_mtx);
	j = jobs;
	jobs = NULL;
	pthread_mutex_unlock(&cpu_mtx);
	for (; j != NULL; j = next) {
		next = j->next;
		if (fw_task_spawn(job_task, j, NULL) < 0)
			abort();
	}
}

uint64_t
hal_cpu_hwcap(void)
{
	return 0x178bfbffULL;
}

uint64_t
hal_cpu_hwcap2(void)
{
	return 2;
}

size_t
hal_cpu_xsave_size(void)
{
	return 2696;
}

uint64_t
hal_cpu_xfeatures(void)
{
	return 0xe7;			/* x87, SSE, AVX, AVX-512 */
}

uint32_t
hal_cpu_mxcsr_mask(void)
{
	return 0xffff;
}

/* hal/mmu.h */

static void
record(enum fake_space_op op, struct hal_space *s, uint64_t va, uint64_t pa,
    uint64_t len, unsigned int prot)
{
	pthread_mutex_lock(&rec_mtx);
	if (ncalls < MAX_CALLS)
		calls[ncalls++] = (struct fake_space_call){ op, s, va, pa, len,
		    prot };
	pthread_mutex_unlock(&rec_mtx);
}

/* Like the simulator: only what hal_space_map() hands over is mapped. */
bool
hal_space_hw_walk(void)
{
	return false;
}

int
hal_space_new(struct fw_vm *vm, struct hal_space **out)
{
	struct hal_space *s;
	int err;

	pthread_mutex_lock(&rec_mtx);
	err = space_fail;
	space_fail = 0;
	pthread_mutex_unlock(&rec_mtx);
	if (err != 0)
		return err;
	if ((s = calloc(1, sizeof(*s))) == NULL)
		return -ENOMEM;
	s->vm = vm;
	*out = s;
	return 0;
}

void
hal_space_free(struct hal_space *s)
{
	if (s != NULL)
		record(FAKE_SPACE_FREE, s, 0, 0, 0, 0);
	free(s);
}

void
hal_space_map(struct hal_space *s, uint64_t va, uint64_t pa, uint64_t len,
    unsigned int prot)
{
	record(FAKE_SPACE_MAP, s, va, pa, len, prot);
}

void
hal_space_revoke(struct hal_space *s, uint64_t va, uint64_t len,
    unsigned int prot)
{
	record(FAKE_SPACE_REVOKE, s, va, 0, len, prot);
}

void
hal_space_remap(struct hal_space *s, uint64_t va, uint64_t pa, uint64_t len,
    unsigned int prot)
{
	record(FAKE_SPACE_REMAP, s, va, pa, len, prot);
}

/* Like the simulator: an exec's vm takes its old space over. */
bool
hal_space_reusable(void)
{
	return true;
}

void
hal_space_adopt(struct hal_space *s, struct fw_vm *vm)
{
	s->vm = vm;
	record(FAKE_SPACE_ADOPT, s, (uint64_t)(uintptr_t)vm, 0, 0, 0);
}

void
hal_space_sync(struct hal_space *s)
{
	record(FAKE_SPACE_SYNC, s, 0, 0, 0, 0);
}

/* No fast path: the unit tests check the core's walk. */
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

void
fake_space_reset(void)
{
	pthread_mutex_lock(&rec_mtx);
	ncalls = 0;
	pthread_mutex_unlock(&rec_mtx);
}

size_t
fake_space_count(void)
{
	size_t n;

	pthread_mutex_lock(&rec_mtx);
	n = ncalls;
	pthread_mutex_unlock(&rec_mtx);
	return n;
}

struct fake_space_call
fake_space_get(size_t i)
{
	struct fake_space_call c;

	pthread_mutex_lock(&rec_mtx);
	if (i >= ncalls)
		abort();
	c = calls[i];
	pthread_mutex_unlock(&rec_mtx);
	return c;
}

size_t
fake_space_count_op(enum fake_space_op op)
{
	size_t i, n = 0;

	pthread_mutex_lock(&rec_mtx);
	for (i = 0; i < ncalls; i++)
		n += calls[i].op == op;
	pthread_mutex_unlock(&rec_mtx);
	return n;
}

void
fake_space_fail_next(int err)
{
	pthread_mutex_lock(&rec_mtx);
	space_fail = err;
	pthread_mutex_unlock(&rec_mtx);
}

/* hal/user.h */

int
hal_uthread_new(struct hal_space *s, struct fw_uthread **out)
{
	return -ENOSYS;
}

void
hal_uthread_free(struct fw_uthread *t)
{
}

void
hal_uthread_adopt(struct fw_uthread *t, struct fw_vm *vm)
{
	record(FAKE_UTHREAD_ADOPT, NULL, (uint64_t)(uintptr_t)t,
	    (uint64_t)(uintptr_t)vm, 0, 0);
}

int
hal_user_enter(struct fw_uthread *t, struct fw_user_ctx *ctx,
    struct fw_user_event *ev)
{
	return -ENOSYS;
}

void
hal_uthread_kick(struct fw_uthread *t)
{
}

/* Every uthread handle shares one XSAVE area: enough for core tests. */
uint8_t fake_xsave_area[4096] __attribute__((aligned(64)));

uint8_t *
hal_uthread_xsave_area(struct fw_uthread *t)
{
	return t != NULL ? fake_xsave_area : NULL;
}

/* hal/platform.h */

uint64_t
hal_clock_monotonic(void)
{
	return (host_ns() - boot_ns) * clock_rate;
}

uint64_t
hal_clock_realtime(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

/* No user-readable counter: the framework's clocks are the two above. */
uint64_t
hal_cycles(void)
{
	return 0;
}

unsigned int
hal_cycles_mode(void)
{
	return FW_TIMEPAGE_NONE;
}

void
hal_random_bytes(void *buf, size_t len)
{
	char *p = buf;
	ssize_t n;

	while (len > 0) {
		if ((n = getrandom(p, len, 0)) <= 0)
			abort();
		p += n;
		len -= (size_t)n;
	}
}

static void
text_append(char *text, const char *s, size_t len)
{
	size_t have;

	pthread_mutex_lock(&rec_mtx);
	have = strlen(text);
	if (have + 2 >= TEXT_MAX) {
		pthread_mutex_unlock(&rec_mtx);
		return;
	}
	if (len > TEXT_MAX - 2 - have)
		len = TEXT_MAX - 2 - have;
	memcpy(text + have, s, len);
	text[have + len] = '\n';
	text[have + len + 1] = '\0';
	pthread_mutex_unlock(&rec_mtx);
	if (getenv("FAKE_HAL_VERBOSE") != NULL)
		fprintf(stderr, "%.*s\n", (int)len, s);
}

void
hal_log_write(const char *s, size_t len)
{
	text_append(log_text, s, len);
}

void
hal_trace_write(const char *s, size_t len)
{
	text_append(trace_text, s, len);
}

void
fake_log_reset(void)
{
	pthread_mutex_lock(&rec_mtx);
	log_text[0] = '\0';
	trace_text[0] = '\0';
	pthread_mutex_unlock(&rec_mtx);
}

const char *
fake_log_text(void)
{
	return log_text;
}

const char *
fake_trace_text(void)
{
	return trace_text;
}

void
hal_power_off(int status)
{
	fake_power_status = status;
	if (fake_power_jmp != NULL)
		longjmp(*fake_power_jmp, 1);
	fprintf(stderr, "fake_hal: power off with status %d\n", status);
	fflush(stderr);
	_exit(status);
}

/*
 * The console (fw/console.h), which a backend provides beside its HAL:
 * the fake one has no input (end of file at once), no terminal, and
 * writes to the test's stderr.  The services' unit tests link it when
 * they pull in the console files.
 */
long
fw_console_write(unsigned int port, const void *buf, size_t len)
{
	if (port != FW_CONSOLE_OUT && port != FW_CONSOLE_ERR)
		return -EINVAL;
	return fwrite(buf, 1, len, stderr) == len ? (long)len : -EIO;
}

long
fw_console_read(unsigned int port, void *buf, size_t len, bool nonblock)
{
	(void)buf, (void)len, (void)nonblock;
	return port == FW_CONSOLE_IN ? 0 : -EINVAL;
}

bool
fw_console_readable(unsigned int port)
{
	return port == FW_CONSOLE_IN;
}

void
fw_console_set_input_hook(fw_console_input_fn fn)
{
	(void)fn;
}

bool
fw_console_isatty(unsigned int port)
{
	(void)port;
	return false;
}

int
fw_console_winsize(unsigned int port, uint16_t *rows, uint16_t *cols)
{
	(void)port, (void)rows, (void)cols;
	return -ENOTTY;
}

/*
 * Device registers: no device model here; the last access is recorded
 * (fake_mmio in fake_hal.h) and a read returns fake_mmio.read_value.
 */
struct fake_mmio fake_mmio;

uint64_t
hal_mmio_read(uint64_t pa, unsigned int size)
{
	fake_mmio.pa = pa;
	fake_mmio.size = size;
	fake_mmio.reads++;
	return fake_mmio.read_value;
}

void
hal_mmio_write(uint64_t pa, unsigned int size, uint64_t v)
{
	fake_mmio.pa = pa;
	fake_mmio.size = size;
	fake_mmio.value = v;
	fake_mmio.writes++;
}

struct fake_pci fake_pci;

uint32_t
hal_pci_read(uint32_t bdf, unsigned int off, unsigned int size)
{
	uint32_t v = 0;

	fake_pci.bdf = bdf;
	while (size-- > 0)
		v = v << 8 | fake_pci.cfg[off + size];
	return v;
}
