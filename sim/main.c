/*
 * main.c: the `trellis` program.  `trellis run [options] -- PROGRAM ARGS`
 * builds the machine (physical memory, the boot image, CPUs, the 9p and
 * network devices), hands the program, its environment and working directory to
 * the services as boot information, and runs until the services power
 * off; the guest's exit status becomes ours.  The root is the host's "/"
 * (read-only, under a tmpfs overlay) unless --root or --initrd say
 * otherwise.
 */
#define _GNU_SOURCE
#include "sim.h"

#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <hal/cpu.h>
#include <hal/phys.h>
#include <hal/platform.h>
#include <core/boot_impl.h>

#define MEM_MIN		(16ull << 20)
#define MEM_MAX		(64ull << 30)
#define EXIT_USAGE	125

extern char **environ;

static void
usage(FILE *f)
{
	fprintf(f,
	    "usage: trellis run [options] [--] PROGRAM [ARGS...]\n"
	    "       trellis boot [--arch x86_64] [options] [-- PROGRAM ...]\n"
	    "                  the bare-metal kernel in QEMU: scripts/boot of\n"
	    "                  the source tree, whose --help lists options\n"
	    "run options:\n"
	    "  --cpus N        simulated CPUs (default: the host's count)\n"
	    "  --mem SIZE      physical memory, e.g. 512M, 2G (default 1G)\n"
	    "  --root DIR      the root is host directory DIR, read-only over\n"
	    "                  virtio-9p, under a tmpfs where the guest's\n"
	    "                  changes stay (default: --root /)\n"
	    "  --root-rw DIR   the root is host directory DIR itself,\n"
	    "                  read-write over virtio-9p: the guest's\n"
	    "                  changes reach DIR\n"
	    "  --initrd FILE   the root is an initramfs instead: a newc cpio\n"
	    "                  archive (gzip'd or not), or \"builtin\" for the\n"
	    "                  embedded busybox root\n"
	    "  --kopt NAME[=VALUE]  a kernel boot option\n"
	    "  --net user|none  a virtio-net card on user-mode networking\n"
	    "                  (libslirp: the guest is 10.0.2.15, the host\n"
	    "                  10.0.2.2, DNS 10.0.2.3), or no card\n"
	    "                  (default: user; user,csum offers checksum\n"
	    "                  offloads)\n"
	    "  --publish HOSTPORT:GUESTPORT  forward TCP connections to the\n"
	    "                  host's 127.0.0.1:HOSTPORT to the guest's\n"
	    "                  GUESTPORT (repeatable)\n"
	    "  --strace        trace the guest's system calls to stderr\n"
	    "  --log LEVEL     kernel log level: debug, info, warn, error\n");
}

static int
parse_size(const char *s, uint64_t *out)
{
	char *end;
	unsigned long long v;

	errno = 0;
	v = strtoull(s, &end, 0);
	if (errno != 0 || end == s)
		return -1;
	switch (*end) {
	case 'k': case 'K': v <<= 10; end++; break;
	case 'm': case 'M': v <<= 20; end++; break;
	case 'g': case 'G': v <<= 30; end++; break;
	}
	if (*end != '\0' || v < MEM_MIN || v > MEM_MAX)
		return -1;
	*out = v & ~0xffffull;
	return 0;
}

static FW_NORETURN_SIM void
die_usage(const char *msg, const char *arg)
{
	fprintf(stderr, "trellis: %s%s%s\n", msg, arg ? ": " : "",
	    arg ? arg : "");
	usage(stderr);
	exit(EXIT_USAGE);
}

/* A port: 1 to 65535. */
static int
parse_port(const char *s, char stop, const char **end)
{
	char *e;
	long v;

	errno = 0;
	v = strtol(s, &e, 10);
	if (errno != 0 || e == s || *e != stop || v < 1 || v > 65535)
		return -1;
	*end = e;
	return (int)v;
}

