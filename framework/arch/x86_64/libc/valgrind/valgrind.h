/*
 * valgrind/valgrind.h for the bare-metal kernel (-nostdinc): the framework
 * core tells Valgrind about task stacks (core/task.c); on bare metal there
 * is no Valgrind, and the requests do nothing.
 */
#ifndef KERNEL_VALGRIND_H
#define KERNEL_VALGRIND_H

#define VALGRIND_STACK_REGISTER(start, end)	((void)(start), (void)(end), 0u)
#define VALGRIND_STACK_DEREGISTER(id)		((void)(id))

#endif
