/*
 * null_syscall: the cost of one system call that does no work,
 * getppid(2) through syscall() so that no libc caches the answer.
 * Prints "null_syscall US us".
 */
#include "bench.h"

#include <sys/syscall.h>

static void
loop(void *arg, long n)
{
	while (n-- > 0)
		syscall(SYS_getppid);
}

int
main(int argc, char **argv)
{
	bench_init(argc, argv);
	bench_report("null_syscall", "us", loop, NULL, bench_iters(10000),
	    1, 0);
	return 0;
}