static void
parse_publish(const char *v, struct sim_config *c)
{
	const char *end;
	int hp, gp;

	if (c->npublish == SIM_SLIRP_FWD_MAX)
		die_usage("too many --publish options", v);
	if ((hp = parse_port(v, ':', &end)) < 0 ||
	    (gp = parse_port(end + 1, '\0', &end)) < 0)
		die_usage("--publish takes HOSTPORT:GUESTPORT", v);
	c->publish[c->npublish++] = (struct sim_slirp_fwd){
	    (uint16_t)hp, (uint16_t)gp };
}

/*
 * trellis boot: the bare-metal kernel under QEMU.  The source tree's
 * scripts/boot builds it and runs QEMU; this only hands over.
 */
static void
boot_bare_metal(char **argv)
{
	static const char script[] = TRELLIS_SOURCE_DIR "/scripts/boot";

	argv[0] = (char *)script;
	execv(script, argv);
	fprintf(stderr, "trellis: boot: %s: %s\n", script, strerror(errno));
	exit(125);
}

static void
parse_args(int argc, char **argv, struct sim_config *c)
{
	int i = 2;

	if (argc >= 2 && strcmp(argv[1], "boot") == 0)
		boot_bare_metal(argv + 1);

	if (argc < 2 || strcmp(argv[1], "run") != 0) {
		if (argc >= 2 && (!strcmp(argv[1], "--help") ||
		    !strcmp(argv[1], "-h"))) {
			usage(stdout);
			exit(0);
		}
		die_usage("expected a command", argc >= 2 ? argv[1] : NULL);
	}
	for (; i < argc && argv[i][0] == '-'; i++) {
		const char *o = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (!strcmp(o, "--")) {
			i++;
			break;
		} else if (!strcmp(o, "--strace")) {
			c->strace = true;
		} else if (!strcmp(o, "--help") || !strcmp(o, "-h")) {
			usage(stdout);
			exit(0);
		} else if (v == NULL) {
			die_usage("unknown option or missing value", o);
		} else if (!strcmp(o, "--cpus")) {
			char *end;
			long n = strtol(v, &end, 10);

			if (*end || n < 1 || n > 64)
				die_usage("--cpus takes 1 to 64", v);
			c->cpus = (unsigned int)n;
			i++;
		} else if (!strcmp(o, "--mem")) {
			if (parse_size(v, &c->mem) < 0)
				die_usage("--mem takes 16M to 64G", v);
			i++;
		} else if (!strcmp(o, "--initrd")) {
			c->initrd = strcmp(v, "builtin") ? v : NULL;
			c->use_initrd = true;
			i++;
		} else if (!strcmp(o, "--root") || !strcmp(o, "--root-rw")) {
			c->share = v;
			c->share_rw = !strcmp(o, "--root-rw");
			i++;
		} else if (!strcmp(o, "--kopt")) {
			if (c->nkopts == sizeof(c->kopts) / sizeof(c->kopts[0]))
				die_usage("too many --kopt options", v);
			c->kopts[c->nkopts++] = v;
			i++;
		} else if (!strcmp(o, "--net")) {
			c->net = strcmp(v, "none") != 0;
			c->net_csum = !strcmp(v, "user,csum");
			if (c->net && !c->net_csum && strcmp(v, "user"))
				die_usage("--net takes user, user,csum or none",
				    v);
			i++;
		} else if (!strcmp(o, "--publish")) {
			parse_publish(v, c);
			i++;
		} else if (!strcmp(o, "--log")) {
			c->log = v;
			i++;
		} else {
			die_usage("unknown option", o);
		}
	}
	if (i >= argc)
		die_usage("no program given", NULL);
	if (c->use_initrd && c->share != NULL)
		die_usage("--initrd and --root exclude each other", NULL);
	if (!c->use_initrd && c->share == NULL)
		c->share = "/";
	if (!c->net && c->npublish > 0)
		die_usage("--publish needs --net user", NULL);
	c->argv = (const char *const *)&argv[i];
	c->argc = (size_t)(argc - i);
}

