/*
 * Tests for services/proc/elf.c, elf_map.c and stack.c: header validation
 * of hand-built ELF images (every malformed one gets ENOEXEC, EINVAL or
 * EPERM and nothing crashes, random corruption included), loading into a
 * real framework vm, and the initial stack's layout.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include <fw/errno.h>
#include <fw/frame.h>
#include <svc/elf.h>
#include <svc/file.h>
#include <svc/vfs.h>
#include <uapi/fcntl.h>
#include <uapi/auxv.h>
#include <uapi/mman.h>

#include "svc_env.h"

#define PG		FW_PAGE_SIZE
#define IMG_MAX		0x4000
#define TEXT_VA		0x400000ULL
#define DATA_VA		0x602010ULL
#define DATA_OFF	0x2010ULL

struct img {
	uint8_t		buf[IMG_MAX];
	uint64_t	size;
	int		fail;		/* pread returns this if nonzero */
};

static struct img img;

static long
img_pread(void *ctx, void *buf, size_t len, uint64_t off)
{
	struct img *m = ctx;

	if (m->fail != 0)
		return m->fail;
	if (off >= m->size)
		return 0;
	if (len > m->size - off)
		len = m->size - off;
	memcpy(buf, m->buf + off, len);
	return (long)len;
}

static struct elf_source
img_src(void)
{
	struct elf_source s = { img_pread, &img, img.size, NULL };

	return s;
}

static struct linux_elf64_ehdr *
img_eh(void)
{
	return (struct linux_elf64_ehdr *)img.buf;
}

static struct linux_elf64_phdr *
img_ph(int i)
{
	return (struct linux_elf64_phdr *)(img.buf + 64) + i;
}

static void
img_load(int i, uint64_t off, uint64_t va, uint64_t filesz, uint64_t memsz,
    uint32_t flags)
{
	struct linux_elf64_phdr *ph = img_ph(i);

	ph->p_type = LINUX_PT_LOAD;
	ph->p_flags = flags;
	ph->p_offset = off;
	ph->p_vaddr = ph->p_paddr = va;
	ph->p_filesz = filesz;
	ph->p_memsz = memsz;
	ph->p_align = PG;
}

/*
 * A good static executable: text (R X) from offset 0 at 0x400000 holding
 * the headers, data (R W) at 0x602010 with 0x100 file bytes and bss up
 * to 0x605010, and a PT_GNU_STACK.
 */
static void
img_good(uint16_t type)
{
	struct linux_elf64_ehdr *eh = img_eh();
	uint64_t i, base = type == LINUX_ET_DYN ? 0 : TEXT_VA;

	memset(&img, 0, sizeof(img));
	for (i = 0; i < IMG_MAX; i++)
		img.buf[i] = (uint8_t)(i * 7 + 3);
	memset(img.buf, 0, 64 + 3 * 56);
	memcpy(eh->e_ident, "\177ELF", 4);
	eh->e_ident[LINUX_EI_CLASS] = LINUX_ELFCLASS64;
	eh->e_ident[LINUX_EI_DATA] = LINUX_ELFDATA2LSB;
	eh->e_ident[LINUX_EI_VERSION] = LINUX_EV_CURRENT;
	eh->e_type = type;
	eh->e_machine = LINUX_EM_X86_64;
	eh->e_version = LINUX_EV_CURRENT;
	eh->e_entry = base + 0x1000;
	eh->e_phoff = 64;
	eh->e_ehsize = 64;
	eh->e_phentsize = 56;
	eh->e_phnum = 3;
	img_load(0, 0, base, 0x1100, 0x1100, LINUX_PF_R | LINUX_PF_X);
	img_load(1, DATA_OFF, base + (DATA_VA - TEXT_VA), 0x100, 0x3000,
	    LINUX_PF_R | LINUX_PF_W);
	img_ph(2)->p_type = LINUX_PT_GNU_STACK;
	img_ph(2)->p_flags = LINUX_PF_R | LINUX_PF_W;
	img.size = DATA_OFF + 0x100;
}

