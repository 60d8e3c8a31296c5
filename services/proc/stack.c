/*
 * proc/stack.c: the initial user stack of a new program (System V x86-64
 * psABI §3.4.1, Linux fs/binfmt_elf.c create_elf_tables): from the top,
 * an 8-byte end marker, AT_EXECFN's string, the envp and argv strings,
 * "x86_64", AT_RANDOM's 16 bytes; below them, 16-byte aligned, argc, the
 * argv pointers and NULL, the envp pointers and NULL, the auxv pairs.
 * The block is built in a kernel buffer and copied out once.
 *
 * Interface: exec_stack_build (svc/elf.h).  Locks: mm->lock for
 * populating; none held while copying.
 */
#include <fw/alloc.h>
#include <fw/cpu.h>
#include <fw/errno.h>
#include <fw/random.h>
#include <fw/string.h>
#include <fw/uaccess.h>
#include <svc/elf.h>
#include <svc/lib.h>
#include <svc/mm.h>
#include <uapi/auxv.h>
#include <uapi/elf.h>

#define STACK_PLATFORM	"x86_64"
#define STACK_NAUX	((size_t)21)	/* pairs, AT_NULL included */

/* A cursor writing downwards into the kernel copy of [base, top). */
struct stack_img {
	uint8_t		*buf;
	uint64_t	 base, top, sp;
	uint64_t	 arg_start, arg_end, env_start, env_end;
};

/* Pushes len bytes; returns their user address. */
static uint64_t
stack_push(struct stack_img *s, const void *p, size_t len)
{
	s->sp -= len;
	memcpy(s->buf + (s->sp - s->base), p, len);
	return s->sp;
}

/* Sizes of the strings and pointers: 0, or -E2BIG beyond Linux's limits. */
static int
stack_measure(const struct exec_stack_info *si, size_t *strings)
{
	size_t i, n, total = str_len(si->execfn) + 1;

	for (i = 0; i < si->argc + si->envc; i++) {
		const char *s = i < si->argc ? si->argv[i] :
		    si->envp[i - si->argc];

		n = str_nlen(s, EXEC_ARG_STRLEN_MAX) + 1;
		if (n > EXEC_ARG_STRLEN_MAX)
			return -E2BIG;
		total += n;
		if (total > EXEC_ARG_MAX)
			return -E2BIG;
	}
	if (total + (si->argc + si->envc + 2) * 8 > EXEC_ARG_MAX)
		return -E2BIG;
	*strings = total;
	return 0;
}

/* Writes the auxv pairs into v (STACK_NAUX pairs). */
static void
stack_auxv(uint64_t *v, const struct exec_stack_info *si, uint64_t execfn,
    uint64_t platform, uint64_t random)
{
	const uint64_t aux[STACK_NAUX][2] = {
		/* No vDSO: AT_IGNORE, which readers skip, as they skip 0. */
		{ si->sysinfo_ehdr != 0 ? LINUX_AT_SYSINFO_EHDR : LINUX_AT_IGNORE,
		    si->sysinfo_ehdr },
		{ LINUX_AT_MINSIGSTKSZ, fw_cpu_minsigstksz() },
		{ LINUX_AT_HWCAP, fw_cpu_hwcap() },
		{ LINUX_AT_PAGESZ, FW_PAGE_SIZE },
		{ LINUX_AT_CLKTCK, 100 },
		{ LINUX_AT_PHDR, si->phdr },
		{ LINUX_AT_PHENT, sizeof(struct linux_elf64_phdr) },
		{ LINUX_AT_PHNUM, si->phnum },
		{ LINUX_AT_BASE, si->base },
		{ LINUX_AT_FLAGS, 0 },
		{ LINUX_AT_ENTRY, si->entry },
		{ LINUX_AT_UID, si->uid },
		{ LINUX_AT_EUID, si->euid },
		{ LINUX_AT_GID, si->gid },
		{ LINUX_AT_EGID, si->egid },
		{ LINUX_AT_SECURE, 0 },
		{ LINUX_AT_RANDOM, random },
		{ LINUX_AT_HWCAP2, fw_cpu_hwcap2() },
		{ LINUX_AT_EXECFN, execfn },
		{ LINUX_AT_PLATFORM, platform },
		{ LINUX_AT_NULL, 0 },
	};

	memcpy(v, aux, sizeof(aux));
}

/*
 * Lays out the whole block in s, which the caller sized; w is a zeroed
 * scratch array of nwords words for argc, the pointers and auxv.
 * Returns the rsp.
 */
static uint64_t
stack_layout(struct stack_img *s, const struct exec_stack_info *si,
    uint64_t *w, size_t nwords)
{
	uint64_t zero = 0, execfn, platform, random;
	uint8_t rnd[16];
	size_t i;

	stack_push(s, &zero, sizeof(zero));
	execfn = stack_push(s, si->execfn, str_len(si->execfn) + 1);
	s->env_end = s->sp;
	for (i = si->envc; i-- > 0;)
		w[2 + si->argc + i] = stack_push(s, si->envp[i],
		    str_len(si->envp[i]) + 1);
	s->env_start = s->arg_end = s->sp;
	for (i = si->argc; i-- > 0;)
		w[1 + i] = stack_push(s, si->argv[i], str_len(si->argv[i]) + 1);
	s->arg_start = s->sp;
	platform = stack_push(s, STACK_PLATFORM, sizeof(STACK_PLATFORM));
	fw_random_bytes(rnd, sizeof(rnd));
	random = stack_push(s, rnd, sizeof(rnd));
	w[0] = si->argc;
	stack_auxv(&w[nwords - 2 * STACK_NAUX], si, execfn, platform, random);
	s->sp = (s->sp - nwords * 8) & ~15ULL;
	memcpy(s->buf + (s->sp - s->base), w, nwords * 8);
	return s->sp;
}

int
exec_stack_build(struct mm *mm, const struct exec_stack_info *si,
    uint64_t *sp)
{
	struct stack_img s;
	size_t strings, nwords, size;
	uint64_t *w;
	int err;

	if ((err = stack_measure(si, &strings)) < 0)
		return err;
	nwords = 1 + si->argc + 1 + si->envc + 1 + 2 * STACK_NAUX;
	size = fw_page_up(8 + strings + sizeof(STACK_PLATFORM) + 16 + 16 +
	    nwords * 8);
	s.top = s.sp = mm->stack_top;
	s.base = s.top - size;
	if ((s.buf = fw_zalloc(1, size)) == NULL)
		return -ENOMEM;
	if ((w = fw_zalloc(nwords, sizeof(*w))) == NULL) {
		err = -ENOMEM;
		goto out;
	}
	*sp = stack_layout(&s, si, w, nwords);
	fw_mutex_lock(&mm->lock);
	mm->arg_start = s.arg_start;
	mm->arg_end = s.arg_end;
	mm->env_start = s.env_start;
	mm->env_end = s.env_end;
	err = mm_populate_locked(mm, fw_page_down(*sp), s.top);
	/*
	 * And the fault window below the block: the program's first frames
	 * go there at once, and a fault costs a round trip to the host.  It
	 * keeps to the stack's VMA.
	 */
	if (err == 0)
		mm_prepopulate_locked(mm, fw_page_down(*sp) -
		    (MM_FAULT_WINDOW - 1) * FW_PAGE_SIZE, fw_page_down(*sp));
	fw_mutex_unlock(&mm->lock);
	if (err == 0)
		err = fw_copy_to_user(mm->vm, fw_uaddr(*sp),
		    s.buf + (*sp - s.base), s.top - *sp);
	fw_free(w);
out:
	fw_free(s.buf);
	return err;
}
