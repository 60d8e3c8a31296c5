/*
 * macro_tar: busybox tar of a generated tree of 400 small files (20
 * directories of 20 files of 1-4 KiB) in /tmp into an archive in /tmp:
 * path walks, opens, stats and reads of many small files.
 * Prints "macro_tar MS ms" per archive.
 */
#include "macro.h"

#define DIRS	20
#define FILES	20

static char data[4096];

static void
make_tree(const char *root)
{
	char path[256];
	int d, f, fd;
	size_t len;

	if (mkdir(root, 0755) < 0)
		bench_die("macro_tar", "mkdir");
	for (d = 0; d < DIRS; d++) {
		snprintf(path, sizeof(path), "%s/d%02d", root, d);
		if (mkdir(path, 0755) < 0)
			bench_die("macro_tar", "mkdir");
		for (f = 0; f < FILES; f++) {
			snprintf(path, sizeof(path), "%s/d%02d/f%02d.txt",
			    root, d, f);
			len = 1024 + macro_rand() % 3072;
			if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC,
			    0644)) < 0 || write(fd, data, len) != (ssize_t)len)
				bench_die("macro_tar", "write");
			close(fd);
		}
	}
}

int
main(int argc, char **argv)
{
	char root[64], archive[80];
	char *cmd[] = { MACRO_BUSYBOX, "tar", "-cf", archive, "-C", root, ".",
	    NULL };
	size_t i;

	bench_init(argc, argv);
	for (i = 0; i < sizeof(data); i++)
		data[i] = (char)('a' + macro_rand() % 26);
	bench_tmp_path(root, sizeof(root), "tar");
	snprintf(archive, sizeof(archive), "%s.tar", root);
	make_tree(root);
	macro_time("macro_tar", cmd, NULL, 1);
	macro_remove("macro_tar", root);
	unlink(archive);
	return 0;
}
