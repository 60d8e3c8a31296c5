/*
 * tests/unit/services/fs/shim.c: host fakes of the framework API the file
 * services use (see shim.h).  Single-threaded: mutexes are no-ops.
 */
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <stdarg.h>
#include <fw/alloc.h>
#include <fw/boot.h>
#include <fw/console.h>
#include <fw/errno.h>
#include <fw/frame.h>
#include <fw/log.h>
#include <svc/mm.h>
#include <fw/mutex.h>
#include <fw/random.h>
#include <fw/task.h>
#include <fw/timer.h>
#include <fw/uaccess.h>
#include <fw/waitq.h>
#include <svc/poll.h>
#include <svc/pipe.h>
#include <svc/proc.h>
#include <svc/signal.h>
#include "shim.h"

void *fw_alloc(size_t size) { return malloc(size ? size : 1); }
void *fw_zalloc(size_t n, size_t size) { return calloc(n ? n : 1, size ? size : 1); }
void *fw_realloc(void *p, size_t size) { return realloc(p, size ? size : 1); }
void fw_free(void *p) { free(p); }

struct fw_frame {
	unsigned char	data[FW_PAGE_SIZE];
	int		nref;
};
long shim_frames_live;

int
fw_frame_alloc(struct fw_frame **out)
{
	struct fw_frame *f = calloc(1, sizeof(*f));

	if (f == NULL)
		return -ENOMEM;
	f->nref = 1;
	shim_frames_live++;
	*out = f;
	return 0;
}

struct fw_frame *fw_frame_ref(struct fw_frame *f) { f->nref++; return f; }

void
fw_frame_unref(struct fw_frame *f)
{
	if (f != NULL && --f->nref == 0) {
		shim_frames_live--;
		free(f);
	}
}

int
fw_frame_read(const struct fw_frame *f, size_t off, void *buf, size_t len)
{
	if (off > FW_PAGE_SIZE || len > FW_PAGE_SIZE - off)
		return -EINVAL;
	memcpy(buf, f->data + off, len);
	return 0;
}

int
fw_frame_write(struct fw_frame *f, size_t off, const void *buf, size_t len)
{
	if (off > FW_PAGE_SIZE || len > FW_PAGE_SIZE - off)
		return -EINVAL;
	memcpy(f->data + off, buf, len);
	return 0;
}

int
fw_frame_zero(struct fw_frame *f, size_t off, size_t len)
{
	if (off > FW_PAGE_SIZE || len > FW_PAGE_SIZE - off)
		return -EINVAL;
	memset(f->data + off, 0, len);
	return 0;
}

void fw_spin_init(struct fw_spinlock *l) { memset(l, 0, sizeof(*l)); }
void fw_spin_lock(struct fw_spinlock *l) FW_NO_TSA { (void)l; }
void fw_spin_unlock(struct fw_spinlock *l) FW_NO_TSA { (void)l; }
void fw_mutex_init(struct fw_mutex *m) { memset(m, 0, sizeof(*m)); }
void fw_mutex_lock(struct fw_mutex *m) FW_NO_TSA { (void)m; }
void fw_mutex_unlock(struct fw_mutex *m) FW_NO_TSA { (void)m; }
uint64_t fw_clock_realtime(void) { return 1700000000ULL * 1000000000ULL; }
static size_t frames_total = 262144;		/* 1 GiB */

size_t fw_frames_total(void) { return frames_total; }
void shim_set_frames_total(size_t n) { frames_total = n; }

int
fw_vsnprintf(char *buf, size_t n, const char *fmt, va_list ap)
{
	return vsnprintf(buf, n, fmt, ap);
}

int
fw_snprintf(char *buf, size_t n, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = vsnprintf(buf, n, fmt, ap);
	va_end(ap);
	return r;
}
void fw_random_bytes(void *buf, size_t len) { memset(buf, 0xa5, len); }