static int
img_read(struct elf_info *info)
{
	struct elf_source s = img_src();
	int err = elf_read(&s, info);

	if (err == 0)
		ck_assert_ptr_nonnull(info->ph);
	return err;
}

/* Reads and releases; returns elf_read's result. */
static int
img_check(void)
{
	struct elf_info info;
	int err = img_read(&info);

	if (err == 0)
		elf_info_release(&info);
	return err;
}

static void
setup(void)
{
	env_setup();
	img_good(LINUX_ET_EXEC);
}

static void
teardown(void)
{
	env_teardown();
}

START_TEST(test_good_static_exec_reads)
{
	struct elf_info info;

	ck_assert_int_eq(img_read(&info), 0);
	ck_assert_uint_eq(info.lo, TEXT_VA);
	ck_assert_uint_eq(info.hi, fw_page_up(DATA_VA + 0x3000));
	ck_assert(!info.interp);
	ck_assert_uint_eq(elf_load_bias(&info), 0);
	ck_assert_uint_eq(elf_phdr_addr(&info, 0), TEXT_VA + 64);
	elf_info_release(&info);
}
END_TEST

START_TEST(test_pie_gets_aligned_bias)
{
	struct elf_info info;
	uint64_t bias;

	img_good(LINUX_ET_DYN);
	img_ph(0)->p_align = 0x200000;
	ck_assert_int_eq(img_read(&info), 0);
	bias = elf_load_bias(&info);
	ck_assert_uint_eq(bias % 0x200000, 0);
	ck_assert_uint_le(bias, ELF_ET_DYN_BASE);
	ck_assert_uint_gt(bias, ELF_ET_DYN_BASE - 0x200000);
	elf_info_release(&info);
}
END_TEST

START_TEST(test_interp_is_flagged)
{
	struct elf_info info;

	img_ph(2)->p_type = LINUX_PT_INTERP;
	ck_assert_int_eq(img_read(&info), 0);
	ck_assert(info.interp);
	elf_info_release(&info);
}
END_TEST

START_TEST(test_truncated_files_are_enoexec)
{
	img.size = 63;
	ck_assert_int_eq(img_check(), -ENOEXEC);
	img.size = 64 + 2 * 56;			/* phdr table cut short */
	ck_assert_int_eq(img_check(), -ENOEXEC);
	img.size = DATA_OFF + 0xff;		/* segment data cut short */
	ck_assert_int_eq(img_check(), -ENOEXEC);
	img.size = 0;
	ck_assert_int_eq(img_check(), -ENOEXEC);
}
END_TEST

START_TEST(test_bad_headers_are_enoexec)
{
	static const struct { size_t off; uint8_t v; } bad[] = {
		{ 0, 0x7e }, { 3, 'G' }, { LINUX_EI_CLASS, 1 },
		{ LINUX_EI_DATA, 2 }, { LINUX_EI_VERSION, 0 },
		{ 16, 1 },			/* e_type ET_REL */
		{ 18, 3 },			/* e_machine EM_386 */
		{ 20, 2 },			/* e_version */
		{ 54, 32 },			/* e_phentsize */
	};
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		img_good(LINUX_ET_EXEC);
		img.buf[bad[i].off] = bad[i].v;
		ck_assert_msg(img_check() == -ENOEXEC, "case %zu", i);
	}
}
END_TEST

START_TEST(test_phnum_bounds)
{
	img_eh()->e_phnum = 0;
	ck_assert_int_eq(img_check(), -ENOEXEC);
	img_eh()->e_phnum = 65;
	ck_assert_int_eq(img_check(), -ENOEXEC);
	img_eh()->e_phnum = 0xffff;
	ck_assert_int_eq(img_check(), -ENOEXEC);
	img_good(LINUX_ET_EXEC);
	img_eh()->e_phoff = UINT64_MAX - 10;
	ck_assert_int_eq(img_check(), -ENOEXEC);
	img_good(LINUX_ET_EXEC);
	img_ph(0)->p_type = LINUX_PT_NOTE;
	img_ph(1)->p_type = LINUX_PT_NOTE;
	ck_assert_int_eq(img_check(), -ENOEXEC);	/* nothing to load */
}
END_TEST