static void
initrd_too_big(void)
{
	fprintf(stderr, "trellis: the initramfs does not fit in --mem\n");
	exit(EXIT_USAGE);
}

/* A boot image file, read whole into the heap; exits on failure. */
static uint8_t *
read_image(const char *path, size_t *len)
{
	size_t done = 0;
	struct stat st;
	uint8_t *p;
	ssize_t n;
	int fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0 || fstat(fd, &st) < 0) {
		fprintf(stderr, "trellis: %s: %s\n", path, strerror(errno));
		exit(EXIT_USAGE);
	}
	if ((uint64_t)st.st_size > hal_phys_size() / 2)
		initrd_too_big();
	if ((p = malloc(st.st_size > 0 ? (size_t)st.st_size : 1)) == NULL) {
		fprintf(stderr, "trellis: %s: %s\n", path, strerror(errno));
		exit(EXIT_USAGE);
	}
	*len = (size_t)st.st_size;
	while (done < *len) {
		n = read(fd, p + done, *len - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			fprintf(stderr, "trellis: %s: short read\n", path);
			exit(EXIT_USAGE);
		}
		done += (size_t)n;
	}
	close(fd);
	return p;
}

/*
 * The boot image, where the framework reads it until power-off: the
 * embedded one in place, a file read into our heap (a mapping of the
 * file would SIGBUS us if the file shrank while we run).  The ramfs
 * copies each file page out of it when that page is first used.
 */
static const uint8_t *
boot_image(const struct sim_config *c, uint64_t *size)
{
	const uint8_t *img = sim_initrd_blob;
	size_t len = (size_t)(sim_initrd_blob_end - sim_initrd_blob);

	*size = 0;
	if (!c->use_initrd)
		return NULL;
	if (c->initrd != NULL)
		img = read_image(c->initrd, &len);	/* checks the size */
	else if (len > hal_phys_size() / 2)
		initrd_too_big();
	*size = len;
	return img;
}

/*
 * Our working directory as the guest sees it under the root dir: false
 * when it lies outside (the guest starts in "/").
 */
static bool
guest_cwd(const char *dir, char *buf, size_t size)
{
	char *root = realpath(dir, NULL);
	size_t len;
	bool ok = false;

	if (root != NULL && getcwd(buf, size) != NULL) {
		len = strcmp(root, "/") == 0 ? 0 : strlen(root);
		if (strncmp(buf, root, len) == 0 &&
		    (buf[len] == '/' || buf[len] == '\0')) {
			memmove(buf, buf + len, strlen(buf + len) + 1);
			if (buf[0] == '\0')
				strcpy(buf, "/");
			ok = true;
		}
	}
	free(root);
	return ok;
}

static void
fill_boot_params(const struct sim_config *c, const uint8_t *initrd,
    uint64_t initrd_size)
{
	static struct fw_boot_option opts[4 + 16];
	static char cwd[4096];
	size_t n = 0, envc = 0, k;

	while (environ[envc] != NULL)
		envc++;
	if (!c->use_initrd) {
		/* --root-rw: the export itself is the root, no overlay. */
		opts[n++] = (struct fw_boot_option){ "root",
		    c->share_rw ? "9p-rw" : "9p" };
		if (guest_cwd(c->share, cwd, sizeof(cwd)))
			opts[n++] = (struct fw_boot_option){ "cwd", cwd };
	}
	if (c->strace)
		opts[n++] = (struct fw_boot_option){ "strace", "" };
	if (c->log != NULL)
		opts[n++] = (struct fw_boot_option){ "log", c->log };
	for (k = 0; k < c->nkopts; k++) {
		char *key = strdup(c->kopts[k]), *eq;

		if (key == NULL)
			continue;
		eq = strchr(key, '=');
		if (eq != NULL)
			*eq++ = '\0';
		opts[n++] = (struct fw_boot_option){ key, eq ? eq : "" };
	}
	fw_boot_params = (struct fw_boot_params){
		.argc = c->argc,
		.argv = c->argv,
		.envc = envc,
		.envp = (const char *const *)environ,
		.noptions = n,
		.options = opts,
		.initrd = initrd,
		.initrd_size = initrd_size,
		.vdso = sim_vdso_blob,
		.vdso_size = (size_t)(sim_vdso_blob_end - sim_vdso_blob),
	};
	fw_boot_params.devices = sim_dev_boot_list(&fw_boot_params.ndevices);
}

