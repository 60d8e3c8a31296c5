/*
 * tcp_connect: a TCP connection on 127.0.0.1 made and closed (lmbench's
 * lat_connect): socket, connect, accept and both closes, all in one
 * process.  Prints "tcp_connect US us".
 */
#include "tcpconn.h"

static struct sockaddr_in addr;
static int lfd;

static void
loop(void *arg, long n)
{
	int c, s;

	while (n-- > 0) {
		if ((c = socket(AF_INET, SOCK_STREAM, 0)) < 0 ||
		    connect(c, (struct sockaddr *)&addr, sizeof(addr)) < 0 ||
		    (s = accept(lfd, NULL, NULL)) < 0)
			bench_die("tcp_connect", "connect");
		close(c);
		close(s);
	}
}

int
main(int argc, char **argv)
{
	bench_init(argc, argv);
	lfd = tcpconn_listen("tcp_connect", &addr);
	bench_report("tcp_connect", "us", loop, NULL, bench_iters(2000), 1, 0);
	close(lfd);
	return 0;
}
