/*
 * proc/signame.c: signal and si_code names for --strace, and which
 * signals dump core by default (signal(7)).  Immutable tables; no locks.
 */
#include <svc/lib.h>
#include <svc/proc.h>
#include <uapi/signal.h>

static const char *const sig_names[LINUX_SIGRTMIN] = {
	[LINUX_SIGHUP] = "SIGHUP", [LINUX_SIGINT] = "SIGINT",
	[LINUX_SIGQUIT] = "SIGQUIT", [LINUX_SIGILL] = "SIGILL",
	[LINUX_SIGTRAP] = "SIGTRAP", [LINUX_SIGABRT] = "SIGABRT",
	[LINUX_SIGBUS] = "SIGBUS", [LINUX_SIGFPE] = "SIGFPE",
	[LINUX_SIGKILL] = "SIGKILL", [LINUX_SIGUSR1] = "SIGUSR1",
	[LINUX_SIGSEGV] = "SIGSEGV", [LINUX_SIGUSR2] = "SIGUSR2",
	[LINUX_SIGPIPE] = "SIGPIPE", [LINUX_SIGALRM] = "SIGALRM",
	[LINUX_SIGTERM] = "SIGTERM", [LINUX_SIGSTKFLT] = "SIGSTKFLT",
	[LINUX_SIGCHLD] = "SIGCHLD", [LINUX_SIGCONT] = "SIGCONT",
	[LINUX_SIGSTOP] = "SIGSTOP", [LINUX_SIGTSTP] = "SIGTSTP",
	[LINUX_SIGTTIN] = "SIGTTIN", [LINUX_SIGTTOU] = "SIGTTOU",
	[LINUX_SIGURG] = "SIGURG", [LINUX_SIGXCPU] = "SIGXCPU",
	[LINUX_SIGXFSZ] = "SIGXFSZ", [LINUX_SIGVTALRM] = "SIGVTALRM",
	[LINUX_SIGPROF] = "SIGPROF", [LINUX_SIGWINCH] = "SIGWINCH",
	[LINUX_SIGIO] = "SIGIO", [LINUX_SIGPWR] = "SIGPWR",
	[LINUX_SIGSYS] = "SIGSYS",
};

/* The name of signo; real-time signals are all "SIGRT" here. */
const char *
sig_name(int signo)
{
	if (signo > 0 && signo < LINUX_SIGRTMIN)
		return sig_names[signo];
	return "SIGRT";
}

/* The name of a fault's si_code, as strace prints it. */
const char *
sig_code_name(int signo, int code)
{
	static const char *const chld[] = { "CLD_EXITED", "CLD_KILLED",
	    "CLD_DUMPED", "CLD_TRAPPED", "CLD_STOPPED", "CLD_CONTINUED" };

	switch (code) {
	case LINUX_SI_KERNEL:
		return "SI_KERNEL";
	case LINUX_SI_USER:
		return "SI_USER";
	case LINUX_SI_QUEUE:
		return "SI_QUEUE";
	case LINUX_SI_TIMER:
		return "SI_TIMER";
	case LINUX_SI_TKILL:
		return "SI_TKILL";
	default:
		break;
	}
	if (signo == LINUX_SIGCHLD && code >= 1 && code <= 6)
		return chld[code - 1];
	switch (signo) {
	case LINUX_SIGSEGV:
		return code == LINUX_SEGV_ACCERR ? "SEGV_ACCERR" : "SEGV_MAPERR";
	case LINUX_SIGILL:
		return "ILL_ILLOPN";
	case LINUX_SIGFPE:
		return code == LINUX_FPE_INTDIV ? "FPE_INTDIV" : "FPE_FLTINV";
	case LINUX_SIGTRAP:
		return code == LINUX_TRAP_TRACE ? "TRAP_TRACE" : "TRAP_BRKPT";
	case LINUX_SIGBUS:
		return "BUS_ADRALN";
	default:
		return "SI_USER";	/* what strace shows for codes it lacks */
	}
}
