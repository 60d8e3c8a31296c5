/*
 * tests/fuzz/p9srv_fuzz.c: libFuzzer harness for the 9P2000.L server
 * (sim/p9/).  An input is a flags byte (bit 0: a writable export; bits 1-2:
 * the reply buffer's size) and then T-messages back to back, each cut at
 * the length its size field gives (or at the input's end).  Each input
 * gets a fresh tree and a fresh server, so inputs do not depend on each
 * other, and after each the harness checks that nothing beside the export
 * changed: B/canary keeps its text, mode and times, and B holds only
 * "export" and "canary".  Any violation, or a reply that breaks its
 * contract, aborts.
 *
 *	B/canary			"canary", mtime 1000000000
 *	B/export/file, B/export/dir/f2, B/export/dir/sub/
 *	B/export/abs -> B/canary, rel -> ../canary, up -> ..
 *
 * Seeds: tests/fuzz/corpus/p9srv/ (written by tests/unit/sim/p9srv_test.c
 * with P9SRV_CORPUS set).
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "p9srv.h"

#define MSIZE	8192

int	LLVMFuzzerInitialize(int *argc, char ***argv);
int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char base[PATH_MAX], exp_dir[PATH_MAX + 16], canary[PATH_MAX + 16];
static int basefd = -1;
static const struct timespec fixed[2] = { { 1000000000, 0 },
    { 1000000000, 0 } };

static void __attribute__((noreturn))
die(const char *what)
{
	fprintf(stderr, "p9srv_fuzz: %s\n", what);
	abort();
}

static void
put(int dfd, const char *name, const char *text)
{
	int fd = openat(dfd, name, O_WRONLY | O_CREAT | O_TRUNC, 0644);

	if (fd < 0 || write(fd, text, strlen(text)) < 0 || close(fd) < 0)
		die("cannot write the tree");
}

/* Removes name in dfd and everything below it, whatever its modes. */
static void
rm_at(int dfd, const char *name)
{
	struct dirent *e;
	struct stat st;
	DIR *d;
	int fd;

	if (fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) < 0)
		return;
	if (!S_ISDIR(st.st_mode)) {
		unlinkat(dfd, name, 0);
		return;
	}
	fchmodat(dfd, name, 0700, 0);
	fd = openat(dfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
	if (fd >= 0 && (d = fdopendir(fd)) != NULL) {
		while ((e = readdir(d)) != NULL)
			if (strcmp(e->d_name, ".") != 0 &&
			    strcmp(e->d_name, "..") != 0)
				rm_at(dirfd(d), e->d_name);
		closedir(d);
	} else if (fd >= 0) {
		close(fd);
	}
	unlinkat(dfd, name, AT_REMOVEDIR);
}

static void
make_export(void)
{
	int fd;

	if (mkdirat(basefd, "export", 0755) < 0 ||
	    (fd = openat(basefd, "export", O_RDONLY | O_DIRECTORY)) < 0)
		die("cannot make the export");
	put(fd, "file", "hello");
	if (mkdirat(fd, "dir", 0755) < 0 || mkdirat(fd, "dir/sub", 0755) < 0 ||
	    symlinkat(canary, fd, "abs") < 0 ||
	    symlinkat("../canary", fd, "rel") < 0 ||
	    symlinkat("..", fd, "up") < 0)
		die("cannot make the export");
	put(fd, "dir/f2", "f2");
	close(fd);
}

static void
check_outside(void)
{
	struct dirent *e;
	struct stat st;
	char buf[16] = "";
	int fd, n = 0;
	DIR *d;

	if (stat(canary, &st) < 0 || st.st_mtim.tv_sec != 1000000000 ||
	    st.st_atim.tv_sec != 1000000000 || (st.st_mode & 07777) != 0600)
		die("the canary beside the export was touched");
	if ((fd = open(canary, O_RDONLY)) < 0 || read(fd, buf, 15) != 6 ||
	    strcmp(buf, "canary") != 0)
		die("the canary beside the export changed");
	close(fd);
	utimensat(AT_FDCWD, canary, fixed, 0);	/* our read's atime */
	if ((d = opendir(base)) == NULL)
		die("cannot list the base");
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			if (++n > 2 || (strcmp(e->d_name, "export") != 0 &&
			    strcmp(e->d_name, "canary") != 0))
				die("something appeared beside the export");
	closedir(d);
}

static void
remove_base(void)
{
	rm_at(basefd, "export");
	rm_at(basefd, "canary");
	rmdir(base);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *tmp = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";

	snprintf(base, sizeof(base), "%s/p9srv_fuzz.XXXXXX", tmp);
	if (mkdtemp(base) == NULL ||
	    (basefd = open(base, O_RDONLY | O_DIRECTORY)) < 0)
		die("cannot make the base directory");
	snprintf(exp_dir, sizeof(exp_dir), "%s/export", base);
	snprintf(canary, sizeof(canary), "%s/canary", base);
	put(basefd, "canary", "canary");
	if (fchmodat(basefd, "canary", 0600, 0) < 0 ||
	    utimensat(basefd, "canary", fixed, 0) < 0)
		die("cannot make the canary");
	atexit(remove_base);
	return 0;
}

static void
check_reply(const uint8_t *reply, size_t n, size_t cap)
{
	uint32_t size;

	if (n > cap || (n != 0 && n < 7) || (n == 0 && cap >= 11))
		die("reply length out of contract");
	if (n == 0)
		return;
	memcpy(&size, reply, 4);
	if (size != n || (reply[4] & 1) == 0)
		die("malformed reply");
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const size_t caps[4] = { MSIZE, 300, 64, 11 };
	static uint8_t reply[MSIZE];
	struct p9srv *srv;
	size_t pos = 1, len, cap, n;
	uint32_t msglen;

	if (size < 1)
		return 0;
	make_export();
	if ((srv = p9srv_new(exp_dir, data[0] & 1, MSIZE)) == NULL)
		die("p9srv_new");
	cap = caps[(data[0] >> 1) & 3];
	while (pos < size) {
		len = size - pos;
		if (len >= 4) {
			memcpy(&msglen, data + pos, 4);
			if (msglen >= 4 && msglen < len)
				len = msglen;
		}
		n = p9srv_handle(srv, data + pos, len, reply, cap);
		check_reply(reply, n, cap);
		pos += len;
	}
	p9srv_free(srv);
	check_outside();
	rm_at(basefd, "export");
	return 0;
}