void
fw_log(enum fw_log_level lvl, const char *fmt, ...)
{
	(void)lvl;
	(void)fmt;
}

static const unsigned char *initrd;
static size_t initrd_len;

void shim_set_initrd(const void *buf, size_t len) { initrd = buf; initrd_len = len; }
size_t fw_boot_initrd_size(void) { return initrd_len; }

int
fw_boot_initrd_read(size_t off, void *buf, size_t len)
{
	if (off > initrd_len || len > initrd_len - off)
		return -EINVAL;
	memcpy(buf, initrd + off, len);
	return 0;
}

int
fw_boot_initrd_to_frame(size_t off, struct fw_frame *f, size_t len)
{
	if (off > initrd_len || len > initrd_len - off || len > FW_PAGE_SIZE)
		return -EINVAL;
	return fw_frame_write(f, 0, initrd + off, len);
}

static const char *opt_root;

void shim_set_root_option(const char *root) { opt_root = root; }

const char *
fw_boot_option(const char *name)
{
	return strcmp(name, "root") == 0 ? opt_root : NULL;
}

/* User memory: [SHIM_USER_BASE, SHIM_USER_BASE + SHIM_USER_SIZE). */
static unsigned char user_mem[SHIM_USER_SIZE];
static size_t user_next;

static bool
user_ok(uint64_t a, size_t len)
{
	return a >= SHIM_USER_BASE && len <= SHIM_USER_SIZE &&
	    a - SHIM_USER_BASE <= SHIM_USER_SIZE - len;
}

int
fw_copy_from_user(struct fw_vm *vm, void *dst, fw_uaddr_t src, size_t len)
{
	if (!user_ok(src.v, len))
		return -EFAULT;
	memcpy(dst, user_mem + (src.v - SHIM_USER_BASE), len);
	return 0;
}

int
fw_copy_to_user(struct fw_vm *vm, fw_uaddr_t dst, const void *src, size_t len)
{
	if (!user_ok(dst.v, len))
		return -EFAULT;
	memcpy(user_mem + (dst.v - SHIM_USER_BASE), src, len);
	return 0;
}

int
fw_copy_frame_to_user(struct fw_vm *vm, fw_uaddr_t dst,
    const struct fw_frame *f, size_t off, size_t len)
{
	if (off > FW_PAGE_SIZE || len > FW_PAGE_SIZE - off)
		return -EINVAL;
	return fw_copy_to_user(vm, dst, f->data + off, len);
}

int
fw_user_writable(struct fw_vm *vm, fw_uaddr_t dst, size_t len)
{
	return len == 0 || user_ok(dst.v, len) ? 0 : -EFAULT;
}

long
fw_strncpy_from_user(struct fw_vm *vm, char *dst, fw_uaddr_t src, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (!user_ok(src.v + i, 1))
			return -EFAULT;
		dst[i] = (char)user_mem[src.v + i - SHIM_USER_BASE];
		if (dst[i] == '\0')
			return (long)i;
	}
	return (long)n;
}

void shim_user_reset(void) { memset(user_mem, 0, sizeof(user_mem)); user_next = 0; }

uint64_t
shim_user_alloc(size_t len)
{
	uint64_t a = SHIM_USER_BASE + user_next;

	user_next += (len + 15) & ~(size_t)15;
	if (user_next > SHIM_USER_SIZE)
		abort();
	return a;
}

uint64_t
shim_user_put(const void *buf, size_t len)
{
	uint64_t a = shim_user_alloc(len);

	memcpy(user_mem + (a - SHIM_USER_BASE), buf, len);
	return a;
}

uint64_t shim_user_str(const char *s) { return shim_user_put(s, strlen(s) + 1); }

void
shim_user_set(uint64_t addr, const void *buf, size_t len)
{
	if (!user_ok(addr, len))
		abort();
	memcpy(user_mem + (addr - SHIM_USER_BASE), buf, len);
}

