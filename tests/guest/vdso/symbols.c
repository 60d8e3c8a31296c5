/* The vDSO the kernel maps (AT_SYSINFO_EHDR) is an ELF shared object whose dynamic symbols
 * __vdso_clock_gettime, __vdso_gettimeofday, __vdso_time and __vdso_getcpu carry the
 * version LINUX_2.6, and calling them agrees with the system calls: CLOCK_MONOTONIC read
 * through the vDSO and the syscall never goes back, whichever is read first; the real-time
 * clocks agree within a second; clocks the vDSO cannot serve still answer, and an invalid
 * clock is -EINVAL. */
#include "guest.h"
#include <elf.h>
#include <sys/auxv.h>
#include <sys/time.h>
#include <time.h>

struct vdso {
    uintptr_t bias;
    const Elf64_Sym *sym;
    const char *str;
    const Elf64_Half *versym;
    const Elf64_Verdef *verdef;
    size_t nsym;
};

static void vdso_open(struct vdso *v)
{
    const Elf64_Ehdr *eh = (const Elf64_Ehdr *)getauxval(AT_SYSINFO_EHDR);
    const Elf64_Phdr *ph;
    const Elf64_Dyn *dyn = NULL;
    const Elf32_Word *hash = NULL;

    CHECK(eh != NULL);
    CHECK(memcmp(eh->e_ident, ELFMAG, SELFMAG) == 0);
    CHECK(eh->e_type == ET_DYN && eh->e_machine == EM_X86_64);
    ph = (const Elf64_Phdr *)((const char *)eh + eh->e_phoff);
    memset(v, 0, sizeof(*v));
    v->bias = 1;
    for (int i = 0; i < eh->e_phnum; i++) {
        if (ph[i].p_type == PT_LOAD && v->bias == 1)
            v->bias = (uintptr_t)eh + ph[i].p_offset - ph[i].p_vaddr;
        if (ph[i].p_type == PT_DYNAMIC)
            dyn = (const Elf64_Dyn *)((const char *)eh + ph[i].p_offset);
    }
    CHECK(v->bias != 1 && dyn != NULL);
    for (; dyn->d_tag != DT_NULL; dyn++) {
        uintptr_t p = v->bias + dyn->d_un.d_ptr;
        switch (dyn->d_tag) {
        case DT_SYMTAB: v->sym = (const Elf64_Sym *)p; break;
        case DT_STRTAB: v->str = (const char *)p; break;
        case DT_HASH: hash = (const Elf32_Word *)p; break;
        case DT_VERSYM: v->versym = (const Elf64_Half *)p; break;
        case DT_VERDEF: v->verdef = (const Elf64_Verdef *)p; break;
        }
    }
    CHECK(v->sym != NULL && v->str != NULL && hash != NULL);
    CHECK(v->versym != NULL && v->verdef != NULL);
    v->nsym = hash[1]; /* nchain: the symbol count */
}

/* The name of version index ndx, from the version definitions. */
static const char *vdso_version(const struct vdso *v, Elf64_Half ndx)
{
    const Elf64_Verdef *d = v->verdef;

    for (;;) {
        if ((d->vd_ndx & 0x7fff) == (ndx & 0x7fff)) {
            const Elf64_Verdaux *a = (const Elf64_Verdaux *)((const char *)d + d->vd_aux);
            return v->str + a->vda_name;
        }
        if (d->vd_next == 0)
            return NULL;
        d = (const Elf64_Verdef *)((const char *)d + d->vd_next);
    }
}

/* The address of the defined function name@LINUX_2.6. */
static void *vdso_sym(const struct vdso *v, const char *name)
{
    for (size_t i = 1; i < v->nsym; i++) {
        const Elf64_Sym *s = &v->sym[i];
        const char *ver;
        if (ELF64_ST_TYPE(s->st_info) != STT_FUNC || s->st_shndx == SHN_UNDEF ||
            strcmp(v->str + s->st_name, name) != 0)
            continue;
        ver = vdso_version(v, v->versym[i]);
        if (ver != NULL && strcmp(ver, "LINUX_2.6") == 0)
            return (void *)(v->bias + s->st_value);
    }
    FAIL("no %s@LINUX_2.6 in the vDSO", name);
}

static long long ns_of(const struct timespec *ts)
{
    return ts->tv_sec * 1000000000LL + ts->tv_nsec;
}

int main(void)
{
    struct vdso v;
    vdso_open(&v);
    int (*cg)(clockid_t, struct timespec *) = vdso_sym(&v, "__vdso_clock_gettime");
    int (*gtod)(struct timeval *, void *) = vdso_sym(&v, "__vdso_gettimeofday");
    time_t (*tm)(time_t *) = vdso_sym(&v, "__vdso_time");
    long (*gc)(unsigned *, unsigned *, void *) = vdso_sym(&v, "__vdso_getcpu");
    struct timespec a, b, c;

    /* vDSO, syscall, vDSO: never backwards, many times over. */
    for (int i = 0; i < 2000; i++) {
        CHECK(cg(CLOCK_MONOTONIC, &a) == 0);
        CHECK(syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &b) == 0);
        CHECK(cg(CLOCK_MONOTONIC, &c) == 0);
        if (ns_of(&a) > ns_of(&b) || ns_of(&b) > ns_of(&c))
            FAIL("monotonic went back: %lld %lld %lld", ns_of(&a), ns_of(&b), ns_of(&c));
        CHECK(a.tv_nsec >= 0 && a.tv_nsec < 1000000000L);
    }
    CHECK(cg(CLOCK_BOOTTIME, &a) == 0);
    CHECK(cg(CLOCK_REALTIME, &a) == 0);
    CHECK(syscall(SYS_clock_gettime, CLOCK_REALTIME, &b) == 0);
    CHECK(llabs(ns_of(&a) - ns_of(&b)) < 1000000000LL);

    struct timeval tv;
    CHECK(gtod(&tv, NULL) == 0);
    CHECK(tv.tv_usec >= 0 && tv.tv_usec < 1000000);
    CHECK(llabs((long long)tv.tv_sec - b.tv_sec) <= 1);
    time_t t1, t0 = tm(&t1);
    CHECK(t0 == t1);
    CHECK(llabs((long long)t0 - b.tv_sec) <= 1);

    /* What the page cannot serve is the system call's. */
    CHECK(cg(CLOCK_PROCESS_CPUTIME_ID, &a) == 0);
    CHECK(cg(CLOCK_THREAD_CPUTIME_ID, &a) == 0);
    CHECK(cg((clockid_t)12345, &a) == -EINVAL);

    unsigned cpu = ~0u, node = ~0u;
    CHECK(gc(&cpu, &node, NULL) == 0);
    CHECK(cpu < 4096 && node < 4096);
    return 0;
}