START_TEST(test_bad_segments_are_einval)
{
	img_ph(1)->p_filesz = 0x3001;			/* filesz > memsz */
	ck_assert_int_eq(img_check(), -EINVAL);
	img_good(LINUX_ET_EXEC);
	img_ph(1)->p_offset = DATA_OFF + 8;		/* offset % page */
	ck_assert_int_eq(img_check(), -EINVAL);
	img_good(LINUX_ET_EXEC);
	img_ph(1)->p_vaddr = TEXT_VA + 0x1010;		/* overlaps text */
	img_ph(1)->p_offset = 0x1010;
	ck_assert_int_eq(img_check(), -EINVAL);
	img_good(LINUX_ET_EXEC);
	img_ph(1)->p_vaddr = 0x300010;			/* unsorted */
	ck_assert_int_eq(img_check(), -EINVAL);
	img_good(LINUX_ET_EXEC);
	img_ph(1)->p_memsz = UINT64_MAX - 0x1000;	/* wraps */
	ck_assert_int_eq(img_check(), -EINVAL);
	img_good(LINUX_ET_EXEC);
	img_ph(1)->p_vaddr = fw_vm_user_top() - 0xff0;	/* past user top */
	ck_assert_int_eq(img_check(), -EINVAL);
	img_good(LINUX_ET_EXEC);
	img_ph(0)->p_vaddr = 0;				/* below mmap_min_addr */
	ck_assert_int_eq(img_check(), -EPERM);
	img_good(LINUX_ET_EXEC);
	img_ph(1)->p_offset = UINT64_MAX - 0xfef;	/* offset wraps */
	ck_assert_int_eq(img_check(), -ENOEXEC);
}
END_TEST

START_TEST(test_read_errors_propagate)
{
	img.fail = -EIO;
	ck_assert_int_eq(img_check(), -EIO);
}
END_TEST

struct map_job {
	int	err;
	uint64_t bias;
};

static void
map_task(void *arg)
{
	struct map_job *j = arg;
	struct elf_source s = img_src();
	struct elf_info info;

	if ((j->err = elf_read(&s, &info)) < 0)
		return;
	j->bias = elf_load_bias(&info);
	j->err = elf_map(env_p->mm, &s, &info, j->bias);
	elf_info_release(&info);
}

START_TEST(test_map_copies_file_and_zeroes_bss)
{
	struct map_job j = { 0, 0 };
	uint8_t got[0x100], zero[0x200];
	unsigned int prot;

	fake_run(map_task, &j);
	ck_assert_int_eq(j.err, 0);
	ck_assert_int_eq(env_get(TEXT_VA, got, 4), 0);
	ck_assert_mem_eq(got, "\177ELF", 4);
	ck_assert_int_eq(env_get(TEXT_VA + 0x1000, got, 0x100), 0);
	ck_assert_mem_eq(got, img.buf + 0x1000, 0x100);
	ck_assert_int_eq(env_get(DATA_VA, got, 0x100), 0);
	ck_assert_mem_eq(got, img.buf + DATA_OFF, 0x100);
	memset(zero, 0, sizeof(zero));
	/* The rest of the data page past p_filesz holds no file bytes. */
	ck_assert_int_eq(env_get(DATA_VA + 0x100, got, 0x100), 0);
	ck_assert_mem_eq(got, zero, 0x100);
	ck_assert(env_mapped(TEXT_VA, &prot));
	ck_assert_uint_eq(prot, FW_PROT_READ | FW_PROT_EXEC);
	/* bss's first fault window is backed at once, zeroed, writable. */
	ck_assert(env_mapped(0x604000, &prot));
	ck_assert_uint_eq(prot, FW_PROT_READ | FW_PROT_WRITE);
	ck_assert_int_eq(env_get(0x604ff0, got, 0x10), 0);
	ck_assert_mem_eq(got, zero, 0x10);
	ck_assert_uint_eq(env_p->mm->brk_start, 0x606000);
	ck_assert_int_eq(env_put(TEXT_VA, zero, 1), -EFAULT);	/* read-only */
}
END_TEST