void
shim_user_get(uint64_t addr, void *buf, size_t len)
{
	if (!user_ok(addr, len))
		abort();
	memcpy(buf, user_mem + (addr - SHIM_USER_BASE), len);
}

/* The console. */
char shim_console_out[4096];
size_t shim_console_outlen;
bool shim_console_tty;
static const char *console_in;

void shim_console_input(const char *s) { console_in = s; }

long
fw_console_write(unsigned int port, const void *buf, size_t len)
{
	size_t n = len;

	if (n > sizeof(shim_console_out) - shim_console_outlen)
		n = sizeof(shim_console_out) - shim_console_outlen;
	memcpy(shim_console_out + shim_console_outlen, buf, n);
	shim_console_outlen += n;
	return (long)len;
}

long
fw_console_read(unsigned int port, void *buf, size_t len, bool nonblock)
{
	size_t n;

	if (port != FW_CONSOLE_IN)
		return -EINVAL;
	if (console_in == NULL || *console_in == '\0')
		return nonblock ? -EAGAIN : 0;
	n = strlen(console_in);
	if (n > len)
		n = len;
	memcpy(buf, console_in, n);
	console_in += n;
	return (long)n;
}

bool fw_console_isatty(unsigned int port) { return shim_console_tty; }
bool fw_console_readable(unsigned int port) { return console_in != NULL; }
void fw_console_set_input_hook(fw_console_input_fn fn) { (void)fn; }

int
fw_console_winsize(unsigned int port, uint16_t *rows, uint16_t *cols)
{
	if (!shim_console_tty)
		return -ENOTTY;
	*rows = 24;
	*cols = 80;
	return 0;
}

/* The epoll service is not linked: these tests register no items. */
void
epoll_file_release(struct file *f)
{
	(void)f;
	abort();
}

/* The signal service is not linked: SIGPIPE is counted instead. */
int shim_sigpipes;

void
signal_sigpipe(struct thread *t)
{
	(void)t;
	shim_sigpipes++;
}

/*
 * Wait queues: single-threaded, so a wait whose condition is false could
 * only sleep forever; it reports an interruption instead.
 */
void fw_waitq_init(struct fw_waitq *wq) { memset(wq, 0, sizeof(*wq)); }
void fw_waitq_wake_all(struct fw_waitq *wq) { (void)wq; }

int
fw_waitq_wait(struct fw_waitq *wq, fw_wait_cond_fn cond, void *arg,
    uint64_t deadline, bool interruptible)
{
	(void)wq;
	(void)deadline;
	(void)interruptible;
	return cond(arg) ? 0 : -EINTR;
}

/* The process services are not linked (pipes are: open(2) makes FIFOs'). */
struct proc_groups *proc_groups_ref(struct proc_groups *g) { return g; }
void proc_groups_unref(struct proc_groups *g) { (void)g; }

/* Memory management is not linked: no file is ever mapped here. */
void
mm_unmap_file_pages(const void *key, uint64_t first, uint64_t end)
{
	(void)key;
	(void)first;
	(void)end;
	abort();
}

/* What the ptys (services/tty) ask of processes and tasks: no process. */
struct fw_mutex proc_table_lock;
uint64_t fw_clock_monotonic(void) { return 0; }
struct fw_task *fw_task_current(void) { return NULL; }
void *fw_task_data(const struct fw_task *t) { (void)t; return NULL; }
struct proc *proc_find_locked(int pid) { (void)pid; return NULL; }
bool proc_pgrp_orphaned(int pgid) { (void)pgid; return true; }

struct proc *
proc_search_locked(bool (*match)(struct proc *p, void *arg), void *arg)
{
	(void)match;
	(void)arg;
	return NULL;
}

void
signal_send_kernel(struct proc *p, int sig, const struct linux_siginfo *info)
{
	(void)p;
	(void)sig;
	(void)info;
}
