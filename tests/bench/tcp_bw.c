/*
 * tcp_bw: TCP bandwidth on 127.0.0.1 between two processes in 64 KiB
 * transfers (lmbench's bw_tcp).  Prints "tcp_bw_64k MBS MB/s".
 */
#include "tcpconn.h"

int
main(int argc, char **argv)
{
	int c, s;

	bench_init(argc, argv);
	tcpconn_pair("tcp_bw_64k", &c, &s);
	bw_run("tcp_bw_64k", c, s);
	return 0;
}