/*
 * The image as a file with a page cache: one frame per page, made on the
 * first get_page and kept, so a test can tell the file's frames from
 * copies.  get_page fails with page_err (nonzero) instead.
 */
#define CACHE_PAGES	(IMG_MAX / PG)
static struct fw_frame	*cache[CACHE_PAGES];
static int		 page_err;

static int
img_get_page(struct file *f, uint64_t idx, struct fw_frame **out)
{
	uint64_t off = idx * PG;
	int err;

	(void)f;
	if (page_err != 0)
		return page_err;
	if (off >= img.size)
		return -ENXIO;
	if (cache[idx] == NULL) {
		if ((err = fw_frame_alloc(&cache[idx])) < 0)
			return err;
		if ((err = fw_frame_write(cache[idx], 0, img.buf + off,
		    img.size - off < PG ? img.size - off : PG)) < 0)
			return err;
	}
	*out = fw_frame_ref(cache[idx]);
	return 0;
}

static const struct file_ops img_file_ops = { .get_page = img_get_page };

struct file_job {
	struct file	*f;
	int		 err;
	struct fw_frame	*text, *text2, *data;	/* what each page maps */
	struct file	*v0_file, *v1_file;
};

static void
file_map_task(void *arg)
{
	struct file_job *j = arg;
	struct elf_source s = img_src();
	struct mm *mm = env_p->mm;
	struct elf_info info;
	unsigned int prot;

	s.file = j->f;
	if ((j->err = elf_read(&s, &info)) < 0)
		return;
	j->err = elf_map(mm, &s, &info, elf_load_bias(&info));
	elf_info_release(&info);
	if (j->err < 0)
		return;
	if (fw_vm_query(mm->vm, fw_uaddr(TEXT_VA), &prot, &j->text) < 0 ||
	    fw_vm_query(mm->vm, fw_uaddr(TEXT_VA + PG), &prot, &j->text2) < 0 ||
	    fw_vm_query(mm->vm, fw_uaddr(fw_page_down(DATA_VA)), &prot,
	    &j->data) < 0)
		j->err = -ENOENT;
	fw_mutex_lock(&mm->lock);
	j->v0_file = mm_find_locked(mm, TEXT_VA)->file;
	j->v1_file = mm_find_locked(mm, TEXT_VA + PG)->file;
	fw_mutex_unlock(&mm->lock);
}

static void
cache_drop(void)
{
	for (size_t i = 0; i < CACHE_PAGES; i++) {
		fw_frame_unref(cache[i]);
		cache[i] = NULL;
	}
	page_err = 0;
}

START_TEST(test_map_read_only_pages_are_the_files)
{
	struct file_job j = { 0 };
	uint8_t got[0x100], zero[0x100];

	ck_assert_int_eq(file_alloc(&img_file_ops, NULL, LINUX_O_RDONLY,
	    true, &j.f), 0);
	fake_run(file_map_task, &j);
	ck_assert_int_eq(j.err, 0);
	/* Text's whole first page is the file's page 0, in a file VMA. */
	ck_assert_ptr_eq(j.text, cache[0]);
	ck_assert_ptr_eq(j.v0_file, j.f);
	/* Its partial last page and the writable data are copies. */
	ck_assert_ptr_nonnull(j.text2);
	ck_assert_ptr_ne(j.text2, cache[1]);
	ck_assert_ptr_null(j.v1_file);
	ck_assert_ptr_nonnull(j.data);
	ck_assert_ptr_ne(j.data, cache[2]);
	ck_assert_int_eq(env_get(TEXT_VA, got, 4), 0);
	ck_assert_mem_eq(got, "\177ELF", 4);
	ck_assert_int_eq(env_get(TEXT_VA + 0x1000, got, 0x100), 0);
	ck_assert_mem_eq(got, img.buf + 0x1000, 0x100);
	memset(zero, 0, sizeof(zero));
	ck_assert_int_eq(env_get(TEXT_VA + 0x1100, got, 0x100), 0);
	ck_assert_mem_eq(got, zero, 0x100);
	/* Read-only for the user; the file's page is never written. */
	ck_assert_int_eq(env_put(TEXT_VA, zero, 1), -EFAULT);
	fw_frame_unref(j.text);
	fw_frame_unref(j.text2);
	fw_frame_unref(j.data);
	file_unref(j.f);
	cache_drop();
}
END_TEST

