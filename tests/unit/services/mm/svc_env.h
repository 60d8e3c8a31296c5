/*
 * tests/unit/services/mm/svc_env.h: a process for service unit tests on
 * the real framework core and the fake HAL: one struct proc and thread
 * with a fresh vm and mm, and helpers that run a syscall, a fault or a
 * user copy as a kernel task (fake_run), since mm takes mutexes.
 */
#ifndef TESTS_SVC_ENV_H
#define TESTS_SVC_ENV_H

#include <stdlib.h>
#include <string.h>

#include <fw/uaccess.h>
#include <fw/vm.h>
#include <svc/mm.h>
#include <svc/proc.h>
#include <svc/syscall.h>
#include <svc/vfs.h>

#include "fake_hal.h"

static struct proc	*env_p;
static struct thread	*env_t;

static inline void
env_setup(void)
{
	struct fw_vm *vm;

	fake_hal_boot();
	env_p = calloc(1, sizeof(*env_p));
	env_t = calloc(1, sizeof(*env_t));
	if (env_p == NULL || env_t == NULL || fw_vm_new(&vm) < 0)
		abort();
	fw_mutex_init(&env_p->lock);
	if (mm_new(vm, &env_p->mm) < 0 || fdtable_new(&env_p->fds) < 0 ||
	    sighand_new(&env_p->sighand) < 0)
		abort();
	env_p->vm = vm;			/* the env's own reference */
	env_p->pid = 1;
	env_t->proc = env_p;
	env_t->tid = 1;
}

static inline void
env_teardown(void)
{
	mm_free(env_p->mm);
	fdtable_unref(env_p->fds);
	sighand_unref(env_p->sighand);
	fw_vm_unref(env_p->vm);
	free(env_t);
	free(env_p);
}

struct env_call {
	syscall_fn		fn;
	struct syscall_args	a;
	long			ret;
};

static inline void
env_call_task(void *arg)
{
	struct env_call *c = arg;

	c->ret = c->fn(env_t, &c->a);
}

static inline long
env_sys(syscall_fn fn, const uint64_t *args)
{
	struct env_call c = { fn, { 0, { 0 } }, 0 };

	memcpy(c.a.a, args, sizeof(c.a.a));
	fake_run(env_call_task, &c);
	return c.ret;
}

/* SYS(mmap, addr, len, ...): runs sys_mmap with up to six arguments. */
#define SYS(name, ...)	env_sys(sys_##name, (const uint64_t[6]){ __VA_ARGS__ })

struct env_copy {
	uint64_t	 addr;
	void		*buf;
	size_t		 len;
	bool		 to_user;
	unsigned int	 access;
	int		 ret;
};

static inline void
env_copy_task(void *arg)
{
	struct env_copy *c = arg;

	if (c->buf == NULL)
		c->ret = mm_fault(env_p->mm, env_p->vm, fw_uaddr(c->addr),
		    c->access);
	else if (c->to_user)
		c->ret = fw_copy_to_user(env_p->vm, fw_uaddr(c->addr), c->buf,
		    c->len);
	else
		c->ret = fw_copy_from_user(env_p->vm, c->buf,
		    fw_uaddr(c->addr), c->len);
}

static inline int
env_put(uint64_t addr, const void *buf, size_t len)
{
	struct env_copy c = { addr, (void *)buf, len, true, 0, 0 };

	fake_run(env_copy_task, &c);
	return c.ret;
}

static inline int
env_get(uint64_t addr, void *buf, size_t len)
{
	struct env_copy c = { addr, buf, len, false, 0, 0 };

	fake_run(env_copy_task, &c);
	return c.ret;
}

static inline int
env_fault(uint64_t addr, unsigned int access)
{
	struct env_copy c = { addr, NULL, 0, false, access, 0 };

	fake_run(env_copy_task, &c);
	return c.ret;
}

/* Whether a page is mapped, and its prot. */
static inline bool
env_mapped(uint64_t va, unsigned int *prot)
{
	unsigned int p;

	return fw_vm_query(env_p->vm, fw_uaddr(va), prot ? prot : &p,
	    NULL) == 0;
}

#endif