/*
 * The kernel heap is the host's malloc (core/alloc.c).  glibc gives the
 * top of a heap back to the host once 128 KiB of it is free and maps
 * blocks from 128 KiB up (raising that line as they are freed): a 64 KiB
 * socket buffer freed and allocated again would cost a brk or madvise
 * each way, the shrink a TLB shootdown across the CPU threads, the growth
 * a page fault per page.  Keep up to HEAP_KEEP free at the top instead;
 * it counts in Trellis's RSS only once touched.
 */
#define HEAP_KEEP	(2 << 20)
#define HEAP_MMAP_MIN	(1 << 20)

static void
heap_tune(void)
{
	(void)mallopt(M_TRIM_THRESHOLD, HEAP_KEEP);
	(void)mallopt(M_MMAP_THRESHOLD, HEAP_MMAP_MIN);
}

/* The time of one pause instruction, for the stub's spin budget. */
static unsigned int
measure_pause(void)
{
	uint64_t t0 = hal_clock_monotonic(), t;
	int i;

	for (i = 0; i < 20000; i++)
		__builtin_ia32_pause();
	t = (hal_clock_monotonic() - t0) / 20000;
	return t < 1 ? 1 : t > 1000 ? 1000 : (unsigned int)t;
}

int
main(int argc, char **argv)
{
	struct sim_config c = { .cpus = 0, .mem = 1ull << 30, .net = true };
	const uint8_t *initrd;
	uint64_t initrd_size;
	long host_cpus;
	int err;

	parse_args(argc, argv, &c);
	heap_tune();
	signal(SIGPIPE, SIG_IGN);
	(void)hal_clock_monotonic();
	host_cpus = sim_host_cpus();
	sim_spin_on = host_cpus > 1;
	sim_colo_on = sim_spin_on && sim_cpu_has_rdtscp();
	if (c.cpus == 0)			/* the default: the host's */
		c.cpus = host_cpus < 1 ? 1 : host_cpus > 64 ? 64 :
		    (unsigned int)host_cpus;
	sim_pause_ns = measure_pause();
	if ((err = sim_phys_init(c.mem)) < 0) {
		fprintf(stderr, "trellis: physical memory: %s\n",
		    strerror(-err));
		return EXIT_USAGE;
	}
	initrd = boot_image(&c, &initrd_size);
	if ((err = sim_stub_init()) < 0) {
		fprintf(stderr, "trellis: stub: %s\n", strerror(-err));
		return EXIT_USAGE;
	}
	if (c.share != NULL && (err = sim_dev_add_9p(c.share, c.share_rw)) < 0) {
		fprintf(stderr, "trellis: --root %s: %s\n", c.share,
		    strerror(-err));
		return EXIT_USAGE;
	}
	if (c.net && (err = sim_dev_add_net(c.publish, c.npublish,
	    c.net_csum)) < 0) {
		fprintf(stderr, "trellis: --net: %s\n", strerror(-err));
		return EXIT_USAGE;
	}
	sim_cpus_configure(c.cpus);
	fill_boot_params(&c, initrd, initrd_size);
	sim_console_init();
	fw_core_init();
	sim_cpus_start();
}