START_TEST(test_map_page_cache_errors_fail_the_exec)
{
	struct file_job j = { 0 };

	ck_assert_int_eq(file_alloc(&img_file_ops, NULL, LINUX_O_RDONLY,
	    true, &j.f), 0);
	page_err = -ENXIO;		/* the file shrank under us */
	fake_run(file_map_task, &j);
	ck_assert_int_eq(j.err, -ENOEXEC);
	file_unref(j.f);
	cache_drop();
	ck_assert_int_eq(file_alloc(&img_file_ops, NULL, LINUX_O_RDONLY,
	    true, &j.f), 0);
	env_teardown();
	env_setup();
	page_err = -ENOMEM;
	fake_run(file_map_task, &j);
	ck_assert_int_eq(j.err, -ENOMEM);
	file_unref(j.f);
	cache_drop();
}
END_TEST

START_TEST(test_map_pie_at_bias)
{
	struct map_job j = { 0, 0 };
	uint8_t got[4];

	img_good(LINUX_ET_DYN);
	fake_run(map_task, &j);
	ck_assert_int_eq(j.err, 0);
	ck_assert_uint_ge(j.bias, 0x555555000000ULL);
	ck_assert_int_eq(env_get(j.bias, got, 4), 0);
	ck_assert_mem_eq(got, "\177ELF", 4);
}
END_TEST

/* A fresh vm and mm per image, so every corrupt image maps from scratch. */
static void
fuzz_task(void *arg)
{
	struct elf_source s = img_src();
	struct elf_info info;
	struct fw_vm *vm;
	struct mm *mm;

	(void)arg;
	if (elf_read(&s, &info) < 0)
		return;
	if (fw_vm_new(&vm) == 0) {
		if (mm_new(vm, &mm) == 0) {
			if (elf_map(mm, &s, &info, elf_load_bias(&info)) < 0)
				mm->nvma += 0;
			mm_free(mm);
		}
		fw_vm_unref(vm);
	}
	elf_info_release(&info);
}

START_TEST(test_random_corruption_never_crashes)
{
	int i, k;

	srand(12345);
	for (i = 0; i < 400; i++) {
		img_good(i % 2 ? LINUX_ET_DYN : LINUX_ET_EXEC);
		for (k = 0; k < 1 + i % 4; k++)
			img.buf[rand() % (64 + 3 * 56)] = (uint8_t)rand();
		if (i % 7 == 0)
			img.size = (uint64_t)(rand() % (int)img.size);
		fake_run(fuzz_task, NULL);
	}
}
END_TEST

struct stack_job {
	int		 err;
	uint64_t	 sp;
	const char	*argv[3], *envp[2];
	size_t		 argc, envc;
	const char	*big;
};

static void
stack_task(void *arg)
{
	struct stack_job *j = arg;
	struct mm *mm = env_p->mm;
	struct exec_stack_info si = { .argv = j->argv, .argc = j->argc,
	    .envp = j->envp, .envc = j->envc, .execfn = "/bin/prog",
	    .entry = 0x401000, .phdr = TEXT_VA + 64, .phnum = 3 };

	fw_mutex_lock(&mm->lock);
	j->err = mm_insert_locked(mm, mm->stack_top - (8 << 20),
	    mm->stack_top, LINUX_PROT_READ | LINUX_PROT_WRITE,
	    VMA_ANON | VMA_STACK);
	fw_mutex_unlock(&mm->lock);
	if (j->err == 0)
		j->err = exec_stack_build(mm, &si, &j->sp);
}

static uint64_t
uword(uint64_t addr)
{
	uint64_t v = 0;

	ck_assert_int_eq(env_get(addr, &v, 8), 0);
	return v;
}

static void
ustr(uint64_t addr, char *buf, size_t n)
{
	ck_assert_int_eq(env_get(addr, buf, n), 0);
	buf[n - 1] = '\0';
}

