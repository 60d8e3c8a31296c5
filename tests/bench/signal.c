/*
 * signal: the cost of signals to oneself (lmbench's lat_sig).
 * sig_install is one sigaction(2) that installs a handler; signal is one
 * kill(2) of SIGUSR1 to this process with the handler installed: the
 * system call, the delivery (a signal frame), the handler and
 * rt_sigreturn(2).  Prints "sig_install US us" and "signal US us".
 */
#include "bench.h"

#include <signal.h>

static volatile sig_atomic_t caught;

static void
handler(int sig)
{
	caught++;
}

static void
install(void *arg, long n)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = handler;
	while (n-- > 0)
		if (sigaction(SIGUSR1, &sa, NULL) < 0)
			bench_die("sig_install", "sigaction");
}

static void
deliver(void *arg, long n)
{
	pid_t pid = *(pid_t *)arg;
	long want = caught + n;

	while (n-- > 0)
		if (kill(pid, SIGUSR1) < 0)
			bench_die("signal", "kill");
	if (caught != want) {
		errno = 0;
		bench_die("signal", "a signal was not delivered");
	}
}

int
main(int argc, char **argv)
{
	pid_t pid;

	bench_init(argc, argv);
	bench_report("sig_install", "us", install, NULL, bench_iters(10000),
	    1, 0);
	pid = getpid();
	bench_report("signal", "us", deliver, &pid, bench_iters(5000), 1, 0);
	return 0;
}
