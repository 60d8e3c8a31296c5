/*
 * unix_bw: AF_UNIX stream bandwidth between two processes in 64 KiB
 * transfers (lmbench's bw_unix).  Prints "unix_bw_64k MBS MB/s".
 */
#include "tcpconn.h"

int
main(int argc, char **argv)
{
	int sv[2];

	bench_init(argc, argv);
	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) < 0)
		bench_die("unix_bw_64k", "socketpair");
	bw_run("unix_bw_64k", sv[0], sv[1]);
	return 0;
}