START_TEST(test_stack_layout)
{
	struct stack_job j = { 0, 0, { "prog", "-x", NULL }, { "A=1", NULL },
	    2, 1, NULL };
	uint64_t sp, p, type, rnd = 0, execfn = 0, pagesz = 0, entry = 0;
	char s[16];

	fake_run(stack_task, &j);
	ck_assert_int_eq(j.err, 0);
	sp = j.sp;
	ck_assert_uint_eq(sp % 16, 0);
	ck_assert_uint_lt(sp, env_p->mm->stack_top);
	/* The fault window below the block is backed: no more. */
	ck_assert(env_mapped(fw_page_down(sp) - (MM_FAULT_WINDOW - 1) * PG,
	    NULL));
	ck_assert(!env_mapped(fw_page_down(sp) - MM_FAULT_WINDOW * PG, NULL));
	ck_assert_uint_eq(uword(sp), 2);
	ustr(uword(sp + 8), s, 5);
	ck_assert_str_eq(s, "prog");
	ustr(uword(sp + 16), s, 3);
	ck_assert_str_eq(s, "-x");
	ck_assert_uint_eq(uword(sp + 24), 0);
	ustr(uword(sp + 32), s, 4);
	ck_assert_str_eq(s, "A=1");
	ck_assert_uint_eq(uword(sp + 40), 0);
	for (p = sp + 48; (type = uword(p)) != LINUX_AT_NULL; p += 16) {
		if (type == LINUX_AT_RANDOM)
			rnd = uword(p + 8);
		if (type == LINUX_AT_EXECFN)
			execfn = uword(p + 8);
		if (type == LINUX_AT_PAGESZ)
			pagesz = uword(p + 8);
		if (type == LINUX_AT_ENTRY)
			entry = uword(p + 8);
		ck_assert_uint_lt(p, env_p->mm->stack_top);
	}
	ck_assert_uint_eq(pagesz, 4096);
	ck_assert_uint_eq(entry, 0x401000);
	ck_assert_uint_gt(rnd, sp);
	ck_assert_uint_lt(rnd + 16, env_p->mm->stack_top);
	ustr(execfn, s, 10);
	ck_assert_str_eq(s, "/bin/prog");
}
END_TEST

START_TEST(test_stack_too_big_is_e2big)
{
	char *big = malloc(EXEC_ARG_STRLEN_MAX + 1);
	struct stack_job j = { 0, 0, { "prog", NULL, NULL }, { NULL, NULL },
	    2, 0, NULL };

	ck_assert_ptr_nonnull(big);
	memset(big, 'a', EXEC_ARG_STRLEN_MAX);
	big[EXEC_ARG_STRLEN_MAX] = '\0';
	j.argv[1] = big;
	fake_run(stack_task, &j);
	ck_assert_int_eq(j.err, -E2BIG);
	free(big);
}
END_TEST

static Suite *
elf_suite(void)
{
	Suite *s = suite_create("services/proc/elf");
	TCase *tc = tcase_create("elf");

	tcase_set_timeout(tc, 60);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_good_static_exec_reads);
	tcase_add_test(tc, test_pie_gets_aligned_bias);
	tcase_add_test(tc, test_interp_is_flagged);
	tcase_add_test(tc, test_truncated_files_are_enoexec);
	tcase_add_test(tc, test_bad_headers_are_enoexec);
	tcase_add_test(tc, test_phnum_bounds);
	tcase_add_test(tc, test_bad_segments_are_einval);
	tcase_add_test(tc, test_read_errors_propagate);
	tcase_add_test(tc, test_map_copies_file_and_zeroes_bss);
	tcase_add_test(tc, test_map_read_only_pages_are_the_files);
	tcase_add_test(tc, test_map_page_cache_errors_fail_the_exec);
	tcase_add_test(tc, test_map_pie_at_bias);
	tcase_add_test(tc, test_random_corruption_never_crashes);
	tcase_add_test(tc, test_stack_layout);
	tcase_add_test(tc, test_stack_too_big_is_e2big);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(elf_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
