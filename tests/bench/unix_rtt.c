/*
 * unix_rtt: the round trip of one byte between two processes over an
 * AF_UNIX stream socketpair(2) (lmbench's lat_unix).  Where socketpair()
 * fails (a kernel without AF_UNIX sockets) it prints the failure and
 * exits 1, and bench-compare reports the row as failed.
 * Prints "unix_rtt US us" per round trip.
 */
#include "pingpong.h"

#include <sys/socket.h>

int
main(int argc, char **argv)
{
	int sv[2];

	bench_init(argc, argv);
	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) < 0)
		bench_die("unix_rtt", "socketpair");
	pingpong_run("unix_rtt", (struct pingpong){ sv[0], sv[0] },
	    (struct pingpong){ sv[1], sv[1] }, 1);
	return 0;
}
