/*
 * tcpconn.h: a connected TCP pair on 127.0.0.1 (both ends TCP_NODELAY),
 * and a bulk-transfer loop, for the TCP and AF_UNIX stream benchmarks.
 */
#ifndef BENCH_TCPCONN_H
#define BENCH_TCPCONN_H

#include "bench.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/wait.h>

/* Listens on an ephemeral port of 127.0.0.1: the socket; *a its address. */
static inline int
tcpconn_listen(const char *name, struct sockaddr_in *a)
{
	socklen_t len = sizeof(*a);
	int l;

	memset(a, 0, sizeof(*a));
	a->sin_family = AF_INET;
	a->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if ((l = socket(AF_INET, SOCK_STREAM, 0)) < 0 ||
	    bind(l, (struct sockaddr *)a, sizeof(*a)) < 0 ||
	    listen(l, 64) < 0 ||
	    getsockname(l, (struct sockaddr *)a, &len) < 0)
		bench_die(name, "listen");
	return l;
}

static inline void
tcpconn_pair(const char *name, int *client, int *server)
{
	struct sockaddr_in a;
	int l = tcpconn_listen(name, &a), one = 1;

	if ((*client = socket(AF_INET, SOCK_STREAM, 0)) < 0 ||
	    connect(*client, (struct sockaddr *)&a, sizeof(a)) < 0 ||
	    (*server = accept(l, NULL, NULL)) < 0)
		bench_die(name, "connect");
	setsockopt(*client, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	setsockopt(*server, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	close(l);
}

#define BW_CHUNK	(64L << 10)

static char bw_buf[BW_CHUNK];
static const char *bw_name;

static inline void
bw_loop(void *arg, long n)
{
	int fd = *(int *)arg;
	ssize_t got, r;

	while (n-- > 0)
		for (got = 0; got < BW_CHUNK; got += r)
			if ((r = read(fd, bw_buf + got, BW_CHUNK - got)) <= 0)
				bench_die(bw_name, "read");
}

/*
 * A child writes 64 KiB at a time to wr until the reader goes; one
 * operation is the parent reading 64 KiB from rd.  Reports name in MB/s.
 */
static inline void
bw_run(const char *name, int rd, int wr)
{
	pid_t pid;
	int st;

	bw_name = name;
	if ((pid = fork()) < 0)
		bench_die(name, "fork");
	if (pid == 0) {
		close(rd);
		memset(bw_buf, 0x5a, sizeof(bw_buf));
		while (write(wr, bw_buf, BW_CHUNK) > 0)
			;
		_exit(0);		/* EPIPE or SIGPIPE ends it */
	}
	close(wr);
	bench_report(name, "MB/s", bw_loop, &rd, bench_iters(1000), 1,
	    (double)BW_CHUNK);
	close(rd);
	if (waitpid(pid, &st, 0) != pid)
		bench_die(name, "waitpid");
}

#endif
