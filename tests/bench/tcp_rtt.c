/*
 * tcp_rtt: the round trip of one byte between two processes over a TCP
 * connection on 127.0.0.1 with TCP_NODELAY (lmbench's lat_tcp).  Prints
 * "tcp_rtt US us" per round trip.
 */
#include "pingpong.h"
#include "tcpconn.h"

int
main(int argc, char **argv)
{
	int c, s;

	bench_init(argc, argv);
	tcpconn_pair("tcp_rtt", &c, &s);
	pingpong_run("tcp_rtt", (struct pingpong){ c, c },
	    (struct pingpong){ s, s }, 1);
	return 0;
}
